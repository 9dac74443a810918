import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../admin-ui/src/api.ts';
import { defaultReviewPeriod, periodEnded, readReviewView, reviewDays, reviewListPath, switchKind, validScore } from '../../admin-ui/src/review/reviewView.ts';
import { navigationFor, screenTitle } from '../../admin-ui/src/shell/navigation.ts';

const user = { orgUnit: { id: '350200', name: '厦门市', kind: 'city' } } as SessionUser;

describe('period review screen: the view in the URL, periods and scores', () => {
  it('opens on the last ended quarter of the user’s unit and keeps what the URL names', () => {
    expect(defaultReviewPeriod('2026-12-05')).toBe('2026-Q3');
    expect(defaultReviewPeriod('2027-02-01')).toBe('2026-Q4');
    expect(readReviewView(new URLSearchParams(''), user, '2026-12-05')).toEqual({ unit: '350200', period: '2026-Q3' });
    expect(readReviewView(new URLSearchParams('unit=350203&period=2026-08'), user, '2026-12-05')).toEqual({ unit: '350203', period: '2026-08' });
    // A period the API would refuse falls back to the default.
    expect(readReviewView(new URLSearchParams('period=2026-Q5'), user, '2026-12-05').period).toBe('2026-Q3');
    expect(reviewListPath({ unit: '350203', period: '2026-Q3' })).toBe('/review?unit=350203&period=2026-Q3');
  });

  it('knows a period’s days, whether it has ended, and the same period as the other kind', () => {
    expect(reviewDays('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(reviewDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodEnded('2026-Q3', '2026-09-30')).toBe(false);
    expect(periodEnded('2026-Q3', '2026-10-01')).toBe(true);
    expect(switchKind('2026-08', '2026-12-05')).toBe('2026-Q3');
    expect(switchKind('2026-Q3', '2026-12-05')).toBe('2026-09');
    // The running quarter becomes today's month, not one in the future.
    expect(switchKind('2026-Q4', '2026-11-05')).toBe('2026-11');
  });

  it('takes a whole score from 0 to 100 only, as the server does', () => {
    for (const score of [0, 82, 100]) expect(validScore(score), String(score)).toBe(true);
    for (const score of [-1, 101, 80.5, '80', null, undefined, Number.NaN]) expect(validScore(score), String(score)).toBe(false);
  });

  it('names the detail page in the tab and highlights its menu entry', () => {
    const items = navigationFor('evaluator');
    expect(screenTitle(items, '/review')).toEqual({ 'zh-CN': '考核期审定', en: 'Period review' });
    expect(screenTitle(items, '/review/350200/2026-Q3')).toEqual({ 'zh-CN': '审定详情', en: 'Review of a period' });
  });
});
