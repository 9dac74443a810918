import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';

interface Note {
  id: string;
  kind: string;
  taskId: string;
  caseId: string;
  caseNo: string;
  read: boolean;
  stateTitle: { 'zh-CN': string; en: string };
}
type Counts = { unread: number; new: number; returned: number; deadline: number; escalation: number };

const training = { classNo: 'XM2026-0418', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-09-01' };
const certificate = { certificateNo: 'S350200202600777', certificateType: 'skill-level', issuedOn: '2026-10-20' };
const claim = { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0077', amountFen: 150_000, year: '2026' };

/**
 * Issue 16, build 5: the workbench's notifications, derived from the open tasks offered to the
 * user: a new task at my post, nothing of another post's, deadlines within a working day,
 * escalations, a task returned by a reviewer; marked read per user, counted by kind.
 */
describe.each(backends)('notifications in the workbench (%s)', (backend) => {
  let t: TestRuntime;
  const tokens: Record<string, string> = {};
  let personId = '';
  let registration = '';

  async function bell(who: string): Promise<{ counts: Counts; items: Note[] }> {
    const response = await t.request('GET', '/api/notifications', { token: tokens[who] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const of = (items: Note[], caseId: string) => items.filter((item) => item.caseId === caseId).map((item) => item.kind).sort();
  const openTask = async (caseId: string) => (await queryRows<{ id: string }>(t.rt.db, sql`SELECT id FROM tasks WHERE case_id = ${caseId} AND status = 'open'`))[0]!.id;

  beforeAll(async () => {
    // Tuesday 2026-11-10, 10:00 in Beijing: no holiday near.
    t = await createTestRuntime(backend, { clock: testClock('2026-11-10T02:00:00.000Z') });
    for (const who of ['caseworker', 'reviewer', 'supervisor', 'unemployment-clerk', 'subsidy-clerk']) tokens[who] = await t.login(who);
    personId = await registerPerson(t, tokens['caseworker']!, citizenId('350206', '19910305', '035'), '林晓东', { phone: '13912340077' });
  });
  afterAll(() => t.close());

  it("tells a colleague at the task's post of a new task and its deadline, not the one who opened it, nor another post", async () => {
    registration = (await open(t, tokens['caseworker']!, 'unemployment-registration', personId)).id;
    // The draft is due by the end of the next working day: near at once.
    expect(of((await bell('unemployment-clerk')).items, registration)).toEqual(['deadline', 'new']);
    expect(of((await bell('caseworker')).items, registration)).toEqual(['deadline']);
    expect(of((await bell('subsidy-clerk')).items, registration)).toEqual([]);
    expect(of((await bell('reviewer')).items, registration)).toEqual([]);

    const before = (await bell('reviewer')).counts;
    await act(t, tokens['caseworker']!, registration, 'submit', registrationForm());
    const reviewer = await bell('reviewer');
    // The review allows three working days: not near yet.
    expect(of(reviewer.items, registration)).toEqual(['new']);
    expect(reviewer.items.find((item) => item.caseId === registration)).toMatchObject({ taskId: await openTask(registration), read: false, stateTitle: { 'zh-CN': expect.any(String) } });
    expect(reviewer.counts).toEqual({ ...before, unread: before.unread + 1, new: before.new + 1 });
    // The closed draft task's notifications are gone; the review's is nobody's at the windows.
    expect(of((await bell('unemployment-clerk')).items, registration)).toEqual([]);
    expect(of((await bell('subsidy-clerk')).items, registration)).toEqual([]);
  });

  it('marks a notification read for its user only, once; counts follow', async () => {
    const { items, counts } = await bell('reviewer');
    const note = items.find((item) => item.caseId === registration)!;
    const marked = await t.request('POST', '/api/notifications/read', { token: tokens['reviewer'], body: { ids: [note.id, note.id] } });
    expect([marked.status, marked.body]).toEqual([200, { marked: 1 }]);
    const after = await bell('reviewer');
    expect(after.items.find((item) => item.id === note.id)?.read).toBe(true);
    expect(after.counts).toEqual({ ...counts, unread: counts.unread - 1, new: counts.new - 1 });
    // The supervisor holds the review post too: still unread there.
    expect((await bell('supervisor')).items.find((item) => item.id === note.id)?.read).toBe(false);
    const again = await t.request('POST', '/api/notifications/read', { token: tokens['reviewer'], body: { ids: [note.id] } });
    expect(again.body).toEqual({ marked: 0 });

    const all = await t.request('POST', '/api/notifications/read', { token: tokens['supervisor'], body: { all: true } });
    expect(all.status).toBe(200);
    expect(all.body.marked).toBeGreaterThan(0);
    expect((await bell('supervisor')).counts).toEqual({ unread: 0, new: 0, returned: 0, deadline: 0, escalation: 0 });
  });

  it("refuses to mark another post's notification or a made-up one, writing nothing", async () => {
    const note = (await bell('supervisor')).items.find((item) => item.caseId === registration)!;
    const before = await tableCounts(t.rt);
    for (const body of [{ ids: [note.id] }, { ids: [`new:${note.taskId}`, 'escalation:00000000-0000-4000-8000-000000000000'] }]) {
      const response = await t.request('POST', '/api/notifications/read', { token: tokens['subsidy-clerk'], body });
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['x'], all: true }]) {
      const response = await t.request('POST', '/api/notifications/read', { token: tokens['reviewer'], body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await t.request('GET', '/api/notifications', {})).status).toBe(401);
  });

  it('tells the supervisor of an escalation and the reviewer of the deadline passed', async () => {
    // Monday 2026-11-16: the review was due by the end of Friday the 13th.
    t.clock.set('2026-11-16T02:00:00.000Z');
    await fireDueTimers(t.rt);
    for (const who of Object.keys(tokens)) tokens[who] = await t.login(who);
    const supervisor = await bell('supervisor');
    expect(of(supervisor.items, registration)).toEqual(['deadline', 'escalation', 'new']);
    expect(supervisor.counts.escalation).toBeGreaterThanOrEqual(1);
    expect(supervisor.items.filter((item) => item.caseId === registration).map((item) => [item.kind, item.read]).sort()).toEqual([
      ['deadline', false],
      ['escalation', false],
      ['new', true],
    ]);
    expect(of((await bell('reviewer')).items, registration)).toEqual(['deadline', 'escalation', 'new']);
    expect(of((await bell('subsidy-clerk')).items, registration)).toEqual([]);
  });

  it('tells the window of an application a reviewer returned to it', async () => {
    const trainee = await registerPerson(t, tokens['caseworker']!, citizenId('350206', '19950708', '016'), '陈美玲');
    const caseId = (await open(t, tokens['subsidy-clerk']!, 'training-subsidy', trainee)).id;
    await act(t, tokens['subsidy-clerk']!, caseId, 'startTraining', training);
    await act(t, tokens['subsidy-clerk']!, caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15' });
    await act(t, tokens['subsidy-clerk']!, caseId, 'certify', certificate);
    expect(of((await bell('subsidy-clerk')).items, caseId)).toEqual([]);
    await act(t, tokens['subsidy-clerk']!, caseId, 'claim', claim);
    expect(of((await bell('reviewer')).items, caseId)).toEqual(['new']);
    expect((await act(t, tokens['reviewer']!, caseId, 'returnClaim', { returnReason: '缺培训合格证明复印件' })).state).toBe('certified');

    const clerk = await bell('subsidy-clerk');
    expect(of(clerk.items, caseId)).toEqual(['returned']);
    expect(clerk.items.find((item) => item.caseId === caseId)?.taskId).toBe(await openTask(caseId));
    expect(clerk.counts.returned).toBe(1);
    expect(of((await bell('unemployment-clerk')).items, caseId)).toEqual([]);
    expect(of((await bell('reviewer')).items, caseId)).toEqual([]);
  });
});
