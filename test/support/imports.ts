import { expect } from 'vitest';
import type { TestRuntime } from './test-runtime.ts';

/** Uploads a file for an import's dry run as the screen does: the raw bytes, the kind and name in the query. */
export async function uploadImport(t: TestRuntime, token: string, kind: string, fileName: string, bytes: Uint8Array, templateId?: string) {
  const query = new URLSearchParams({ kind, fileName, ...(templateId ? { templateId } : {}) });
  const response = await t.app.request(
    `/api/imports?${query}`,
    { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> },
    { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
  );
  return { status: response.status, body: (await response.json()) as any };
}

/** Approves an import as `reviewer` and waits for its background commit to end: committed, or failed. */
export async function approveImport(t: TestRuntime, reviewer: string, id: string) {
  expect((await t.request('POST', `/api/imports/${id}/approve`, { token: reviewer })).status).toBe(202);
  for (let i = 0; i < 600; i++) {
    const { body } = await t.request('GET', `/api/imports/${id}`, { token: reviewer });
    if (body.status === 'committed' || body.failure !== null) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the commit did not end');
}
