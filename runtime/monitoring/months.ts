import { PlatformError } from '../../engine/index.ts';

/**
 * China calendar months and quarters (Asia/Shanghai, UTC+8 all year: China keeps no summer
 * time). A month is `YYYY-MM`, a quarter `YYYY-Qn`; boundaries are China midnight.
 * 中国自然月与季度（北京时间）。
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;

/** The longest span one request may ask about: ten years of months. */
export const MAX_MONTHS = 120;

/** The instant a China month starts. */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** Checks a month range: well-formed, in order and at most {@link MAX_MONTHS} long; BAD_REQUEST otherwise. */
export function checkMonthRange(from: string, to: string): string[] {
  if (!MONTH.test(from) || !MONTH.test(to)) throw new PlatformError('BAD_REQUEST', { details: { from, to, reason: 'months are YYYY-MM' } });
  if (from > to) throw new PlatformError('BAD_REQUEST', { details: { from, to, reason: 'from is after to' } });
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw new PlatformError('BAD_REQUEST', { details: { from, to, reason: `at most ${MAX_MONTHS} months` } });
  return months;
}

/** The three months of a quarter, first to last. */
export function quarterMonths(quarter: string): [string, string, string] {
  if (!QUARTER.test(quarter)) throw new PlatformError('BAD_REQUEST', { details: { quarter, reason: 'quarters are YYYY-Qn' } });
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return [month(first), month(first + 1), month(first + 2)];
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  quarterMonths(quarter);
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The instant just after a quarter: China midnight starting the next quarter's first day. */
export function quarterEnd(quarter: string): Date {
  return monthStart(nextMonth(quarterMonths(quarter)[2]));
}
