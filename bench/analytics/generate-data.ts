import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../runtime/db/index.ts';
import { users } from '../../runtime/db/schema/index.ts';
import { loadCityDivisions } from '../../runtime/divisions/index.ts';
import { insertOrgTree, orgTreeRows } from '../../runtime/seed/index.ts';

/** The data set's size at scale 1: one province, as the issue asks. */
const BASE_SIZE = { persons: 1_000_000, employers: 30_000, vacancies: 300_000, seekers: 400_000, registrations: 325_000 } as const;

/** The data set's size: scale 1 (1,000,000 persons, 2,000,000 performance records) or 10 (ten times as many of each). */
export type DataSize = { readonly [K in keyof typeof BASE_SIZE]: number };
export function sizeAt(scale: number): DataSize {
  return Object.fromEntries(Object.entries(BASE_SIZE).map(([name, n]) => [name, Math.round(n * scale)])) as DataSize;
}

/** Fujian's nine cities: the province the data set stands for. */
const CITIES = ['3501', '3502', '3503', '3504', '3505', '3506', '3507', '3508', '3509'];

/** Whether the data set is already there (the generation is deterministic, so there is nothing to redo). */
export async function hasData(db: Database, size: DataSize): Promise<boolean> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM cases WHERE process_id = 'vacancy-posting'`);
  return Number(row?.n ?? 0) >= size.vacancies;
}

async function step(db: Executor, log: (line: string) => void, label: string, statement: ReturnType<typeof sql>) {
  const started = performance.now();
  await db.execute(statement);
  log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Generates the analytics data set of `size` inside PostgreSQL with `generate_series`, deterministically
 * (every value is a function of the row number): the org tree of Fujian's nine cities (districts
 * and their offices), 1,000,000 persons, 30,000 employers, 300,000 published vacancies, 400,000
 * job seekers and 325,000 unemployment registrations, with 2,000,000 performance records in all
 * (a publication per vacancy, a registration per seeker, four steps per unemployment
 * registration: create, submit, approve, cancel, about one in eight late), spread over 2025-2026.
 */
export async function generateData(database: Database, size: DataSize, log: (line: string) => void): Promise<void> {
  // One transaction: an interrupted generation leaves nothing behind to trip over.
  await database.transaction(async (tx) => {
    // Loading without the non-unique indexes of the big tables (unique ones guard keys that
    // foreign keys rest on) and building them after is several times faster than keeping them up
    // row by row; the triggers (the append-only guard, the roll-ups) are held off for the load of
    // rows that are new anyway.
    const indexes = await queryRows<{ name: string; definition: string }>(
      tx,
      sql`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename IN ('persons', 'cases', 'case_events')
            AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`,
    );
    for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX "${index.name}"`));
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await generateInTransaction(tx, size, log);
    await tx.execute(sql`SET LOCAL session_replication_role = origin`);
    const started = performance.now();
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
    log(`  ${indexes.length} indexes: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The planner's statistics still describe the tables as they were before the load (empty, for a new data
    // set), and autovacuum cannot see rows this transaction has not committed: without this, the roll-ups'
    // counting is planned for a few rows (nested loops over every case; at 10M it ran for over an hour).
    await step(tx, log, 'statistics', sql`ANALYZE`);
    // The roll-ups' triggers were held off with the rest: they are counted once, from everything loaded.
    await step(tx, log, 'analytics roll-ups', sql`SELECT rebuild_analytics_rollups()`);
  });
}

const BENCH_USER = '00000000-0000-4000-8000-00000000b00c';

async function generateInTransaction(db: Executor, size: DataSize, log: (line: string) => void): Promise<void> {
  await db.insert(users).values({ id: BENCH_USER, username: 'bench-generator', passwordHash: 'x', displayName: '基准数据', role: 'admin', orgUnitId: '000000' }).onConflictDoNothing();
  for (const city of CITIES) {
    const divisions = await loadCityDivisions(city);
    await insertOrgTree(db, orgTreeRows({ ...divisions, communities: [] }).filter((r) => r.kind !== 'ministry'));
  }
  await step(db, log, 'offices', sql`
    CREATE TABLE bench_offices AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, path, city_code, split_part(id, '-', 1) AS area
    FROM org_units WHERE kind = 'office' AND city_code IS NOT NULL`);
  await step(db, log, 'definitions', sql`
    CREATE TABLE bench_definitions AS
    SELECT DISTINCT ON (process_id) process_id, id, plugin_id, plugin_version FROM definitions ORDER BY process_id, version DESC`);
  const [{ n: offices }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bench_offices`)) as [{ n: number }];

  await step(db, log, `${size.persons} persons`, sql`
    INSERT INTO persons (city_code, id, id_number, name, gender, birth_date, org_unit_id, created_by)
    SELECT o.city_code, md5('p' || i)::uuid, lpad(i::text, 18, '0'), '人员' || i,
           CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
           date '1962-01-01' + (i % 15000), o.id, ${BENCH_USER}::uuid
    FROM generate_series(0, ${size.persons - 1}) AS i JOIN bench_offices o ON o.n = i % ${offices}`);
  await step(db, log, `${size.employers} employers`, sql`
    INSERT INTO employers (city_code, id, credit_code, name, org_unit_id, created_by)
    SELECT o.city_code, md5('e' || i)::uuid, 'B' || lpad(i::text, 17, '0'), '单位' || i, o.id, ${BENCH_USER}::uuid
    FROM generate_series(0, ${size.employers - 1}) AS i JOIN bench_offices o ON o.n = i % ${offices}`);

  // Occupation codes: 8 major groups x 10 middle x 10 minor; validity of 30-180 days starting across 2025-2026.
  await step(db, log, `${size.vacancies} vacancies`, sql`
    INSERT INTO cases (city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id,
                       org_unit_id, org_path, state, status, exclusive, snapshot, data, version, created_by, created_at, updated_at)
    SELECT o.city_code, md5('v' || i)::uuid, 'VP' || lpad(i::text, 16, '0'), 'vacancy-posting', d.id, d.plugin_id, d.plugin_version,
           'employer', md5('e' || (i % ${size.employers}))::uuid, o.id, o.path,
           CASE WHEN i % 10 < 6 THEN 'published' WHEN i % 10 < 8 THEN 'filled' ELSE 'expired' END,
           CASE WHEN i % 10 < 6 THEN 'active' ELSE 'final' END, false, '{"state":"published","context":{}}'::jsonb,
           jsonb_build_object(
             'occupation', (1 + i % 8) || '-' || lpad(((i / 8) % 10)::text, 2, '0') || '-' || lpad(((i / 80) % 10)::text, 2, '0'),
             'workArea', o.area, 'headcount', 1 + i % 5, 'education', (ARRAY['20','40','60','70'])[1 + i % 4], 'skillLevel', (1 + i % 5)::text,
             'validFrom', to_char(date '2025-01-01' + (i % 700), 'YYYY-MM-DD'),
             'validUntil', to_char(date '2025-01-01' + (i % 700) + 30 + (i % 151), 'YYYY-MM-DD'),
             'employerCreditCode', 'B' || lpad((i % ${size.employers})::text, 17, '0')),
           2, NULL, timestamp '2025-01-01' + (i % 700) * interval '1 day', timestamp '2025-01-01' + (i % 700) * interval '1 day'
    FROM generate_series(0, ${size.vacancies - 1}) AS i
    JOIN bench_offices o ON o.n = i % ${offices}
    JOIN bench_definitions d ON d.process_id = 'vacancy-posting'`);
  await step(db, log, `${size.seekers} job seekers`, sql`
    INSERT INTO cases (city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id,
                       org_unit_id, org_path, state, status, exclusive, snapshot, data, version, created_by, created_at, updated_at)
    SELECT o.city_code, md5('s' || i)::uuid, 'JS' || lpad(i::text, 16, '0'), 'job-seeking', d.id, d.plugin_id, d.plugin_version,
           'person', md5('p' || i)::uuid, o.id, o.path,
           CASE WHEN i % 4 = 0 THEN 'expired' ELSE 'active' END, CASE WHEN i % 4 = 0 THEN 'final' ELSE 'active' END, true,
           '{"state":"active","context":{}}'::jsonb,
           jsonb_build_object(
             'desiredOccupations', jsonb_build_array((1 + i % 8) || '-' || lpad(((i / 8) % 10)::text, 2, '0') || '-' || lpad(((i / 80) % 10)::text, 2, '0')),
             'desiredAreas', jsonb_build_array(o.area), 'expectedPayFen', 300000 + (i % 50) * 10000, 'education', (ARRAY['20','40','60','70'])[1 + i % 4],
             'availableFrom', to_char(date '2025-01-01' + (i % 700), 'YYYY-MM-DD'),
             'validUntil', to_char(date '2025-01-01' + (i % 700) + 60 + (i % 121), 'YYYY-MM-DD')),
           2, NULL, timestamp '2025-01-01' + (i % 700) * interval '1 day', timestamp '2025-01-01' + (i % 700) * interval '1 day'
    FROM generate_series(0, ${size.seekers - 1}) AS i
    JOIN bench_offices o ON o.n = i % ${offices}
    JOIN bench_definitions d ON d.process_id = 'job-seeking'`);
  const first = size.seekers;
  await step(db, log, `${size.registrations} unemployment registrations`, sql`
    INSERT INTO cases (city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id,
                       org_unit_id, org_path, state, status, exclusive, snapshot, data, version, created_by, created_at, updated_at)
    SELECT o.city_code, md5('u' || i)::uuid, 'UR' || lpad(i::text, 16, '0'), 'unemployment-registration', d.id, d.plugin_id, d.plugin_version,
           'person', md5('p' || i)::uuid, o.id, o.path, 'cancelled', 'final', true, '{"state":"cancelled","context":{}}'::jsonb,
           jsonb_build_object('category', 'lost-job', 'cancellationReason', CASE WHEN i % 3 = 0 THEN 'employed' ELSE 'applicant-request' END),
           4, NULL, timestamp '2025-01-01' + (i % 700) * interval '1 day', timestamp '2025-01-01' + (i % 700) * interval '1 day'
    FROM generate_series(${first}::int, ${first + size.registrations - 1}::int) AS i
    JOIN bench_offices o ON o.n = i % ${offices}
    JOIN bench_definitions d ON d.process_id = 'unemployment-registration'`);

  await step(db, log, 'vacancy and seeker records', sql`
    INSERT INTO case_events (city_code, case_id, seq, process_id, definition_id, from_state, to_state, event, actor_id, actor_name, actor_role,
                             post, org_unit_id, entered_at, left_at, due_at, on_time, data, channel)
    SELECT c.city_code, c.id, 2, c.process_id, c.definition_id,
           CASE WHEN c.process_id = 'vacancy-posting' THEN 'underReview' ELSE 'draft' END,
           CASE WHEN c.process_id = 'vacancy-posting' THEN 'published' ELSE 'active' END,
           CASE WHEN c.process_id = 'vacancy-posting' THEN 'publish' ELSE 'register' END,
           'bench', '基准', 'reviewer', CASE WHEN c.process_id = 'vacancy-posting' THEN 'vacancy-review' ELSE 'job-referral' END,
           c.org_unit_id, c.created_at, c.created_at + interval '1 day', c.created_at + interval '2 days', true, '{}'::jsonb, 'window'
    FROM cases c WHERE c.process_id IN ('vacancy-posting', 'job-seeking')`);
  // Four steps per registration; the review is late for one in eight.
  await step(db, log, 'registration records', sql`
    INSERT INTO case_events (city_code, case_id, seq, process_id, definition_id, from_state, to_state, event, actor_id, actor_name, actor_role,
                             post, org_unit_id, entered_at, left_at, due_at, on_time, data, channel)
    SELECT c.city_code, c.id, s.seq, c.process_id, c.definition_id, s.from_state, s.to_state, s.event, 'bench', '基准', s.role, s.post, c.org_unit_id,
           c.created_at + (s.seq - 1) * interval '1 day',
           c.created_at + s.seq * interval '1 day' + CASE WHEN s.event = 'approve' AND hashtext(c.id::text) % 8 = 0 THEN interval '6 days' ELSE interval '0' END,
           CASE WHEN s.post IS NULL THEN NULL ELSE c.created_at + (s.seq - 1) * interval '1 day' + interval '3 days' END,
           CASE WHEN s.post IS NULL THEN NULL ELSE NOT (s.event = 'approve' AND hashtext(c.id::text) % 8 = 0) END,
           '{}'::jsonb, 'window'
    FROM cases c
    CROSS JOIN (VALUES (1, NULL, 'draft', 'create', 'caseworker', NULL),
                       (2, 'draft', 'submitted', 'submit', 'caseworker', 'unemployment-window'),
                       (3, 'submitted', 'registered', 'approve', 'reviewer', 'unemployment-review'),
                       (4, 'registered', 'cancelled', 'cancel', 'caseworker', NULL)) AS s(seq, from_state, to_state, event, role, post)
    WHERE c.process_id = 'unemployment-registration'`);
}
