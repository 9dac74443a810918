/** The period a dashboard looks at: a quarter, a month or any range of China dates (inclusive). */
export type Period = { kind: 'quarter'; quarter: string } | { kind: 'month'; month: string } | { kind: 'range'; from: string; to: string };

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (UTC+8, no daylight saving), `YYYY-MM-DD`. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of a month, `month` being 1-12. */
function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The quarter `YYYY-Qn` a date falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first and last day of a period. */
export function periodDays(period: Period): { from: string; to: string } {
  if (period.kind === 'range') return { from: period.from, to: period.to };
  const year = Number(period.kind === 'quarter' ? period.quarter.slice(0, 4) : period.month.slice(0, 4));
  if (period.kind === 'month') return { from: `${period.month}-01`, to: lastDay(year, Number(period.month.slice(5, 7))) };
  const first = (Number(period.quarter.slice(6)) - 1) * 3 + 1;
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: lastDay(year, first + 2) };
}

/**
 * The same days seen as another kind of period: the quarter or month the current one ends in
 * (today's, if it ends later, so the view never jumps into the future), or its exact range.
 */
export function asKind(period: Period, kind: Period['kind'], today: string): Period {
  const { from, to } = periodDays(period);
  const last = to > today ? today : to;
  if (kind === 'quarter') return { kind, quarter: quarterOf(last) };
  if (kind === 'month') return { kind, month: last.slice(0, 7) };
  return { kind, from, to };
}

/**
 * Whether a date's quarter, month or day (as the kind of period picks it) lies wholly after
 * today, so a picker offers no period without data yet; today's quarter and month stay open.
 */
export function isAfterToday(date: string, kind: Period['kind'], today: string): boolean {
  if (kind === 'quarter') return quarterOf(date) > quarterOf(today);
  if (kind === 'month') return date.slice(0, 7) > today.slice(0, 7);
  return date > today;
}

/** Days counted back from today, today included, for the default period. */
export const DEFAULT_DAYS = 90;

/**
 * The period a dashboard opens on: the last 90 days up to today. It always holds recent work
 * (the demo story runs over the 75 days before today), which a calendar quarter early in its
 * course would not.
 */
export function defaultPeriod(today: string): Period {
  return { kind: 'range', from: addDays(today, 1 - DEFAULT_DAYS), to: today };
}

/** The month `count` months after (or before, when negative) a `YYYY-MM` month. */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months up to the quarter's last month, or up to today's month while the quarter runs: `YYYY-MM` from and to. */
export function monthsUpTo(quarter: string, today: string, count: number): { from: string; to: string } {
  const { to } = periodDays({ kind: 'quarter', quarter });
  const last = (to > today ? today : to).slice(0, 7);
  return { from: addMonths(last, 1 - count), to: last };
}
