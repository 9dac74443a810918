import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { timers } from '../../runtime/db/schema/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import type { TestRuntime } from './test-runtime.ts';

/** One row of a case's history, as `GET /api/cases/:id/history` lists it. */
export interface HistoryItem {
  from: string | null;
  to: string;
  event: string;
  actor: { id: string; role: string };
  data: Record<string, unknown>;
  cause: { event: string; caseId: string; caseNo: string; processId: string; outboxId: number } | null;
}

/** Registers a person and expects it to be created; returns the new person's id. */
export async function registerPerson(t: TestRuntime, token: string, idNumber: string, name: string, details: Record<string, unknown> = {}): Promise<string> {
  const response = await t.request('POST', '/api/persons', { token, body: { idNumber, name, ...details } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Reads a case as it is now and expects it to be found. */
export async function getCase(t: TestRuntime, token: string, caseId: string) {
  const response = await t.request('GET', `/api/cases/${caseId}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Reads the history of a case, oldest step first, and expects it to be found. */
export async function caseHistory(t: TestRuntime, token: string, caseId: string): Promise<HistoryItem[]> {
  const response = await t.request('GET', `/api/cases/${caseId}/history`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items;
}

/** Sends an event to a case at the version it has now, and expects it to be accepted. */
export async function act(t: TestRuntime, token: string, caseId: string, type: string, data?: Record<string, unknown>) {
  const { version } = await getCase(t, token, caseId);
  const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
  expect(response.status, `${type}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/** Opens a case of a process about a subject and expects it to be created. */
export async function open(t: TestRuntime, token: string, processId: string, subjectId: string) {
  const response = await t.request('POST', '/api/cases', { token, body: { processId, subjectId } });
  expect(response.status, `${processId}: ${JSON.stringify(response.body)}`).toBe(201);
  return response.body;
}

/**
 * An employer's vacancy posting, submitted by the caseworker with `form` and, unless `publish` is
 * false, reviewed and published by the reviewer. Returns the case's id.
 */
export async function postVacancy(t: TestRuntime, staff: { caseworker: string; reviewer: string }, employerId: string, form: Record<string, unknown>, publish = true): Promise<string> {
  const opened = await open(t, staff.caseworker, 'vacancy-posting', employerId);
  await act(t, staff.caseworker, opened.id, 'submit', form);
  if (publish) {
    await act(t, staff.reviewer, opened.id, 'startReview', {});
    await act(t, staff.reviewer, opened.id, 'publish', { opinion: '信息真实，予以发布' });
  }
  return opened.id;
}

/**
 * Registers a person as a job seeker (a referral needs an active registration), unless an active
 * job-seeking case of theirs exists already (the process allows one per person: 409).
 */
export async function registerJobSeeker(t: TestRuntime, token: string, personId: string, validUntil = '2027-06-30'): Promise<void> {
  const opened = await t.request('POST', '/api/cases', { token, body: { processId: 'job-seeking', subjectId: personId } });
  if (opened.status === 409) return;
  expect(opened.status, `job-seeking: ${JSON.stringify(opened.body)}`).toBe(201);
  const profile = { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350203'], expectedPayFen: 500_000, education: '60', availableFrom: '2026-11-02', validUntil };
  await act(t, token, opened.body.id, 'register', profile);
}

/**
 * Ends a case's public notice (公示) as its timer does, without moving the test's clock: the
 * pending `endNotice` timer made due now, then the due timers fired. Returns the case as it is then.
 */
export async function endNotice(t: TestRuntime, token: string, caseId: string) {
  const due = await t.rt.db
    .update(timers)
    .set({ fireAt: t.clock.now() })
    .where(and(eq(timers.caseId, caseId), eq(timers.event, 'endNotice'), isNull(timers.firedAt), isNull(timers.cancelledAt)))
    .returning({ id: timers.id });
  expect(due, 'a pending endNotice timer').toHaveLength(1);
  const fired = (await fireDueTimers(t.rt)).filter((timer) => timer.caseId === caseId);
  expect(fired.map((timer) => timer.outcome)).toEqual([{ sent: 'endNotice' }]);
  return getCase(t, token, caseId);
}

/**
 * Places a person in a public-welfare post as package 1.1.0 does: the placement under public notice
 * (安置人员公示), in effect once its timer ends the notice without objection. Returns the case then.
 */
export async function placeAfterNotice(t: TestRuntime, token: string, caseId: string, placement: Record<string, unknown>) {
  expect((await act(t, token, caseId, 'place', placement)).state).toBe('publicized');
  const placed = await endNotice(t, token, caseId);
  expect(placed.state).toBe('placed');
  return placed;
}
