import { sql, type SQL } from 'drizzle-orm';
import type { LocalizedText } from '../../../engine/index.ts';
import { queryRows } from '../../db/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';

/** Where and when a target is measured: an org unit's subtree over a period of China dates. */
export interface AssessmentScope {
  rt: RuntimeContext;
  unit: { id: string; path: string; kind: string };
  /** The period's first instant and the instant after its last day. */
  from: Date;
  until: Date;
  /** 信息采集: a collected record counts as reviewed in time within this many days. */
  reviewDays: number;
}

/** What a target counted: a share numerator / denominator, or why it could not be measured at all. */
export type TargetCount = { numerator: number; denominator: number } | { notStarted: LocalizedText };

/** One target of the annex: its name, how it is measured (shown to evaluators), and the count. */
export interface Target {
  id: string;
  title: LocalizedText;
  measure: LocalizedText;
  count(scope: AssessmentScope): Promise<TargetCount>;
}

/** An instant as a query parameter both drivers take (postgres.js refuses a Date in raw SQL). */
export function instant(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/** `LIKE` pattern for the unit and everything below it. */
export function below(scope: AssessmentScope): string {
  return `${scope.unit.path}%`;
}

/** Runs a query answering one row of `numerator` and `denominator` (int8 is a string on postgres.js). */
export async function share(scope: AssessmentScope, statement: SQL): Promise<{ numerator: number; denominator: number }> {
  const [row] = await queryRows<{ numerator: string | number | null; denominator: string | number | null }>(scope.rt.db, statement);
  return { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) };
}

/**
 * Cases of a process opened in the period in the unit's subtree (the cohort), and how many of
 * them reached a state by now: the share a package's meaning lets a target count without naming it.
 */
export function cohortReaching(scope: AssessmentScope, process: string, state: string): Promise<TargetCount> {
  return share(
    scope,
    sql`SELECT count(*) AS denominator,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.city_code = c.city_code AND e.case_id = c.id AND e.to_state = ${state})) AS numerator
        FROM cases c
        WHERE c.process_id = ${process} AND c.org_path LIKE ${below(scope)} AND c.created_at >= ${instant(scope.from)} AND c.created_at < ${instant(scope.until)}`,
  );
}
