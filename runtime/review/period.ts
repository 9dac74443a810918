import { PlatformError, chinaDate } from '../../engine/index.ts';
import { parseQuarter } from '../analysis/quarter.ts';

/** A review period: a quarter `YYYY-Qn` or a month `YYYY-MM`. */
export const PERIOD_PATTERN = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;

/** A period's first and last day (China dates, inclusive). */
export interface PeriodRange {
  period: string;
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** 期间解析 The days of a period; BAD_REQUEST for anything but `YYYY-Qn` or `YYYY-MM`. */
export function periodRange(period: string): PeriodRange {
  if (!PERIOD_PATTERN.test(period)) throw new PlatformError('BAD_REQUEST', { details: { period, expected: 'YYYY-Qn or YYYY-MM' } });
  if (period[5] === 'Q') {
    const { from, to } = parseQuarter(period);
    return { period, from, to };
  }
  return { period, from: `${period}-01`, to: lastDayOfMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7))) };
}

/** True once the period's last day is over in China time: only then may its figures be approved. */
export function periodEnded(range: PeriodRange, now: Date): boolean {
  return chinaDate(now) > range.to;
}
