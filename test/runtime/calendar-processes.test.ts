import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userByUsername } from '../../runtime/auth/index.ts';
import { noteCalendarVersion } from '../../runtime/calendar/index.ts';
import { sendEvent, startCase } from '../../runtime/cases/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { followCalendar } from '../../runtime/deadlines/index.ts';
import { registerPerson } from '../../runtime/persons/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { schedule2027 } from '../support/calendar.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { createTestRuntime, postgresUrl, testClock, type TestRuntime } from '../support/test-runtime.ts';

const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

/** Opens and submits an unemployment registration in one runtime process, as its caseworker. */
async function submitted(rt: RuntimeContext, idNumber: string, name: string): Promise<string> {
  const user = await userByUsername(rt, 'caseworker');
  const person = await registerPerson(rt, user, { idNumber, name });
  const opened = await startCase(rt, user, { processId: 'unemployment-registration', subjectId: person.id });
  await sendEvent(rt, user, opened.id, { type: 'submit', data: registrationForm(), version: opened.version });
  return opened.id;
}

// Two runtime processes on one PostgreSQL database: a step in one may count with the calendar
// version it read up to a second before another process entered a year; the follow-up corrects it.
describe.skipIf(!postgresUrl)('a calendar change made by another process (postgres)', () => {
  let t: TestRuntime;
  let other: { rt: RuntimeContext; close: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestRuntime('postgres', { clock: testClock(new Date('2027-02-03T10:00:00+08:00').toISOString()) });
    other = await t.secondProcess();
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it("catches up a deadline a step counted with the version it had read, when the worker follows the calendar", async () => {
    const entered = await t.request('PUT', '/api/calendar/years/2027', { token: await t.login('ministry-admin'), body: schedule2027 });
    expect(entered.body.changes[0].version).toBe(2);

    // The other process read version 1 just before the change (set here, not left to the clock):
    // within the second it keeps it, so its step counts Monday to Friday, provisionally, and says with which version.
    noteCalendarVersion(other.rt, 1);
    const caseId = await submitted(other.rt, citizenId('350203', '19860606', '029'), '吴芳');
    const task = async () =>
      (await queryRows<{ due: string; provisional: boolean; version: number }>(
        other.rt.db,
        sql`SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due, due_provisional AS provisional, calendar_version AS version FROM tasks WHERE case_id = ${caseId} AND status = 'open'`,
      ))[0];
    expect(await task()).toEqual({ due: endOf('2027-02-08'), provisional: true, version: 1 });

    // The timer worker's round in that process follows the calendar: the deadline moves, and the move is recorded.
    expect(await followCalendar(other.rt)).toMatchObject({ calendarVersion: 2, moved: 1 });
    expect(await task()).toEqual({ due: endOf('2027-02-16'), provisional: false, version: 2 });
    const history = await t.request('GET', `/api/cases/${caseId}/history`, { token: await t.login('reviewer') });
    expect(history.body.deadlineMoves).toEqual([expect.objectContaining({ from: endOf('2027-02-08'), to: endOf('2027-02-16'), calendarVersion: 2 })]);
    expect(await followCalendar(other.rt)).toMatchObject({ cases: 0, moved: 0 });
  });
});
