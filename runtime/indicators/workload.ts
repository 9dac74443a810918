import { and, count, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { workingDaysBetween } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { caseEvents, orgUnits, posts, tasks } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { inPeriod, unitInScope, type IndicatorQuery } from './indicator-service.ts';

/** The value below which `share` of the sorted values fall (nearest rank). */
function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Workload per post in an org unit's subtree: steps handled in the period (human steps with a
 * task deadline), their average and 90th-percentile handling time in working days, and the
 * caseload now: open tasks and how many of them are overdue.
 */
export async function workloadByPost(rt: RuntimeContext, user: SessionUser, query: Omit<IndicatorQuery, 'post'> & { process?: string | undefined }) {
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const now = rt.clock();
  const steps = await rt.db
    .select({ post: caseEvents.post, enteredAt: caseEvents.enteredAt, leftAt: caseEvents.leftAt })
    .from(caseEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, caseEvents.orgUnitId))
    .where(and(inPeriod(unit.path, query), isNotNull(caseEvents.dueAt), ne(caseEvents.actorRole, 'system'), query.process ? eq(caseEvents.processId, query.process) : undefined));
  const open = await rt.db
    .select({ post: tasks.post, open: count(), overdue: sql<number>`count(*) FILTER (WHERE ${lt(tasks.dueAt, now)})`.mapWith(Number) })
    .from(tasks)
    .where(and(eq(tasks.status, 'open'), sql`${tasks.orgPath} LIKE ${`${unit.path}%`}`))
    .groupBy(tasks.post);
  const byPost = new Map<string, number[]>();
  for (const step of steps) byPost.set(step.post ?? '', [...(byPost.get(step.post ?? '') ?? []), workingDaysBetween(step.enteredAt, step.leftAt)]);
  const codes = [...new Set([...byPost.keys(), ...open.map((o) => o.post ?? '')])].sort();
  const names = new Map((await rt.db.selectDistinct({ code: posts.code, name: posts.name }).from(posts)).map((p) => [p.code, p.name]));
  return {
    orgUnit: { id: unit.id, name: unit.name },
    from: query.from,
    to: query.to,
    rows: codes.map((code) => {
      const days = [...(byPost.get(code) ?? [])].sort((a, b) => a - b);
      const caseload = open.find((o) => (o.post ?? '') === code);
      return {
        post: code || null,
        name: names.get(code) ?? null,
        handled: days.length,
        averageWorkingDays: days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 100) / 100,
        p90WorkingDays: percentile(days, 0.9),
        openTasks: Number(caseload?.open ?? 0),
        overdueTasks: caseload?.overdue ?? 0,
      };
    }),
  };
}
