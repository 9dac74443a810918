import { expect } from 'vitest';
import type { TestRuntime } from './test-runtime.ts';

/** Sends an event to a case at the version it has now, and expects it to be accepted. */
export async function act(t: TestRuntime, token: string, caseId: string, type: string, data?: Record<string, unknown>) {
  const current = await t.request('GET', `/api/cases/${caseId}`, { token });
  const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version: current.body.version } });
  expect(response.status, `${type}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/** Opens a case of a process about a subject and expects it to be created. */
export async function open(t: TestRuntime, token: string, processId: string, subjectId: string) {
  const response = await t.request('POST', '/api/cases', { token, body: { processId, subjectId } });
  expect(response.status, `${processId}: ${JSON.stringify(response.body)}`).toBe(201);
  return response.body;
}
