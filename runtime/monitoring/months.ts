import { PlatformError, chinaDayStart } from '../../engine/index.ts';
import { parseQuarter, shiftQuarter } from '../analysis/quarter.ts';

/**
 * China calendar months and quarters (Asia/Shanghai, UTC+8 all year: China keeps no summer
 * time). A month is `YYYY-MM`, a quarter `YYYY-Qn`; boundaries are China midnight.
 * 中国自然月与季度（北京时间）。
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The longest span one request may ask about: ten years of months. */
export const MAX_MONTHS = 120;

/** The instant a China month starts. */
export function monthStart(month: string): Date {
  return chinaDayStart(`${month}-01`);
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

/** The three months of a quarter, first to last; BAD_REQUEST for anything but `YYYY-Qn`. */
export function quarterMonths(quarter: string): [string, string, string] {
  const first = parseQuarter(quarter).from.slice(0, 7);
  const second = nextMonth(first);
  return [first, second, nextMonth(second)];
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  return shiftQuarter(parseQuarter(quarter), -1).id;
}

/** The instant just after a quarter: China midnight starting the next quarter's first day. */
export function quarterEnd(quarter: string): Date {
  return monthStart(nextMonth(quarterMonths(quarter)[2]));
}
