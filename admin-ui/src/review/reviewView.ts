import type { SessionUser } from '../api.ts';
import { periodDays, quarterOf, type Period } from '../evaluator/period.ts';

/** A review period as the API spells it: a quarter `YYYY-Qn` or a month `YYYY-MM`. */
export const REVIEW_PERIOD = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;

/** What the review list shows: whose reviews (a unit and its children) for which period. */
export interface ReviewView {
  unit: string;
  period: string;
}

/** A review period as the dashboard's period type (for its days). */
export function asPeriod(period: string): Period {
  return period[5] === 'Q' ? { kind: 'quarter', quarter: period } : { kind: 'month', month: period };
}

/** The first and last day of a review period. */
export function reviewDays(period: string): { from: string; to: string } {
  return periodDays(asPeriod(period));
}

/** Whether a period's last day is over (China date `today`): only then may its figures be approved. */
export function periodEnded(period: string, today: string): boolean {
  return reviewDays(period).to < today;
}

/** The period a review list opens on: the last quarter that has ended, the one a city approves next. */
export function defaultReviewPeriod(today: string): string {
  const quarter = quarterOf(today);
  const year = Number(quarter.slice(0, 4));
  const n = Number(quarter.slice(6));
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** The same period as the other kind: a month becomes its quarter; a quarter its last month, or today's month while it runs. */
export function switchKind(period: string, today: string): string {
  if (period[5] !== 'Q') return quarterOf(`${period}-01`);
  const last = reviewDays(period).to.slice(0, 7);
  return last > today.slice(0, 7) ? today.slice(0, 7) : last;
}

/**
 * The list a hash query names (`#/review?unit=350200&period=2026-Q3`), so a reload, the back
 * button and a link keep it; a missing or misspelt value is the default (the user's own unit, the
 * last ended quarter).
 */
export function readReviewView(query: URLSearchParams, user: SessionUser, today: string): ReviewView {
  const period = query.get('period');
  return { unit: query.get('unit') || user.orgUnit.id, period: period && REVIEW_PERIOD.test(period) ? period : defaultReviewPeriod(today) };
}

/** The hash path of a review list. */
export function reviewListPath(view: ReviewView): string {
  return `/review?${new URLSearchParams({ unit: view.unit, period: view.period }).toString()}`;
}

/** The hash path of one unit's review of a period. */
export function reviewDetailPath(unit: string, period: string): string {
  return `/review/${encodeURIComponent(unit)}/${encodeURIComponent(period)}`;
}

/** A score as the server takes it: a whole number from 0 to 100. */
export function validScore(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}
