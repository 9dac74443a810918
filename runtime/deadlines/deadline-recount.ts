import { and, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { NATIONAL_SCOPE, currentCalendarVersion } from '../calendar/index.ts';
import { queryRows, type Executor } from '../db/index.ts';
import { cases, tasks, timers } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** What a recount did: deadlines only noted as counted by the new version, cases counted again, deadlines moved. */
export interface RecountReport {
  calendarVersion: number;
  unaffected: number;
  cases: number;
  moved: number;
}

const staleTask = (version: number) => and(eq(tasks.status, 'open'), lt(sql`coalesce(${tasks.calendarVersion}, 0)`, version))!;
const staleTimer = (version: number) => and(isNull(timers.firedAt), isNull(timers.cancelledAt), lt(timers.calendarVersion, version))!;

/**
 * True when a calendar change made after `countedBy` (and at most `version`) could move a deadline
 * at `deadline` of a case under `orgPath`: a change of the nation, or of the case's province, whose
 * first changed date is on or before the deadline's China date. A change after the deadline's day
 * cannot touch a count that stops there.
 */
function changedSince(countedBy: SQL, deadline: SQL, orgPath: SQL, version: number): SQL {
  return sql`EXISTS (SELECT 1 FROM calendar_schedules s
    WHERE s.version > ${countedBy} AND s.version <= ${version} AND s.changed_from IS NOT NULL
      AND s.changed_from <= (${deadline} AT TIME ZONE 'Asia/Shanghai')::date
      AND (s.scope_org_unit_id = ${NATIONAL_SCOPE} OR ${orgPath} LIKE '%/' || s.scope_org_unit_id || '/%'))`;
}

/** Notes the new version on stale deadlines that no later change can move (and that are not provisional). */
async function noteUnaffected(db: Executor, version: number): Promise<number> {
  const taskCounted = sql`coalesce(${tasks.calendarVersion}, 0)`;
  const notedTasks = await db
    .update(tasks)
    .set({ calendarVersion: version })
    .where(and(staleTask(version), eq(tasks.dueProvisional, false), sql`NOT ${changedSince(taskCounted, sql`${tasks.dueAt}`, sql`${tasks.orgPath}`, version)}`))
    .returning({ id: tasks.id });
  const timerPath = sql`(SELECT c.org_path FROM cases c WHERE c.city_code = ${timers.cityCode} AND c.id = ${timers.caseId})`;
  const notedTimers = await db
    .update(timers)
    .set({ calendarVersion: version })
    .where(and(staleTimer(version), eq(timers.provisional, false), sql`NOT ${changedSince(sql`${timers.calendarVersion}`, sql`${timers.fireAt}`, timerPath, version)}`))
    .returning({ id: timers.id });
  return notedTasks.length + notedTimers.length;
}

/** Counts one case's deadlines again in its own transaction, and notes the version on any it could not count. */
async function recountCase(rt: RuntimeContext, cityCode: string, caseId: string, version: number): Promise<number> {
  return rt.db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(and(eq(cases.cityCode, cityCode), eq(cases.id, caseId), eq(cases.status, 'active'))).for('update');
    const moved = row ? await rt.stepper.reschedule(tx, rt, row, version) : 0;
    // A task or timer of a state the case has left, or one its definition no longer counts, is not counted again.
    await tx.update(tasks).set({ calendarVersion: version }).where(and(eq(tasks.cityCode, cityCode), eq(tasks.caseId, caseId), staleTask(version)));
    await tx.update(timers).set({ calendarVersion: version }).where(and(eq(timers.cityCode, cityCode), eq(timers.caseId, caseId), staleTimer(version)));
    return moved;
  });
}

/**
 * Brings the open deadlines up to the calendar in force after a change (a year's schedule
 * entered, a provincial holiday added): deadlines that end before the first date the change
 * touches are only noted as counted by the new version; every other case with a deadline counted
 * by an older version, or provisional, is counted again in its own transaction, its tasks and
 * timers moved and each move recorded. Safe to run at any time and from several processes: a
 * deadline already counted by the version in force is not looked at again. Run after each change
 * and by the timer worker, which also picks up the steps that were under way during a change.
 */
export async function recountDeadlines(rt: RuntimeContext): Promise<RecountReport> {
  const version = await currentCalendarVersion(rt.db);
  const report: RecountReport = { calendarVersion: version, unaffected: 0, cases: 0, moved: 0 };
  if (version === 0) return report;
  report.unaffected = await noteUnaffected(rt.db, version);
  const stale = await queryRows<{ city_code: string; case_id: string }>(
    rt.db,
    sql`SELECT city_code, case_id FROM ${tasks} WHERE ${staleTask(version)}
        UNION SELECT city_code, case_id FROM ${timers} WHERE ${staleTimer(version)}`,
  );
  for (const { city_code, case_id } of stale) {
    report.moved += await recountCase(rt, city_code, case_id, version);
    report.cases++;
  }
  return report;
}
