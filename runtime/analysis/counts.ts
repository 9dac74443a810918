import { sql } from 'drizzle-orm';
import type { Meaning } from '../../engine/index.ts';
import { queryRows, type Executor } from '../db/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { citySql, keySql, needsPerson, type Breakdown } from './breakdowns.ts';
import type { Quarter } from './quarter.ts';

/** Demand and supply counted for one city and row key. */
export interface Tally {
  demand: number;
  supply: number;
}

/** One period's counts: city -> row key -> tally. */
export type PeriodCounts = Map<string, Map<string, Tally>>;

interface CountRow {
  period: string;
  city: string;
  key: string;
  n: string | number;
}

/**
 * Runs a large read in its own transaction with room to sort in memory and without JIT
 * compilation (whose start-up costs more than it saves on these scans). The two sides of the
 * table run concurrently on PostgreSQL.
 */
function analyticalQuery<T>(rt: RuntimeContext, run: (tx: Executor) => Promise<T>): Promise<T> {
  return rt.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL jit = off`);
    return run(tx);
  });
}

function periodsSql(periods: Readonly<Record<string, Quarter>>) {
  const rows = Object.entries(periods).map(([name, q]) => sql`(${name}::text, ${q.from}::text, ${q.to}::text)`);
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS p(period, start_date, end_date)`;
}

/**
 * 需求人数: the headcount of vacancy postings registered by offices in the subtree that were
 * published at some time (a performance record entering `published`) and whose validity
 * [validFrom, validUntil] overlaps the period; a posting valid in two quarters counts in both.
 */
function demandRows(db: Executor, vacancy: Meaning, path: string, by: Breakdown, periods: Readonly<Record<string, Quarter>>) {
  return queryRows<CountRow>(
    db,
    sql`SELECT p.period, ${sql.raw(citySql.demand)} AS city, ${sql.raw(keySql[by].demand)} AS key, sum((c.data->>'headcount')::int) AS n
        FROM cases c JOIN ${periodsSql(periods)} ON c.data->>'validFrom' <= p.end_date AND c.data->>'validUntil' >= p.start_date
        WHERE c.process_id = ${vacancy.process} AND c.org_path LIKE ${`${path}%`}
          AND (c.city_code, c.id) IN (SELECT e.city_code, e.case_id FROM case_events e WHERE e.process_id = ${vacancy.process} AND e.to_state = ${vacancy.state})
        GROUP BY 1, 2, 3`,
  );
}

/**
 * 求职人数: persons with a job-seeking registration by an office in the subtree (the profile is
 * recorded by `register`) whose [availableFrom, validUntil] overlaps the period. A person is counted once per
 * period, with the latest such registration (they may have withdrawn and registered again).
 */
function supplyRows(db: Executor, seeker: Meaning, path: string, by: Breakdown, periods: Readonly<Record<string, Quarter>>) {
  // The key is worked out before the de-duplication, so only narrow rows are sorted; the person
  // is joined only for the breakdowns that need their sex or age.
  const person = needsPerson.has(by) ? sql`JOIN persons pe ON pe.city_code = c.city_code AND pe.id = c.subject_id` : sql``;
  return queryRows<CountRow>(
    db,
    sql`WITH s AS (
          SELECT DISTINCT ON (p.period, c.city_code, c.subject_id) p.period, ${sql.raw(citySql.supply)} AS city, ${sql.raw(keySql[by].supply)} AS key
          FROM cases c JOIN ${periodsSql(periods)} ON c.data->>'availableFrom' <= p.end_date AND c.data->>'validUntil' >= p.start_date
            ${person}
          -- Registered: the profile (availableFrom, validUntil) is only in a case's data once it
          -- was registered, so the validity join above already leaves out unregistered drafts.
          WHERE c.process_id = ${seeker.process} AND c.org_path LIKE ${`${path}%`}
          ORDER BY p.period, c.city_code, c.subject_id, c.created_at DESC, c.id DESC
        )
        SELECT period, city, key, count(*) AS n FROM s GROUP BY 1, 2, 3`,
  );
}

