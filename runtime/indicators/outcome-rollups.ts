import { sql } from 'drizzle-orm';
import type { MeaningName } from '../../engine/index.ts';
import { queryRows } from '../db/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** The meanings the outcome roll-up (migration 0046) is kept for, as `outcome_sources` names them. */
const rolledUpMeanings: readonly MeaningName[] = ['registeredUnemployed', 'publishedVacancy', 'filledVacancy', 'certified', 'employed'];

/**
 * Whether the roll-up counts the outcomes as the plugins now define them: its triggers follow the
 * process, state and event of each meaning in `outcome_sources`; a city whose plugins word one
 * otherwise is answered from the records.
 */
export async function outcomeRollUpFits(rt: RuntimeContext): Promise<boolean> {
  const sources = await queryRows<{ meaning: string; process_id: string; state: string | null; event: string | null }>(rt.db, sql`SELECT meaning, process_id, state, event FROM outcome_sources`);
  const byMeaning = new Map(sources.map((row) => [row.meaning, row]));
  return rolledUpMeanings.every((name) => {
    const meaning = rt.registry.meaning(name);
    const source = byMeaning.get(name);
    return source !== undefined && source.process_id === meaning.process && source.state === (meaning.state ?? null) && source.event === (meaning.event ?? null);
  });
}

/** The sums behind the three outcome indicators, as the raw queries of outcomes.ts count them. */
export interface OutcomeSums {
  stock: number;
  longTerm: number;
  filled: number;
  /** The average days to fill, as PostgreSQL's avg() gives it (numeric text), or null with no fill after a publication. */
  averageDays: string | null;
  certified: number;
  employed: number;
}

/**
 * The outcome sums of an org unit's subtree (by its path, read by equality: every unit keeps its
 * own rows) from `outcome_counts` and the deltas not yet folded in. Spells: the running sum of their
 * points up to the period's last day; fills and certificates: those of the period's days. The days
 * to fill are summed per numeric scale and leave out rows whose entries were all taken back, so the
 * sum and its quotient carry exactly the digits avg() gives over the fills themselves.
 */
export async function outcomeSums(rt: RuntimeContext, path: string, from: string, to: string): Promise<OutcomeSums> {
  const rows = await queryRows<{ measure: string; n: string | number; average: string | null }>(
    rt.db,
    sql`SELECT x.measure, sum(x.n) AS n, sum(x.days) / nullif(sum(x.n), 0) AS average
        FROM (SELECT o.measure, o.day, o.scale, sum(o.n) AS n, sum(o.days) AS days
              FROM (SELECT * FROM outcome_counts UNION ALL SELECT * FROM outcome_count_deltas) o
              WHERE o.unit_path = ${path}
                AND (o.measure IN ('stock', 'longTerm') AND o.day <= ${to}::date
                     OR o.measure IN ('filled', 'timed', 'certified', 'employed') AND o.day >= ${from}::date AND o.day <= ${to}::date)
              GROUP BY 1, 2, 3 HAVING sum(o.n) <> 0) x
        GROUP BY 1`,
  );
  const measure = new Map(rows.map((row) => [row.measure, row]));
  const count = (name: string) => Number(measure.get(name)?.n ?? 0);
  return {
    stock: count('stock'),
    longTerm: count('longTerm'),
    filled: count('filled'),
    averageDays: measure.get('timed')?.average ?? null,
    certified: count('certified'),
    employed: count('employed'),
  };
}
