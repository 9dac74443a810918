import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../engine/index.ts';
import { StepWrites } from '../../runtime/cases/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { cases, tasks } from '../../runtime/db/schema/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, postgresUrl, type TestRuntime } from '../support/test-runtime.ts';

describe.each(backends)("a step's writes gathered into one statement (%s)", (backend) => {
  let t: TestRuntime;
  let caseRow: typeof cases.$inferSelect;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    const caseworker = await t.login('caseworker');
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900202', '011'), '语句甲');
    const opened = await open(t, caseworker, 'unemployment-registration', personId);
    caseRow = (await t.rt.db.select().from(cases).where(eq(cases.id, opened.id)))[0]!;
  });
  afterAll(() => t.close());

  const openTasks = (state: string) =>
    queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM tasks WHERE case_id = ${caseRow.id} AND state = ${state} AND status = 'open'`);

  it('sends an update of a table it already wrote after that write, so the update sees it (a task opened and closed in one step ends closed)', async () => {
    await t.rt.db.transaction(async (tx) => {
      const writes = new StepWrites(tx);
      writes.insert(tasks, { cityCode: caseRow.cityCode, id: randomUUID(), caseId: caseRow.id, state: 'opened-and-closed', role: 'caseworker', orgUnitId: caseRow.orgUnitId, orgPath: caseRow.orgPath, status: 'open', dueAt: new Date(), openedAt: new Date() });
      await writes.update(tasks, { status: 'done', closedAt: new Date() }, and(eq(tasks.caseId, caseRow.id), eq(tasks.state, 'opened-and-closed'), eq(tasks.status, 'open'))!);
      await writes.flush();
    });
    // Sent as parts of one statement, the update would not have seen the insert and the task would be open.
    expect(await openTasks('opened-and-closed')).toEqual([{ n: 0 }]);
  });

  it('sends a statement of its own making (a delete) after an earlier write of its table, and hands its check how many rows it wrote', async () => {
    let deleted: number | undefined;
    await t.rt.db.transaction(async (tx) => {
      const writes = new StepWrites(tx);
      writes.insert(tasks, { cityCode: caseRow.cityCode, id: randomUUID(), caseId: caseRow.id, state: 'opened-and-deleted', role: 'caseworker', orgUnitId: caseRow.orgUnitId, orgPath: caseRow.orgPath, status: 'open', dueAt: new Date(), openedAt: new Date() });
      await writes.write(tasks, sql`DELETE FROM ${tasks} WHERE ${tasks.caseId} = ${caseRow.id} AND ${tasks.state} = 'opened-and-deleted' RETURNING 1`, (rows) => {
        deleted = rows;
      });
      await writes.flush();
    });
    // As parts of one statement, the delete would not have seen the insert: nothing deleted, the task open.
    expect(deleted).toBe(1);
    expect(await openTasks('opened-and-deleted')).toEqual([{ n: 0 }]);
  });

  it('aborts the step when a check refuses what a part wrote: nothing of the statement stays', async () => {
    const attempt = t.rt.db.transaction(async (tx) => {
      const writes = new StepWrites(tx);
      // The version read was 1; 99 matches no row, as when another step won the race.
      await writes.update(cases, { state: 'written-by-a-loser' }, and(eq(cases.id, caseRow.id), eq(cases.version, 99))!, (updated) => {
        if (updated === 0) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId: caseRow.id, version: 99 } });
      });
      writes.insert(tasks, { cityCode: caseRow.cityCode, id: randomUUID(), caseId: caseRow.id, state: 'never-written', role: 'caseworker', orgUnitId: caseRow.orgUnitId, orgPath: caseRow.orgPath, status: 'open', dueAt: new Date(), openedAt: new Date() });
      await writes.flush();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CASE_VERSION_CONFLICT' });
    expect(await openTasks('never-written')).toEqual([{ n: 0 }]);
    const [row] = await t.rt.db.select({ state: cases.state, version: cases.version }).from(cases).where(eq(cases.id, caseRow.id));
    expect(row).toEqual({ state: caseRow.state, version: caseRow.version });
  });
});

describe.skipIf(!postgresUrl)('what one step sends to PostgreSQL', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('postgres');
  });
  afterAll(() => t.close());

  it('sends BEGIN with the case lock, the snapshot, record, tasks and timers as one statement, then COMMIT', async () => {
    const sent: { text: string; turn: number }[] = [];
    let turn = 0;
    let sending = false;
    const second = await t.secondProcess({
      onStatement: (text) => {
        // Statements sent in one turn of the event loop travel together, before any answer.
        if (!sending) {
          turn++;
          sending = true;
          setImmediate(() => (sending = false));
        }
        sent.push({ text: text.replace(/\s+/g, ' '), turn });
      },
    });
    try {
      const caseworker = await t.login('caseworker');
      const personId = await registerPerson(t, caseworker, citizenId('350203', '19900303', '013'), '语句乙');
      const opened = await open(t, caseworker, 'unemployment-registration', personId);
      const { version } = await getCase(t, caseworker, opened.id);
      sent.length = 0;
      const response = await createApiApp(second.rt).request(
        `/api/cases/${opened.id}/events`,
        { method: 'POST', headers: { Authorization: `Bearer ${caseworker}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'submit', data: registrationForm(), version }) },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
      expect(response.status, await response.clone().text()).toBe(200);

      const write = sent.findIndex((s) => s.text.startsWith('WITH w0 AS (update "cases"'));
      expect(write, sent.map((s) => s.text.slice(0, 60)).join('\n')).toBeGreaterThan(0);
      const begin = sent.map((s) => s.text).lastIndexOf('BEGIN', write);
      const commit = sent.findIndex((s, i) => i > write && s.text === 'COMMIT');
      const step = sent.slice(begin, commit + 1);
      // Nothing of the step is written on its own.
      expect(step.filter((s) => /^(insert into|update) "(cases|tasks|timers|case_events)"/.test(s.text))).toEqual([]);
      for (const table of ['case_events', 'tasks', 'timers']) expect(sent[write]!.text).toContain(`insert into "${table}"`);
      expect(sent[write]!.text).toContain('update "tasks"');
      // BEGIN went out with the lock of the case, not on a round trip of its own.
      expect(step[1]!.text).toMatch(/^select .* from "cases" .* for update$/);
      expect(step[1]!.turn).toBe(step[0]!.turn);
    } finally {
      await second.close();
    }
  });
});
