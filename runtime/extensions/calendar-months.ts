/** Date arithmetic on `YYYY-MM-DD` calendar dates, by whole months and quarters. */

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` months after `date`; a day past the end of the month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

/** The first and last day of a `YYYY-Qn` quarter, or undefined when it is not one. */
export function quarterBounds(quarter: string): { first: string; last: string } | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return undefined;
  const year = Number(match[1]);
  const lastMonth = Number(match[2]) * 3;
  return { first: `${year}-${pad(lastMonth - 2)}-01`, last: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}

/** Months since year 0 of a `YYYY-MM` or `YYYY-MM-DD` string: for comparing and counting months. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** True for a `YYYY-MM-DD` string. */
export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