/** The breakdowns the market_counts roll-up keeps; sex and age need the person's master data as of the quarter. */
const rolledUp: ReadonlySet<Breakdown> = new Set(['total', 'region', 'city', 'occupation', 'education', 'skillLevel', 'industry', 'seekerCategory']);

/**
 * Whether the roll-up (migration 0040) counts the market as the plugins now define it: it is kept
 * for the processes (and publishing state) in `market_sources`.
 */
async function rollUpFits(rt: RuntimeContext, by: Breakdown): Promise<boolean> {
  if (!rolledUp.has(by)) return false;
  const vacancy = rt.registry.meaning('publishedVacancy');
  const seeker = rt.registry.meaning('activeJobSeeker');
  const sources = await queryRows<{ side: string; process_id: string; state: string | null }>(rt.db, sql`SELECT side, process_id, state FROM market_sources`);
  const source = new Map(sources.map((row) => [row.side, row]));
  return source.get('demand')?.process_id === vacancy.process && source.get('demand')?.state === vacancy.state && source.get('supply')?.process_id === seeker.process;
}

/**
 * Demand or supply from the roll-up: the summed counts and the deltas not yet folded in, kept per
 * org unit (a person's registration that a later one of theirs outranks is kept only for the units
 * holding it and not the later one, as the de-duplication of `supplyRows` counts it).
 */
function rolledUpRows(db: Executor, side: 'demand' | 'supply', path: string, by: Breakdown, periods: Readonly<Record<string, Quarter>>) {
  const quarters = Object.entries(periods).map(([name, q]) => sql`(${name}::text, ${q.id}::text)`);
  return queryRows<CountRow>(
    db,
    sql`SELECT p.period, m.city, m.key, sum(m.n) AS n
        FROM (SELECT * FROM market_counts UNION ALL SELECT * FROM market_count_deltas) m
        JOIN (VALUES ${sql.join(quarters, sql`, `)}) AS p(period, quarter) ON p.quarter = m.quarter
        WHERE m.unit_path = ${path} AND m.side = ${side} AND m.breakdown = ${by} AND m.quarter IN (${sql.join(Object.values(periods).map((q) => sql`${q.id}`), sql`, `)})
        GROUP BY 1, 2, 3 HAVING sum(m.entries) > 0`,
  );
}

/**
 * Demand and supply of an org unit's subtree (by its `path`) for each named period, per city and
 * row key: from the market_counts roll-up where it keeps the breakdown, else from the cases
 * (`fromRecords` asks for the cases always; the figures are the same).
 */
export async function countMarket(rt: RuntimeContext, path: string, by: Breakdown, periods: Readonly<Record<string, Quarter>>, options: { fromRecords?: boolean } = {}): Promise<Map<string, PeriodCounts>> {
  const result = new Map<string, PeriodCounts>(Object.keys(periods).map((name) => [name, new Map()]));
  const add = (rows: CountRow[], side: keyof Tally) => {
    for (const row of rows) {
      const cities = result.get(row.period)!;
      const keys = cities.get(row.city) ?? new Map<string, Tally>();
      cities.set(row.city, keys);
      const tally = keys.get(row.key) ?? { demand: 0, supply: 0 };
      tally[side] += Number(row.n);
      keys.set(row.key, tally);
    }
  };
  const fromRollUp = !options.fromRecords && (await rollUpFits(rt, by));
  const [demand, supply] = fromRollUp
    ? await Promise.all([rolledUpRows(rt.db, 'demand', path, by, periods), rolledUpRows(rt.db, 'supply', path, by, periods)])
    : await Promise.all([
        analyticalQuery(rt, (tx) => demandRows(tx, rt.registry.meaning('publishedVacancy'), path, by, periods)),
        analyticalQuery(rt, (tx) => supplyRows(tx, rt.registry.meaning('activeJobSeeker'), path, by, periods)),
      ]);
  add(demand, 'demand');
  add(supply, 'supply');
  return result;
}
