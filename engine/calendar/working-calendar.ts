/** Public services keep China Standard Time, which has no daylight saving. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** One date the State Council (or a province) sets apart from the Monday-to-Friday week. */
export interface CalendarDay {
  /** `YYYY-MM-DD`, a China date. */
  date: string;
  /** `holiday`: a day off, whatever the weekday; `workday`: a make-up working day (调休上班), whatever the weekday. */
  kind: 'holiday' | 'workday';
  /** What the day is for, as the notice names it (春节, 国庆节, …). */
  name: string;
}

/**
 * The working-day calendar in force, as data the runtime passes in like `now`, facts and
 * parameters: the holidays and make-up working days of the State Council's schedules (and of a
 * province's own holidays), the years those schedules cover, and the version of the data, which
 * records keep so that an old case can be counted again with the calendar of its time.
 */
export interface WorkingCalendar {
  version: number;
  /** Years whose schedule is known. Counting through any other year treats it as Monday to Friday, provisionally. */
  scheduledYears: readonly number[];
  /** When a date is listed twice (a provincial holiday on a national make-up day), the holiday wins. */
  days: readonly CalendarDay[];
}

/** A deadline counted in working days, and whether it crossed a year with no schedule (then it is provisional). */
export interface Deadline {
  at: string;
  provisional: boolean;
}

interface CalendarIndex {
  exceptions: Map<string, boolean>;
  years: Set<number>;
}

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(calendar: WorkingCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    const exceptions = new Map<string, boolean>();
    for (const day of calendar.days) {
      if (exceptions.get(day.date) === false) continue;
      exceptions.set(day.date, day.kind === 'workday');
    }
    index = { exceptions, years: new Set(calendar.scheduledYears) };
    indexes.set(calendar, index);
  }
  return index;
}

/** The calendar date in China of an instant, as `YYYY-MM-DD`. */
export function chinaDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China date (`YYYY-MM-DD`) begins: midnight in Beijing. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The instant just after a China date ends: midnight in Beijing starting the next day. */
export function chinaDayEnd(date: string): Date {
  return new Date(chinaDayStart(date).getTime() + DAY_MS);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** True on a working day: a weekday that is not a holiday, or a make-up working day. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  const listed = indexOf(calendar).exceptions.get(date);
  if (listed !== undefined) return listed;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** True when the calendar holds the schedule of the date's year. */
export function isScheduled(calendar: WorkingCalendar, date: string): boolean {
  return indexOf(calendar).years.has(Number(date.slice(0, 4)));
}

/**
 * The SLA deadline for work that arrives at `instant` and is allowed `days` working days: the end
 * (23:59:59.999 China time) of the `days`-th working day after the arrival date. A deadline whose
 * count passed through a year with no schedule was counted Monday to Friday there, and says so.
 */
export function addWorkingDays(calendar: WorkingCalendar, instant: string, days: number): Deadline {
  let date = chinaDate(instant);
  let provisional = false;
  for (let counted = 0; counted < days; ) {
    date = nextDate(date);
    if (!isScheduled(calendar, date)) provisional = true;
    if (isWorkingDay(calendar, date)) counted++;
  }
  return { at: new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString(), provisional };
}

/**
 * Working days from one instant to a later one, counted by China dates: the working days after
 * the first instant's date, up to and including the second's (0 on the same day). How late a
 * step was after its deadline, or how long it took after it arrived.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string | Date, to: string | Date): number {
  let days = 0;
  const last = chinaDate(to);
  for (let date = nextDate(chinaDate(from)); date <= last; date = nextDate(date)) {
    if (isWorkingDay(calendar, date)) days++;
  }
  return days;
}
