import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { calendarSchedules, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { calendarStatus } from './calendar-status.ts';
import { currentCalendarVersion, NATIONAL_SCOPE, provinceOf, scheduleOf, schedulesAt, type ScheduleRow } from './calendar-store.ts';

/** A year's schedule as listed: its notice, how many days of each kind, and who entered the version in force. */
function summary(row: ScheduleRow, enteredBy: Map<string, string>) {
  return {
    year: row.year,
    version: row.version,
    notice: scheduleOf(row).notice,
    holidays: row.days.filter((d) => d.kind === 'holiday').length,
    workdays: row.days.filter((d) => d.kind === 'workday').length,
    source: row.source,
    enteredAt: row.enteredAt.toISOString(),
    enteredBy: row.enteredBy ? (enteredBy.get(row.enteredBy) ?? null) : null,
  };
}

async function namesOf(rt: RuntimeContext, rows: readonly ScheduleRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.enteredBy ? [r.enteredBy] : [])))];
  if (ids.length === 0) return new Map();
  return new Map((await rt.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
}

/** The scopes a user's calendar is made of: the nation, and the user's province when there is one. */
function scopesOf(user: SessionUser): { province: string | null; scopes: string[] } {
  const province = user.orgUnit.kind === 'ministry' ? null : provinceOf(user.orgUnit.path);
  return { province, scopes: province ? [NATIONAL_SCOPE, province] : [NATIONAL_SCOPE] };
}

/**
 * The calendar as a signed-in user sees it: whether it covers this year and, from 1 November,
 * next year; the State Council's schedule of every year entered; and the user's province's own
 * holidays, newest year first.
 */
export async function calendarOverview(rt: RuntimeContext, user: SessionUser) {
  const status = await calendarStatus(rt.db, rt.clock());
  const { province, scopes } = scopesOf(user);
  const rows = await schedulesAt(rt.db, status.version, scopes);
  const names = await namesOf(rt, rows);
  const newestFirst = (a: ScheduleRow, b: ScheduleRow) => b.year - a.year;
  return {
    status,
    national: rows.filter((r) => r.scopeOrgUnitId === NATIONAL_SCOPE).sort(newestFirst).map((r) => summary(r, names)),
    province: province ? { id: province, years: rows.filter((r) => r.scopeOrgUnitId === province).sort(newestFirst).map((r) => summary(r, names)) } : null,
  };
}

/**
 * One year as a signed-in user sees it: the State Council's schedule day by day, the user's
 * province's holidays, and every version of each that was entered, with who entered it and when.
 */
export async function yearCalendar(rt: RuntimeContext, user: SessionUser, year: number) {
  const version = await currentCalendarVersion(rt.db);
  const { province, scopes } = scopesOf(user);
  const history = await rt.db
    .select()
    .from(calendarSchedules)
    .where(and(eq(calendarSchedules.year, year), inArray(calendarSchedules.scopeOrgUnitId, scopes), lte(calendarSchedules.version, version)))
    .orderBy(asc(calendarSchedules.version));
  const national = history.filter((r) => r.scopeOrgUnitId === NATIONAL_SCOPE).at(-1);
  const provincial = province ? history.filter((r) => r.scopeOrgUnitId === province).at(-1) : undefined;
  if (!national && !provincial) throw new PlatformError('NOT_FOUND', { details: { year } });
  const names = await namesOf(rt, history);
  return {
    year,
    national: national ? { ...summary(national, names), days: national.days } : null,
    province: province ? { id: province, schedule: provincial ? { ...summary(provincial, names), days: provincial.days } : null } : null,
    history: history.map((r) => ({ scope: r.scopeOrgUnitId, ...summary(r, names), changedFrom: r.changedFrom })),
  };
}
