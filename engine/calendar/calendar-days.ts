/**
 * Arithmetic on China calendar days (`YYYY-MM-DD`), months (`YYYY-MM`) and quarters
 * (`YYYY-Qn`) as strings, the form in which case data and forms hold them. No time zone enters:
 * a day here is already a day in China (`chinaDate` turns an instant into one).
 */

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2026-02-30). */
export function isDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  return match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]));
}

/** True for a `YYYY-MM` month, or a day (whose month it then names). */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value) && (value.length === 7 || isDay(value));
}

/** The day itself, or a RangeError that names no value: the value may be a birth date, which is personal data. */
function checkedDay(day: string): string {
  if (!isDay(day)) throw new RangeError('not a YYYY-MM-DD day');
  return day;
}

/** Months since year 0 of a `YYYY-MM` month or a `YYYY-MM-DD` day: for comparing and counting months. */
export function monthIndex(month: string): number {
  if (!isMonth(month)) throw new RangeError('not a YYYY-MM month');
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The `YYYY-MM` month of a month index. */
export function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The `YYYY-MM` month of a day (a month stays itself). */
export function monthOf(day: string): string {
  return monthOfIndex(monthIndex(day));
}

/**
 * Completed years of age on `day` of someone born on `birthDate`: a year is completed on the
 * birthday, and someone born on 29 February completes it on 1 March in a common year.
 */
export function ageOn(birthDate: string, day: string): number {
  checkedDay(birthDate);
  checkedDay(day);
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) >= birthDate.slice(5, 10) ? years : years - 1;
}

/** The day `days` days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${checkedDay(day)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day `months` months after `day`; a day past the end of that month becomes its last day (2026-01-31 + 1 = 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const index = monthIndex(checkedDay(day)) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(Number(day.slice(8, 10)), daysInMonth(year, month)))}`;
}

/** Days from `from` to `until`: 0 on the same day, negative when `until` comes first. */
export function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${checkedDay(until)}T00:00:00Z`) - Date.parse(`${checkedDay(from)}T00:00:00Z`)) / DAY_MS);
}

/**
 * Calendar months from the month of `from` to the month of `until`, the days not counting
 * (2026-01-31 to 2026-02-01 is 1): how claims by month count against a term.
 */
export function monthsBetween(from: string, until: string): number {
  return monthIndex(until) - monthIndex(from);
}

/** The first and last day of a `YYYY-Qn` quarter, or undefined when it is not one. */
export function quarterBounds(quarter: string): { first: string; last: string } | undefined {
  const match = QUARTER.exec(quarter);
  if (!match) return undefined;
  const year = Number(match[1]);
  const lastMonth = Number(match[2]) * 3;
  return { first: `${year}-${pad(lastMonth - 2)}-01`, last: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}
