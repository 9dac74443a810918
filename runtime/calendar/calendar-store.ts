import { and, desc, eq, inArray, lte } from 'drizzle-orm';
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

// The version in force as this process last read it (by the runtime's clock): a step reads it again at most once a second.
const VERSION_TTL_MS = 1000;
const versions = new WeakMap<Database, { version: number; readAt: number }>();

/** The database a calendar is read from, and the clock the version's age is told by. */
type CalendarSource = { db: Database; clock: () => Date };

/** Tells this process the version a change it committed made, so its next step counts with it at once. */
export function noteCalendarVersion(rt: CalendarSource, version: number): void {
  versions.set(rt.db, { version, readAt: rt.clock().getTime() });
}

/**
 * The calendar in force now for cases under `orgPath`: what a step counts the deadlines of the
 * state it enters with. The version is read at most once a second per process (in the caller's
 * transaction) and a version's calendar once per process, so a step costs no query for it. A
 * change made by another process can thus reach a step here up to a second late; the deadlines
 * such a step counted carry the older version and are counted again by `followCalendar`, which
 * reads the version afresh.
 */
export async function calendarInForce(tx: Executor, rt: CalendarSource, orgPath: string): Promise<WorkingCalendar> {
  const now = rt.clock().getTime();
  let known = versions.get(rt.db);
  if (!known || Math.abs(now - known.readAt) >= VERSION_TTL_MS) {
    known = { version: await currentCalendarVersion(tx), readAt: now };
    versions.set(rt.db, known);
  }
  return calendarAt(tx, rt, known.version, orgPath);
}
