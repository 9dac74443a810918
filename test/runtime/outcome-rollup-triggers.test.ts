import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle, type Executor } from '../../runtime/db/index.ts';
import { migrateWith, migrationsBefore, openEmpty } from '../support/migrations-before.ts';
import { backends } from '../support/test-runtime.ts';

const MIGRATION = '0048_outcome_spells_self_transitions';
const OFFICE_PATH = '/000000/350000/350200/350203/350203-01/';
const DEFINITION = '6f1d2a3b-4c5d-4e6f-8a7b-0c1d2e3f4a5b';
/** Cases by number: registrations 1 (contacted twice, still registered), 2 (contacted then cancelled), 3 (cancelled without a contact); 4 a posting. */
const caseId = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const processOf = (n: number) => (n === 4 ? 'vacancy-posting' : 'unemployment-registration');

/** The office and the definition the cases hang on. */
async function insertOffice(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES ('000000', 'ministry', '人力资源和社会保障部', '/000000/', NULL),
                              ('350203-01', 'office', '思明区公共就业服务中心', ${OFFICE_PATH}, '350200')`);
  await handle.db.execute(sql`INSERT INTO definitions (id, process_id, version, plugin_id, plugin_version, scope_org_unit_id, definition, hash)
                              VALUES (${DEFINITION}, 'unemployment-registration', 1, 'unemployment-registration', '1.0.0', '000000', '{}', 'upgrade')`);
}

async function insertCase(handle: DatabaseHandle, n: number): Promise<void> {
  await handle.db.execute(sql`
    INSERT INTO cases (city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id, org_unit_id, org_path,
                       state, status, exclusive, snapshot, data, version, created_at, updated_at)
    VALUES ('350200', ${caseId(n)}, ${`UR35020020250000${n}`}, ${processOf(n)}, ${DEFINITION}, ${processOf(n)}, '1.0.0',
            'person', ${caseId(n + 10)}, '350203-01', ${OFFICE_PATH}, 'registered', 'active', true, '{"state":"registered","context":{}}', '{}', 1,
            '2025-03-01', '2025-03-01')`);
}

async function record(db: Executor, n: number, seq: number, from: string, to: string, event: string, at: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO case_events (city_code, case_id, seq, process_id, definition_id, from_state, to_state, event, actor_id, actor_name, actor_role,
                             org_unit_id, entered_at, left_at, data, channel)
    VALUES ('350200', ${caseId(n)}, ${seq}, ${processOf(n)}, ${DEFINITION}, ${from}, ${to}, ${event}, 'upgrade', '升级', 'caseworker',
            '350203-01', ${at}::timestamptz, ${at}::timestamptz, '{}', 'window')`);
}

/** The kept spells, by case. */
const spells = (handle: DatabaseHandle) =>
  queryRows<{ case_id: string; registered_day: string; exited_day: string | null }>(
    handle.db,
    sql`SELECT case_id, registered_day::text, exited_day::text FROM unemployment_spells ORDER BY case_id`,
  );

/** The office's registered unemployed (`stock`) or long-term registered at a day's end: sums and deltas up to it. */
async function runningSum(handle: DatabaseHandle, measure: 'stock' | 'longTerm', day: string): Promise<number> {
  const [row] = await queryRows<{ n: string | null }>(
    handle.db,
    sql`SELECT sum(n) AS n FROM (SELECT * FROM outcome_counts UNION ALL SELECT * FROM outcome_count_deltas) o
        WHERE o.unit_path = ${OFFICE_PATH} AND o.measure = ${measure} AND o.day <= ${day}::date`,
  );
  return Number(row?.n ?? 0);
}

/** Every kept sum (folded and not), per unit, measure, day and scale, those that do not cancel out. */
const keptSums = (handle: DatabaseHandle) =>
  queryRows<{ unit_path: string; measure: string; day: string; scale: number; n: string }>(
    handle.db,
    sql`SELECT unit_path, measure, day::text, scale, sum(n)::text AS n FROM (SELECT * FROM outcome_counts UNION ALL SELECT * FROM outcome_count_deltas) o
        GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`,
  );

/**
 * Migration 0048 on an installation whose roll-up migration 0046 kept with a recorded contact
 * ending the spell: the spells written before are counted again from the records, and the kept sums
 * (folded and not yet folded) are those a recount from scratch gives.
 */
