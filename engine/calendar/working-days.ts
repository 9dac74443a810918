import chineseDays from 'chinese-days';

/** Public services keep China Standard Time, which has no daylight saving. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China of an instant, as `YYYY-MM-DD`. */
export function chinaDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** True on a working day: weekdays that are not statutory holidays, plus make-up working weekends. */
export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

/**
 * The SLA deadline for work that arrives at `instant` and is allowed `days` working days:
 * the end (23:59:59.999 China time) of the `days`-th working day after the arrival date.
 * Statutory holidays and make-up working days come from the State Council's schedule as
 * packaged in `chinese-days`; years not yet scheduled fall back to Monday-Friday.
 */
export function addWorkingDays(instant: string, days: number): string {
  const due = chineseDays.findWorkday(days, chinaDate(instant));
  return new Date(Date.parse(`${due}T23:59:59.999+08:00`)).toISOString();
}

/**
 * Working days from one instant to a later one, counted by China dates: the working days after
 * the first instant's date, up to and including the second's (0 on the same day). How late a
 * step was after its deadline, or how long it took after it arrived.
 */
export function workingDaysBetween(from: string | Date, to: string | Date): number {
  let days = 0;
  const last = Date.parse(`${chinaDate(to)}T00:00:00Z`);
  for (let t = Date.parse(`${chinaDate(from)}T00:00:00Z`) + 86_400_000; t <= last; t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) days++;
  }
  return days;
}

/** The instant a China date (`YYYY-MM-DD`) begins: midnight in Beijing. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The instant just after a China date ends: midnight in Beijing starting the next day. */
export function chinaDayEnd(date: string): Date {
  return new Date(chinaDayStart(date).getTime() + 86_400_000);
}
