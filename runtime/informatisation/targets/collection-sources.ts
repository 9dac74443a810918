import { sql, type SQL } from 'drizzle-orm';
import { below, instant, share, type AssessmentScope } from './target.ts';

/** Records one source collected in the period, and how many were reviewed within the allowed days. */
export interface CollectionCount {
  collected: number;
  reviewedInTime: number;
}

/** A source of collected records (case intake today; bulk imports can be added as one more function). */
export type CollectionSource = (scope: AssessmentScope) => Promise<CollectionCount>;

/** The processes whose standard definition has a reviewer's task: their cases are records awaiting a review. */
function reviewedProcesses(scope: AssessmentScope): string[] {
  return [...scope.rt.registry.processes.entries()]
    .filter(([, p]) => Object.values(p.compiled.definition.states).some((state) => state.task?.role === 'reviewer'))
    .map(([id]) => id);
}

/**
 * Case intake: cases of a reviewed process opened in the subtree in the period, and those a
 * reviewer took a step on within the days allowed. A case still inside its days and not yet
 * reviewed is left out (it is not late yet).
 */
export const caseIntake: CollectionSource = async (scope) => {
  const processes = reviewedProcesses(scope);
  if (processes.length === 0) return { collected: 0, reviewedInTime: 0 };
  const days = scope.reviewDays;
  const reviewed = (until: SQL) =>
    sql`EXISTS (SELECT 1 FROM case_events e WHERE e.city_code = c.city_code AND e.case_id = c.id AND e.actor_role = 'reviewer' AND e.left_at <= ${until})`;
  const deadline = sql`c.created_at + make_interval(days => ${days}::int)`;
  const counted = await share(
    scope,
    sql`SELECT count(*) FILTER (WHERE ${reviewed(deadline)}) AS numerator, count(*) AS denominator
        FROM cases c
        WHERE c.org_path LIKE ${below(scope)} AND c.created_at >= ${instant(scope.from)} AND c.created_at < ${instant(scope.until)}
          AND c.process_id IN (${sql.join(processes.map((p) => sql`${p}`), sql`, `)})
          AND (${deadline} <= ${instant(scope.rt.clock())} OR ${reviewed(deadline)})`,
  );
  return { collected: counted.denominator, reviewedInTime: counted.numerator };
};

/** Every source 信息采集 counts, summed. */
export const collectionSources: readonly CollectionSource[] = [caseIntake];
