import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { calendar } from '../support/calendar.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const PROCESS = 'unemployment-registration';
const BASE = `/api/processes/${PROCESS}`;

/** A timestamptz column as an ISO string, the same on both drivers. */
const isoOf = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// Monday 2026-11-02, 09:00 in Beijing: the case is submitted; the city moves the review to the
// window (another role, post and time limit) the next day and migrates the case.
const SUBMITTED_AT = '2026-11-02T01:00:00.000Z';
const MIGRATED_AT = '2026-11-03T02:00:00.000Z';
/** The ministry's review: 3 working days from arrival; the city's: 5. */
const OLD_DUE = addWorkingDays(calendar, SUBMITTED_AT, 3).at;
const NEW_DUE = addWorkingDays(calendar, SUBMITTED_AT, 5).at;

describe.each(backends)('migrating a running case onto a version that changes its task (%s)', (backend) => {
  let t: TestRuntime;
  let caseId = '';

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock(SUBMITTED_AT) });
    // A second window caseworker: the one who submitted may not review their own intake.
    await insertDemoUsers(t.rt.db, [{ username: 'window-2', displayName: '窗口经办员乙', role: 'caseworker', orgUnitId: officeId('350203'), post: 'unemployment-window' }]);
  });
  afterAll(() => t.close());

  async function taskRows() {
    return queryRows<{ role: string; post: string | null; status: string; dueAt: string; closedEvent: string | null; escalated: boolean }>(
      t.rt.db,
      sql`SELECT role, post, status, ${isoOf('due_at')} AS "dueAt", closed_event AS "closedEvent", escalated_at IS NOT NULL AS escalated
          FROM tasks WHERE case_id = ${caseId} AND state = 'submitted' ORDER BY opened_at`,
    );
  }

  async function slaTimerRows() {
    return queryRows<{ fireAt: string; cancelled: boolean; fired: boolean }>(
      t.rt.db,
      sql`SELECT ${isoOf('fire_at')} AS "fireAt", cancelled_at IS NOT NULL AS cancelled, fired_at IS NOT NULL AS fired
          FROM timers WHERE case_id = ${caseId} AND state = 'submitted' AND kind = 'sla' ORDER BY fire_at`,
    );
  }

  it('closes the old task and opens one with the new role, post and deadline, re-arms the SLA timer and records the migration once', async () => {
    const intake = await t.login('caseworker');
    const personId = await registerPerson(t, intake, citizenId('350203', '19860314', '013'), '迁移甲');
    caseId = (await open(t, intake, PROCESS, personId)).id;
    expect((await act(t, intake, caseId, 'submit', registrationForm())).state).toBe('submitted');
    expect(await taskRows()).toEqual([{ role: 'reviewer', post: 'unemployment-review', status: 'open', dueAt: OLD_DUE, closedEvent: null, escalated: false }]);

    // Sessions last 12 hours: sign in again after moving the clock.
    t.clock.set(MIGRATED_AT);
    const configurator = await t.login('configurator');
    const caseworker = await t.login('caseworker');
    const operations = [
      { op: 'setRole', state: 'submitted', role: 'caseworker' },
      { op: 'setSla', state: 'submitted', workingDays: 5 },
      { op: 'setPost', state: 'submitted', post: 'unemployment-window' },
    ];
    const saved = await t.request('PUT', `${BASE}/overlay`, { token: configurator, body: { operations } });
    expect(saved.body.problems).toEqual([]);
    const published = await t.request('POST', `${BASE}/overlay/publish`, { token: configurator });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const migrated = await t.request('POST', `${BASE}/migrations`, { token: configurator, body: { dryRun: false } });
    expect(migrated.status, JSON.stringify(migrated.body)).toBe(200);
    expect(migrated.body.cases).toEqual([expect.objectContaining({ caseId, state: 'submitted', fromVersion: 1, toVersion: 2, canMove: true })]);

    expect(await taskRows()).toEqual([
      { role: 'reviewer', post: 'unemployment-review', status: 'done', dueAt: OLD_DUE, closedEvent: 'migrate', escalated: false },
      { role: 'caseworker', post: 'unemployment-window', status: 'open', dueAt: NEW_DUE, closedEvent: null, escalated: false },
    ]);
    expect(await slaTimerRows()).toEqual([
      { fireAt: OLD_DUE, cancelled: true, fired: false },
      { fireAt: NEW_DUE, cancelled: false, fired: false },
    ]);
    // The deadline is counted from the arrival in review, not from the migration.
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'submitted', version: 3, definitionVersion: 2, dueAt: NEW_DUE });
    const history = await caseHistory(t, caseworker, caseId);
    expect(history.map((h) => h.event)).toEqual(['create', 'submit', 'migrate']);
    expect(history[2]).toMatchObject({
      from: 'submitted',
      to: 'submitted',
      event: 'migrate',
      actor: { role: 'configurator' },
      data: { fromVersion: 1, toVersion: 2, toDefinitionId: published.body.definitionId },
    });
  });

  it('escalates on the new deadline, not the old one, and the new role takes the step', async () => {
    // The day after the ministry's deadline: the cancelled timer does not fire.
    t.clock.set(new Date(Date.parse(OLD_DUE) + 10 * 3_600_000).toISOString());
    expect((await fireDueTimers(t.rt)).filter((f) => f.caseId === caseId)).toEqual([]);
    // The day after the city's deadline: the new task is escalated.
    t.clock.set(new Date(Date.parse(NEW_DUE) + 10 * 3_600_000).toISOString());
    expect((await fireDueTimers(t.rt)).filter((f) => f.caseId === caseId)).toEqual([expect.objectContaining({ kind: 'sla', state: 'submitted' })]);
    expect((await taskRows()).map((task) => [task.status, task.escalated])).toEqual([['done', false], ['open', true]]);

    const reviewer = await t.login('reviewer');
    const { version } = await getCase(t, reviewer, caseId);
    const refused = await t.request('POST', `/api/cases/${caseId}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意' }, version } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ROLE_NOT_PERMITTED');
    const window2 = await t.login('window-2');
    expect((await act(t, window2, caseId, 'approve', { opinion: '同意' })).state).toBe('registered');
    const approval = (await caseHistory(t, window2, caseId)).at(-1) as unknown as { dueAt: string; onTime: boolean };
    expect(approval).toMatchObject({ event: 'approve', dueAt: NEW_DUE, onTime: false });
  });

  it('replays the closed case with its migration record: the same end and the same deadlines', async () => {
    const caseworker = await t.login('caseworker');
    expect((await act(t, caseworker, caseId, 'cancel', { cancellationReason: 'applicant-request' })).state).toBe('cancelled');
    const configurator = await t.login('configurator');
    const replayed = await t.request('POST', `${BASE}/overlay/replay`, { token: configurator, body: { limit: 10 } });
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    expect(replayed.body.cases.filter((c: { caseId: string }) => c.caseId === caseId)).toEqual([
      expect.objectContaining({ result: 'same', finalState: 'cancelled', deadlinesDiffer: [] }),
    ]);
  });
});
