import { chinaDate } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { currentCalendarVersion, NATIONAL_SCOPE, schedulesAt } from './calendar-store.ts';

/** From this day of the year (1 November, as the State Council publishes around then) next year's schedule is asked for. */
const WARN_FROM_MONTH_DAY = '11-01';

/** Whether the calendar covers the deadlines counted now: the years it holds and those it lacks. */
export interface CalendarStatus {
  version: number;
  /** The latest year whose State Council schedule is entered; null before any is. */
  lastScheduledYear: number | null;
  /** Years needed now and missing: this year always, next year from 1 November. Deadlines in them are provisional. */
  missingYears: number[];
}

/** The calendar's state on the China date of `now`, for the health check and the workbench's warning. */
export async function calendarStatus(db: Executor, now: Date): Promise<CalendarStatus> {
  const version = await currentCalendarVersion(db);
  const years = new Set((await schedulesAt(db, version, [NATIONAL_SCOPE])).map((row) => row.year));
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const needed = today.slice(5) >= WARN_FROM_MONTH_DAY ? [year, year + 1] : [year];
  return {
    version,
    lastScheduledYear: years.size === 0 ? null : Math.max(...years),
    missingYears: needed.filter((y) => !years.has(y)),
  };
}