describe.each(backends)('the unemployment spells kept before migration 0048 (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('counts again the spells a contact ended, leaves the others, and keeps the figures a recount gives', async () => {
    const handle = await openEmpty(backend, 'outcome_spells');
    try {
      const previous = migrationsBefore(MIGRATION);
      folders.push(previous);
      await migrateWith(backend, handle, previous);
      await insertOffice(handle);
      for (const n of [1, 2, 3]) await insertCase(handle, n);
      await record(handle.db, 1, 1, 'submitted', 'registered', 'approve', '2025-03-01 10:00+08');
      await record(handle.db, 1, 2, 'registered', 'registered', 'contact', '2025-06-01 10:00+08');
      await record(handle.db, 2, 1, 'submitted', 'registered', 'approve', '2025-03-01 11:00+08');
      await record(handle.db, 2, 2, 'registered', 'registered', 'contact', '2025-06-01 11:00+08');
      await record(handle.db, 3, 1, 'submitted', 'registered', 'approve', '2025-04-01 10:00+08');
      await record(handle.db, 3, 2, 'registered', 'cancelled', 'cancel', '2025-05-01 10:00+08');
      // Some of what was kept folded into the sums, some still in the deltas.
      await handle.db.execute(sql`SELECT compact_analytics_rollups()`);
      await record(handle.db, 1, 3, 'registered', 'registered', 'contactRecorded', '2025-09-01 10:00+08');
      await record(handle.db, 2, 3, 'registered', 'cancelled', 'cancel', '2025-10-01 10:00+08');
      // As migration 0046 kept them: both contacted spells ended at the contact.
      expect(await spells(handle)).toEqual([
        { case_id: caseId(1), registered_day: '2025-03-01', exited_day: '2025-06-01' },
        { case_id: caseId(2), registered_day: '2025-03-01', exited_day: '2025-06-01' },
        { case_id: caseId(3), registered_day: '2025-04-01', exited_day: '2025-05-01' },
      ]);
      expect(await runningSum(handle, 'stock', '2025-07-31')).toBe(0);

      await handle.migrate();

      expect(await spells(handle)).toEqual([
        { case_id: caseId(1), registered_day: '2025-03-01', exited_day: null },
        { case_id: caseId(2), registered_day: '2025-03-01', exited_day: '2025-10-01' },
        { case_id: caseId(3), registered_day: '2025-04-01', exited_day: '2025-05-01' },
      ]);
      expect(await runningSum(handle, 'stock', '2025-07-31')).toBe(2);
      expect(await runningSum(handle, 'stock', '2025-12-31')).toBe(1);
      expect(await runningSum(handle, 'longTerm', '2026-03-31')).toBe(1);
      // A contact now writes nothing; a cancellation still ends the spell.
      const deltas = async () => (await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM outcome_count_deltas`))[0]!.n;
      const before = await deltas();
      await record(handle.db, 1, 4, 'registered', 'registered', 'contact', '2026-04-01 10:00+08');
      expect(await deltas()).toBe(before);
      await record(handle.db, 1, 5, 'registered', 'cancelled', 'cancel', '2026-05-01 10:00+08');
      expect(await runningSum(handle, 'stock', '2026-05-31')).toBe(0);
      expect(await runningSum(handle, 'longTerm', '2026-05-31')).toBe(0);
      const kept = await keptSums(handle);
      await handle.db.execute(sql`SELECT rebuild_outcome_rollups()`);
      expect(kept).toEqual(await keptSums(handle));
    } finally {
      await handle.close();
    }
  });
});

/**
 * How many times recording `write`'s records recounted a case (`outcome_case_refresh`), as the server counts calls. Its
 * `pg_stat_xact_user_functions` also holds calls of earlier transactions not yet flushed, so the count is a difference.
 */
async function recounts(handle: DatabaseHandle, write: (tx: Executor) => Promise<void>): Promise<number> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL track_functions = 'pl'`);
    const calls = async () =>
      (await queryRows<{ calls: number }>(tx, sql`SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_xact_user_functions WHERE funcname = 'outcome_case_refresh'`))[0]!.calls;
    const before = await calls();
    await write(tx);
    return (await calls()) - before;
  });
}

/**
 * The outcome trigger recounts a case only for a record that can change what it adds: not for a
 * contact (a record from the registered state to itself), nor for a publication with no fill of its
 * case at or after it (every first publication).
 */
describe.each(backends)('the records the outcome trigger recounts a case for (%s)', (backend) => {
  it('recounts for a registration, an exit, a fill and a publication before a fill; not for a contact or a publication with no fill after it', async () => {
    const handle = await openEmpty(backend, 'outcome_trigger');
    try {
      await handle.migrate();
      await insertOffice(handle);
      for (const n of [1, 4]) await insertCase(handle, n);
      expect(await recounts(handle, (tx) => record(tx, 1, 1, 'submitted', 'registered', 'approve', '2026-03-01 10:00+08'))).toBe(1);
      expect(await recounts(handle, (tx) => record(tx, 1, 2, 'registered', 'registered', 'contact', '2026-04-01 10:00+08'))).toBe(0);
      expect(await recounts(handle, (tx) => record(tx, 1, 3, 'registered', 'registered', 'contactRecorded', '2026-05-01 10:00+08'))).toBe(0);
      expect(await recounts(handle, (tx) => record(tx, 1, 4, 'registered', 'cancelled', 'cancel', '2026-06-01 10:00+08'))).toBe(1);
      expect(await recounts(handle, (tx) => record(tx, 4, 1, 'underReview', 'published', 'publish', '2026-03-01 10:00+08'))).toBe(0);
      expect(await recounts(handle, (tx) => record(tx, 4, 2, 'published', 'filled', 'fill', '2026-03-11 10:00+08'))).toBe(1);
      // Published again after the fill: no fill of the case at or after it.
      expect(await recounts(handle, (tx) => record(tx, 4, 3, 'filled', 'published', 'reopen', '2026-04-01 10:00+08'))).toBe(0);
      // A publication recorded late, dated before the fill: the days to fill count from it.
      expect(await recounts(handle, (tx) => record(tx, 4, 4, 'underReview', 'published', 'publish', '2026-03-06 10:00+08'))).toBe(1);
      const [fill] = await queryRows<{ days: string }>(handle.db, sql`SELECT days::text FROM fill_entries WHERE case_id = ${caseId(4)}`);
      expect(Number(fill!.days)).toBe(5);
      const kept = await keptSums(handle);
      await handle.db.execute(sql`SELECT rebuild_outcome_rollups()`);
      expect(kept).toEqual(await keptSums(handle));
    } finally {
      await handle.close();
    }
  });
});
