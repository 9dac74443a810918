import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { WorkingCalendar } from '../../engine/index.ts';
import type { Database, Executor } from '../db/index.ts';
import { calendarSchedules, calendarState } from '../db/schema/index.ts';
import { MINISTRY_ID } from '../organisation/ministry.ts';
import { composeCalendar, type YearSchedule } from './year-schedule.ts';

/** The State Council's schedules are kept at the ministry; provinces keep their own holidays. */
export const NATIONAL_SCOPE = MINISTRY_ID;

/** A schedule row as a level keeps it, with the version it was entered at. */
export type ScheduleRow = typeof calendarSchedules.$inferSelect;

/** The province an org path lies in (`/000000/350000/…` -> `350000`), or null at the ministry. */
export function provinceOf(orgPath: string): string | null {
  return orgPath.split('/').filter(Boolean)[1] ?? null;
}

/** A stored row as a year's schedule. */
export function scheduleOf(row: ScheduleRow): YearSchedule {
  return { year: row.year, notice: { number: row.noticeNumber, title: row.noticeTitle, date: row.noticeDate }, days: row.days };
}

/** The calendar version in force; 0 before the first start has seeded the calendar. */
export async function currentCalendarVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ version: calendarState.version }).from(calendarState).where(eq(calendarState.id, 1));
  return row?.version ?? 0;
}

/** The schedules of the given scopes as they stood at `version`: per scope and year, the latest row not above it. */
export async function schedulesAt(db: Executor, version: number, scopes: readonly string[]): Promise<ScheduleRow[]> {
  return db
    .selectDistinctOn([calendarSchedules.scopeOrgUnitId, calendarSchedules.year])
    .from(calendarSchedules)
    .where(and(inArray(calendarSchedules.scopeOrgUnitId, [...scopes]), lte(calendarSchedules.version, version)))
    .orderBy(calendarSchedules.scopeOrgUnitId, calendarSchedules.year, desc(calendarSchedules.version));
}

// A version's calendar never changes, so it is kept per database, version and province.
const caches = new WeakMap<Database, Map<string, Promise<WorkingCalendar>>>();

/**
 * The calendar as it stood at `version` for cases under `orgPath`: the national schedules and the
 * holidays of the path's province. What replay counts an old case with. Read with `db` (the
 * caller's transaction, if any: PGlite has one connection) and kept per database of `rt`.
 */
export function calendarAt(db: Executor, rt: { db: Database }, version: number, orgPath: string): Promise<WorkingCalendar> {
  const province = provinceOf(orgPath);
  let cache = caches.get(rt.db);
  if (!cache) caches.set(rt.db, (cache = new Map()));
  const key = `${version}:${province ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = schedulesAt(db, version, province ? [NATIONAL_SCOPE, province] : [NATIONAL_SCOPE]).then((rows) =>
      composeCalendar(
        version,
        rows.filter((r) => r.scopeOrgUnitId === NATIONAL_SCOPE).map(scheduleOf),
        rows.filter((r) => r.scopeOrgUnitId !== NATIONAL_SCOPE).map(scheduleOf),
      ),
    );
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/**
 * The calendar in force now for cases under `orgPath`, read in the caller's transaction: what a
 * step counts the deadlines of the state it enters with. One small query for the version; the
 * calendar of a version is read once per process.
 */
export async function calendarInForce(tx: Executor, rt: { db: Database }, orgPath: string): Promise<WorkingCalendar> {
  return calendarAt(tx, rt, await currentCalendarVersion(tx), orgPath);
}

/** The latest year the State Council's schedule is known for, in the version in force. */
export async function lastScheduledYear(db: Executor): Promise<number | null> {
  const [row] = await db
    .select({ year: sql<number | null>`max(${calendarSchedules.year})` })
    .from(calendarSchedules)
    .where(and(eq(calendarSchedules.scopeOrgUnitId, NATIONAL_SCOPE), lte(calendarSchedules.version, sql`(SELECT version FROM calendar_state WHERE id = 1)`)));
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}
