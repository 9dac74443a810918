import { eq, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Database, Transaction } from '../db/index.ts';
import { auditLog, calendarSchedules, calendarState } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { BUNDLED_SOURCE, bundledSchedules } from './bundled-schedules.ts';
import { NATIONAL_SCOPE, noteCalendarVersion, scheduleOf, schedulesAt } from './calendar-store.ts';
import { diffSchedules, isEmptyDiff, type ScheduleDiff } from './schedule-diff.ts';
import { checkSchedule, sortedDays, type Notice, type YearSchedule } from './year-schedule.ts';

/** What entering one year's schedule did, or would do on a dry run. */
export interface ScheduleChange {
  scope: string;
  year: number;
  /** The calendar version the change became; null on a dry run, or when it changed nothing. */
  version: number | null;
  notice: Notice;
  diff: ScheduleDiff;
  /** False when the schedule equals the one in force (same days, same notice): no version is made. */
  changes: boolean;
}

/** An administrator changes the schedule of the level they sit at only (who may at all: `calendar.national`, `calendar.provincial`). */
function requireOwnScope(user: SessionUser, scope: string): void {
  if (user.orgUnit.id !== scope) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { scope, orgUnit: user.orgUnit.id } });
}

const sameNotice = (a: Notice, b: Notice) => a.number === b.number && a.title === b.title && a.date === b.date;

/**
 * Records one year's schedule of a scope as a new calendar version, in the caller's transaction:
 * under the lock of the calendar's state row, so versions follow commit order; the version comes
 * from a sequence, so a rolled-back change never lends its number to another. A schedule equal
 * to the one in force makes no version. Audited.
 */
async function recordSchedule(tx: Transaction, input: { scope: string; schedule: YearSchedule; source: string; user: SessionUser | null; now: Date; dryRun: boolean }): Promise<ScheduleChange> {
  const { scope, schedule, now } = input;
  const [state] = await tx.select({ version: calendarState.version }).from(calendarState).where(eq(calendarState.id, 1)).for('update');
  if (!state) throw new PlatformError('NOT_FOUND', { details: { calendar: 'not seeded' } });
  const [previous] = (await schedulesAt(tx, state.version, [scope])).filter((row) => row.year === schedule.year);
  const days = sortedDays(schedule.days);
  const diff = diffSchedules(previous?.days ?? [], days);
  const changes = !previous || !isEmptyDiff(diff) || !sameNotice(scheduleOf(previous).notice, schedule.notice);
  if (input.dryRun || !changes) return { scope, year: schedule.year, version: null, notice: schedule.notice, diff, changes };
  const [next] = await tx.update(calendarState).set({ version: sql`nextval('calendar_version_seq')` }).where(eq(calendarState.id, 1)).returning({ version: calendarState.version });
  const version = next!.version;
  await tx.insert(calendarSchedules).values({
    scopeOrgUnitId: scope,
    year: schedule.year,
    version,
    noticeNumber: schedule.notice.number,
    noticeTitle: schedule.notice.title,
    noticeDate: schedule.notice.date,
    days,
    changedFrom: diff.changedFrom,
    source: input.source,
    enteredBy: input.user?.id ?? null,
    enteredAt: now,
  });
  await tx.insert(auditLog).values({
    actorId: input.user?.id ?? null,
    action: 'calendar.schedule',
    target: `${scope}/${schedule.year}`,
    details: { version, source: input.source, notice: schedule.notice, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, changedFrom: diff.changedFrom },
    at: now,
  });
  return { scope, year: schedule.year, version, notice: schedule.notice, diff, changes };
}

/**
 * Copies the State Council's schedules bundled in `chinese-days` into an empty calendar, as its
 * first version, in one transaction; does nothing when the calendar exists (a second start, or
 * another process that got there first). Returns the number of years copied.
 */
export async function seedBundledCalendar(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(calendarState)
      .values({ id: 1, version: sql`nextval('calendar_version_seq')` })
      .onConflictDoNothing()
      .returning({ version: calendarState.version });
    if (!created) return 0;
    const schedules = bundledSchedules();
    await tx.insert(calendarSchedules).values(
      schedules.map((s) => ({
        scopeOrgUnitId: NATIONAL_SCOPE,
        year: s.year,
        version: created.version,
        noticeNumber: s.notice.number,
        noticeTitle: s.notice.title,
        noticeDate: s.notice.date,
        days: s.days,
        changedFrom: null,
        source: BUNDLED_SOURCE,
        enteredBy: null,
        enteredAt: now,
      })),
    );
    return schedules.length;
  });
}

/**
 * Enters the State Council's schedules of one or more years (the form sends one, an import
 * several), each checked first, all in one transaction: either every year becomes a calendar
 * version or none does. Ministry administrators only.
 */
export async function enterNationalSchedules(rt: RuntimeContext, user: SessionUser, schedules: readonly YearSchedule[], options: { source: string; dryRun: boolean }): Promise<ScheduleChange[]> {
  requireOwnScope(user, NATIONAL_SCOPE);
  for (const schedule of schedules) checkSchedule(schedule, 'national');
  const now = rt.clock();
  const changes = await rt.db.transaction(async (tx) => {
    const made: ScheduleChange[] = [];
    for (const schedule of schedules) made.push(await recordSchedule(tx, { scope: NATIONAL_SCOPE, schedule, source: options.source, user, now, dryRun: options.dryRun }));
    return made;
  });
  noteChanges(rt, changes);
  return changes;
}

/** After a change is committed: this process counts with its version from the next step on. */
function noteChanges(rt: RuntimeContext, changes: readonly ScheduleChange[]): void {
  const versions = changes.flatMap((c) => (c.version === null ? [] : [c.version]));
  if (versions.length > 0) noteCalendarVersion(rt, Math.max(...versions));
}

/**
 * Enters a province's own holidays for a year (days off its cities have where law allows, such
 * as the days some regions keep for their ethnic festivals): replaces that year's list.
 * The province's administrators only.
 */
export async function enterProvincialHolidays(rt: RuntimeContext, user: SessionUser, provinceId: string, schedule: YearSchedule, options: { dryRun: boolean }): Promise<ScheduleChange> {
  requireOwnScope(user, provinceId);
  checkSchedule(schedule, 'provincial');
  const now = rt.clock();
  const change = await rt.db.transaction((tx) => recordSchedule(tx, { scope: provinceId, schedule, source: 'form', user, now, dryRun: options.dryRun }));
  noteChanges(rt, [change]);
  return change;
}
