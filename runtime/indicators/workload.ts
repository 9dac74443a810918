import { and, count, eq, lt, sql } from 'drizzle-orm';
import { workingDaysBetween } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import { queryRows } from '../db/index.ts';
import { posts, tasks } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { unitInScope, type IndicatorQuery } from './indicator-service.ts';
import { records, stepCounts } from './record-counts.ts';

/** The value below which `share` of the counted values fall (nearest rank), from values sorted with their counts. */
function percentile(sorted: readonly { days: number; n: number }[], total: number, share: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(share * total);
  let seen = 0;
  for (const group of sorted) {
    seen += group.n;
    if (seen >= rank) return group.days;
  }
  return sorted.at(-1)!.days;
}

/**
 * Workload per post in an org unit's subtree: steps handled in the period (human steps with a
 * task deadline), their average and 90th-percentile handling time in working days, and the
 * caseload now: open tasks and how many of them are overdue. The steps are counted from the
 * step_counts roll-up (`fromRecords`: from the records themselves, the same figures).
 */
export async function workloadByPost(rt: RuntimeContext, user: SessionUser, query: Omit<IndicatorQuery, 'post'> & { process?: string | undefined }, options: { fromRecords?: boolean } = {}) {
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const now = rt.clock();
  // Grouped by post and China dates in SQL: working days are then counted once per distinct pair.
  const source = options.fromRecords ? records : stepCounts;
  const steps = await queryRows<{ post: string | null; entered: string; left: string; n: string | number }>(
    rt.db,
    sql`SELECT ${source.post} AS post, ${source.enteredDay} AS entered, ${source.leftDay} AS left, sum(${source.weight}) AS n
        FROM ${source.from}
        WHERE ${source.inPeriod(unit.path, query)} AND ${source.handled} ${query.process ? sql`AND ${source.process} = ${query.process}` : sql``}
        GROUP BY 1, 2, 3 HAVING sum(${source.weight}) <> 0`,
  );
  const open = await rt.db
    .select({ post: tasks.post, open: count(), overdue: sql<number>`count(*) FILTER (WHERE ${lt(tasks.dueAt, now)})`.mapWith(Number) })
    .from(tasks)
    .where(and(eq(tasks.status, 'open'), sql`${tasks.orgPath} LIKE ${`${unit.path}%`}`))
    .groupBy(tasks.post);
  const calendar = await calendarInForce(rt.db, rt, unit.path);
  const byPost = new Map<string, { days: number; n: number }[]>();
  for (const step of steps) {
    const days = workingDaysBetween(calendar, `${step.entered}T12:00:00+08:00`, `${step.left}T12:00:00+08:00`);
    byPost.set(step.post ?? '', [...(byPost.get(step.post ?? '') ?? []), { days, n: Number(step.n) }]);
  }
  const codes = [...new Set([...byPost.keys(), ...open.map((o) => o.post ?? '')])].sort();
  const names = new Map((await rt.db.selectDistinct({ code: posts.code, name: posts.name }).from(posts)).map((p) => [p.code, p.name]));
  return {
    orgUnit: { id: unit.id, name: unit.name },
    from: query.from,
    to: query.to,
    rows: codes.map((code) => {
      const groups = [...(byPost.get(code) ?? [])].sort((a, b) => a.days - b.days);
      const handled = groups.reduce((sum, g) => sum + g.n, 0);
      const caseload = open.find((o) => (o.post ?? '') === code);
      return {
        post: code || null,
        name: names.get(code) ?? null,
        handled,
        averageWorkingDays: handled === 0 ? null : Math.round((groups.reduce((sum, g) => sum + g.days * g.n, 0) / handled) * 100) / 100,
        p90WorkingDays: percentile(groups, handled, 0.9),
        openTasks: Number(caseload?.open ?? 0),
        overdueTasks: caseload?.overdue ?? 0,
      };
    }),
  };
}
