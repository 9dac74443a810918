import { sql } from 'drizzle-orm';
import type { Database } from '../../runtime/db/index.ts';

const CASE_COLUMNS = sql.raw(`city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id,
  org_unit_id, org_path, state, status, exclusive, snapshot, data, version, created_by, created_at, updated_at`);
const EVENT_COLUMNS = sql.raw(`city_code, case_id, seq, process_id, definition_id, from_state, to_state, event, actor_id, actor_name, actor_role,
  post, org_unit_id, entered_at, left_at, due_at, on_time, data, channel`);

/**
 * Records on the periods' edges (the test asks about periods ending 2025-09-30, 2026-06-30, 2026-12-31): registered 365
 * days before a period's last day and a day later, ended at a period's last instant and the next, contacts recorded
 * (registered -> registered, no exit) at a period's last instant, a posting filled and courses certified at a period's
 * last instant and the next; employment after a certificate (c0 -> k0 and so on, one person each) 183 days less a second
 * (counted), 183 days exactly and 184 days (not counted). An edge case's id is md5('edge' || kind || i).
 */
const EDGES = sql.raw(`(VALUES
  ('e', 0, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2025-06-30 23:59:59+08'),
  ('e', 0, 'unemployment-registration', 2, 'registered', 'registered', 'contactRecorded', timestamptz '2025-09-30 23:59:59+08'),
  ('e', 1, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2025-07-01 00:00:00+08'),
  ('e', 2, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2025-09-30 08:00:00+08'),
  ('e', 2, 'unemployment-registration', 2, 'registered', 'cancelled', 'cancel', timestamptz '2026-06-30 23:59:59+08'),
  ('e', 3, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2025-09-30 08:00:00+08'),
  ('e', 3, 'unemployment-registration', 2, 'registered', 'cancelled', 'cancel', timestamptz '2026-07-01 00:00:00+08'),
  ('e', 4, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2025-12-31 23:59:59+08'),
  ('e', 4, 'unemployment-registration', 2, 'registered', 'cancelled', 'cancel', timestamptz '2027-01-01 00:00:00+08'),
  ('e', 5, 'unemployment-registration', 1, 'submitted', 'registered', 'approve', timestamptz '2026-01-01 00:00:00+08'),
  ('e', 5, 'unemployment-registration', 2, 'registered', 'registered', 'contact', timestamptz '2026-06-30 23:59:59+08'),
  ('f', 0, 'vacancy-posting', 1, 'underReview', 'published', 'publish', timestamptz '2026-06-01 09:00:00+08'),
  ('f', 0, 'vacancy-posting', 2, 'published', 'filled', 'fill', timestamptz '2026-06-30 23:59:59.5+08'),
  ('f', 1, 'vacancy-posting', 1, 'underReview', 'published', 'publish', timestamptz '2026-06-01 09:00:00+08'),
  ('f', 1, 'vacancy-posting', 2, 'published', 'filled', 'fill', timestamptz '2026-07-01 00:00:00+08'),
  ('c', 0, 'training-subsidy', 1, 'assessed', 'certified', 'certify', timestamptz '2025-09-30 23:59:59+08'),
  ('c', 1, 'training-subsidy', 1, 'assessed', 'certified', 'certify', timestamptz '2025-10-01 00:00:00+08'),
  ('c', 2, 'training-subsidy', 1, 'assessed', 'certified', 'certify', timestamptz '2025-10-01 12:00:00+08'),
  ('k', 0, 'employment-registration', 1, NULL, 'employed', 'register', timestamptz '2026-04-01 23:59:58+08'),
  ('k', 1, 'employment-registration', 1, NULL, 'employed', 'register', timestamptz '2026-04-02 00:00:00+08'),
  ('k', 2, 'employment-registration', 1, NULL, 'employed', 'register', timestamptz '2026-04-03 12:00:00+08'))
  AS e(kind, i, process_id, seq, from_state, to_state, event, at)`);

/**
 * What the analytics benchmark's generated province lacks for the outcome indicators, added to it
 * (after `generateData`, whose `bench_offices` and `bench_definitions` it uses) with the triggers held
 * off, then everything counted again as the benchmark counts it (`rebuild_analytics_rollups()`):
 * fills of the postings generated as filled (some before their publication, some within minutes of it,
 * the rest over days), 80 unemployment registrations from late 2024 on, a quarter of them ending 300
 * days or more later, some with a migration's record, two thirds with a contact recorded 20 days in and
 * some never cancelled with another 400 days in; 60 training certificates in 2025-2026, two thirds of
 * their persons employed (at another office) 10 days before, within or after 183 days, or on the 183rd
 * day exactly; and the edge cases of `EDGES`.
 */
export async function loadOutcomeHistory(database: Database): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    const offices = sql`(SELECT count(*) FROM bench_offices)`;
    await tx.execute(sql`
      INSERT INTO case_events (${EVENT_COLUMNS})
      SELECT c.city_code, c.id, 3, c.process_id, c.definition_id, 'published', 'filled', 'fill', 'bench', '基准', 'caseworker', NULL, c.org_unit_id, p.left_at,
             CASE WHEN c.k % 9 = 0 THEN p.left_at - interval '1 hour'
                  WHEN c.k % 11 = 0 THEN p.left_at + c.k * interval '7 seconds'
                  ELSE p.left_at + (c.k % 120) * interval '1 day' + (c.k % 17) * interval '37 minutes' END,
             NULL, NULL, '{}'::jsonb, 'window'
      FROM (SELECT x.*, row_number() OVER (ORDER BY x.case_no) AS k FROM cases x WHERE x.process_id = 'vacancy-posting' AND x.state = 'filled') c
      JOIN case_events p ON p.city_code = c.city_code AND p.case_id = c.id AND p.seq = 2`);
    // Cases: long registrations (l), courses (t), employment registrations (h).
    await tx.execute(sql`
      INSERT INTO cases (${CASE_COLUMNS})
      SELECT o.city_code, md5(k.kind || i)::uuid, upper(k.kind) || 'X' || lpad(i::text, 14, '0'), d.process_id, d.id, d.plugin_id, d.plugin_version,
             'person', md5('p' || (k.person_base + i * k.person_step))::uuid, o.id, o.path, k.state, 'final', false,
             jsonb_build_object('state', k.state, 'context', '{}'::jsonb), '{}'::jsonb, 2, NULL, timestamp '2024-10-01', timestamp '2024-10-01'
      FROM (VALUES ('l', 'unemployment-registration', 'registered', 1500, 1, 80, 7, 0),
                   ('t', 'training-subsidy', 'certified', 0, 13, 60, 5, 0),
                   ('h', 'employment-registration', 'employed', 0, 13, 60, 5, 1)) AS k(kind, process_id, state, person_base, person_step, n, office_step, office_shift)
      CROSS JOIN LATERAL generate_series(0, k.n - 1) AS i
      JOIN bench_offices o ON o.n = (i * k.office_step + k.office_shift) % ${offices}
      JOIN bench_definitions d ON d.process_id = k.process_id
      WHERE k.kind <> 'h' OR i % 3 <> 0`);
    await tx.execute(sql`
      INSERT INTO case_events (${EVENT_COLUMNS})
      SELECT c.city_code, c.id, s.seq, c.process_id, c.definition_id, s.from_state, s.to_state, s.event, 'bench', '基准', 'caseworker', NULL, c.org_unit_id, s.at, s.at,
             NULL, NULL, '{}'::jsonb, 'window'
      FROM generate_series(0, 79) AS i
      JOIN cases c ON c.id = md5('l' || i)::uuid
      CROSS JOIN LATERAL (SELECT timestamptz '2024-11-01 10:00+08' + i * interval '9 days' + i * interval '1 hour' AS registered_at) r
      CROSS JOIN LATERAL (VALUES (1, 'submitted', 'registered', 'approve', r.registered_at),
                                 (2, 'registered', 'cancelled', 'cancel', CASE WHEN i % 4 = 0 THEN r.registered_at + (300 + i * 5) * interval '1 day' END),
                                 (3, 'registered', 'registered', 'migrate', CASE WHEN i % 10 = 5 THEN r.registered_at + interval '30 days' END),
                                 (4, 'registered', 'registered', 'contact', CASE WHEN i % 3 <> 2 THEN r.registered_at + interval '20 days' END),
                                 (5, 'registered', 'registered', 'contactRecorded', CASE WHEN i % 4 = 2 THEN r.registered_at + interval '400 days' END))
        AS s(seq, from_state, to_state, event, at)
      WHERE s.at IS NOT NULL`);
    await tx.execute(sql`
      INSERT INTO case_events (${EVENT_COLUMNS})
      SELECT c.city_code, c.id, s.seq, c.process_id, c.definition_id, s.from_state, s.to_state, s.event, 'bench', '基准', 'caseworker', NULL, c.org_unit_id, s.at, s.at,
             NULL, NULL, '{}'::jsonb, 'window'
      FROM generate_series(0, 59) AS i
      CROSS JOIN LATERAL (SELECT timestamptz '2025-02-01 10:00+08' + i * interval '11 days' + i * interval '3 hours' AS certified_at) r
      CROSS JOIN LATERAL (VALUES ('t', 1, 'assessed', 'certified', 'certify', r.certified_at),
                                 ('t', 2, 'certified', 'certified', 'migrate', CASE WHEN i % 7 = 3 THEN r.certified_at + interval '2 days' END),
                                 ('h', 1, NULL, 'employed', 'register',
                                  CASE WHEN i % 3 = 2 THEN r.certified_at - interval '10 days'
                                       WHEN i % 5 = 0 THEN r.certified_at + interval '183 days'
                                       ELSE r.certified_at + (i * 4 % 200) * interval '1 day' END))
        AS s(kind, seq, from_state, to_state, event, at)
      JOIN cases c ON c.id = md5(s.kind || i)::uuid
      WHERE s.at IS NOT NULL`);
    await tx.execute(sql`
      INSERT INTO cases (${CASE_COLUMNS})
      SELECT DISTINCT ON (e.kind, e.i) o.city_code, md5('edge' || e.kind || e.i)::uuid, 'EDGE' || upper(e.kind) || lpad(e.i::text, 12, '0'), d.process_id, d.id,
             d.plugin_id, d.plugin_version, 'person', md5('p' || (1900 + e.i))::uuid, o.id, o.path, 'final', 'final', false, '{"state":"final","context":{}}'::jsonb,
             '{}'::jsonb, 2, NULL, timestamp '2024-10-01', timestamp '2024-10-01'
      FROM ${EDGES}
      JOIN bench_offices o ON o.n = e.i
      JOIN bench_definitions d ON d.process_id = e.process_id
      ORDER BY e.kind, e.i`);
    await tx.execute(sql`
      INSERT INTO case_events (${EVENT_COLUMNS})
      SELECT c.city_code, c.id, e.seq, c.process_id, c.definition_id, e.from_state, e.to_state, e.event, 'bench', '基准', 'caseworker', NULL, c.org_unit_id, e.at, e.at,
             NULL, NULL, '{}'::jsonb, 'window'
      FROM ${EDGES}
      JOIN cases c ON c.id = md5('edge' || e.kind || e.i)::uuid`);
    await tx.execute(sql`SET LOCAL session_replication_role = origin`);
    await tx.execute(sql`SELECT rebuild_analytics_rollups()`);
  });
}
