import { describe, expect, it } from 'vitest';
import { countsDeadlines, exportOf, formatFigure, hasChildUnits, ratio, scopeQuery, totalOf, workloadSummary } from '../../admin-ui/src/evaluator/figures.ts';
import { addDays, addMonths, asKind, chinaToday, defaultPeriod, isAfterToday, monthsUpTo, periodDays, quarterOf } from '../../admin-ui/src/evaluator/period.ts';
import type { WorkloadRow } from '../../admin-ui/src/evaluator/types.ts';

describe('dashboard periods', () => {
  it('takes today in China, which is already tomorrow after 16:00 UTC', () => {
    expect(chinaToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('opens on the last 90 days, today included', () => {
    expect(defaultPeriod('2026-11-26')).toEqual({ kind: 'range', from: '2026-08-29', to: '2026-11-26' });
  });

  it('turns quarters and months into their first and last days', () => {
    expect(periodDays({ kind: 'quarter', quarter: '2026-Q1' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDays({ kind: 'quarter', quarter: '2026-Q4' })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays({ kind: 'month', month: '2028-02' })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays({ kind: 'range', from: '2026-09-10', to: '2026-11-26' })).toEqual({ from: '2026-09-10', to: '2026-11-26' });
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026-Q1', '2026-Q2', '2026-Q4']);
  });

  it('switches the kind of period around its last day, never past today', () => {
    const range = { kind: 'range', from: '2026-08-29', to: '2026-11-26' } as const;
    expect(asKind(range, 'quarter', '2026-11-26')).toEqual({ kind: 'quarter', quarter: '2026-Q4' });
    expect(asKind(range, 'month', '2026-11-26')).toEqual({ kind: 'month', month: '2026-11' });
    // The fourth quarter ends on 12-31, after today: its month is today's, not December.
    expect(asKind({ kind: 'quarter', quarter: '2026-Q4' }, 'month', '2026-11-26')).toEqual({ kind: 'month', month: '2026-11' });
    expect(asKind({ kind: 'quarter', quarter: '2026-Q2' }, 'month', '2026-11-26')).toEqual({ kind: 'month', month: '2026-06' });
    expect(asKind({ kind: 'month', month: '2026-02' }, 'range', '2026-11-26')).toEqual({ kind: 'range', from: '2026-02-01', to: '2026-02-28' });
  });

  it('offers no period after today, but the quarter and month of today', () => {
    const today = '2026-10-05';
    // A quarter cell may carry any day of its first month: 10-27 is still this quarter.
    expect([isAfterToday('2026-10-27', 'quarter', today), isAfterToday('2027-01-05', 'quarter', today)]).toEqual([false, true]);
    expect([isAfterToday('2026-10-31', 'month', today), isAfterToday('2026-11-01', 'month', today)]).toEqual([false, true]);
    expect([isAfterToday('2026-10-05', 'range', today), isAfterToday('2026-10-06', 'range', today)]).toEqual([false, true]);
  });
});

describe('market monitoring months', () => {
  it('counts months across years', () => {
    expect([addMonths('2026-01', -1), addMonths('2026-11', 2), addMonths('2026-06', -17)]).toEqual(['2025-12', '2027-01', '2025-01']);
  });

  it('shows the months up to the quarter end, or up to this month while the quarter runs', () => {
    expect(monthsUpTo('2026-Q2', '2026-11-26', 6)).toEqual({ from: '2026-01', to: '2026-06' });
    expect(monthsUpTo('2026-Q4', '2026-11-26', 6)).toEqual({ from: '2026-06', to: '2026-11' });
  });
});

describe('dashboard figures', () => {
  it('rounds like the server and has no value without a denominator', () => {
    expect(ratio(14, 15, 100)).toBe(93.33);
    expect(ratio(2, 3, 100)).toBe(66.67);
    expect(ratio(0, 0, 100)).toBeNull();
    expect([formatFigure(93.33, 100), formatFigure(0, 100), formatFigure(null, 100), formatFigure(2.5, 1)]).toEqual(['93.33%', '0%', '—', '2.5']);
  });

  it('adds the drill-down rows up to the parent figure', () => {
    const rows = [
      { key: 'supervisor', name: '业务科长', numerator: 1, denominator: 1, value: 100 },
      { key: 'unemployment-review', name: '失业登记审核岗', numerator: 5, denominator: 6, value: 83.33 },
      { key: 'unemployment-window', name: '失业登记窗口', numerator: 8, denominator: 8, value: 100 },
    ];
    expect(totalOf(rows, 100)).toEqual({ numerator: 14, denominator: 15, value: 93.33 });
    expect(totalOf([], 100)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('knows the bottom of the org tree: only the unit itself has records', () => {
    const unit = { id: '350203-01', name: '思明区公共就业服务中心' };
    const own = { key: '350203-01', name: unit.name, numerator: 1, denominator: 1, value: 100 };
    const child = { key: '350203', name: '思明区', numerator: 1, denominator: 2, value: 50 };
    expect(hasChildUnits({ indicator: 'x', orgUnit: unit, by: 'unit', rows: [own] })).toBe(false);
    expect(hasChildUnits({ indicator: 'x', orgUnit: { id: '350200', name: '厦门市' }, by: 'unit', rows: [child] })).toBe(true);
  });

  it('sums the workload with the average weighted by steps handled, or takes one post', () => {
    const rows: WorkloadRow[] = [
      { post: 'supervisor', name: '业务科长', handled: 4, averageWorkingDays: 3.25, p90WorkingDays: 8, openTasks: 0, overdueTasks: 0 },
      { post: 'unemployment-window', name: '失业登记窗口', handled: 50, averageWorkingDays: 1.98, p90WorkingDays: 4, openTasks: 1, overdueTasks: 1 },
      { post: 'subsidy-review', name: '补贴审核岗', handled: 0, averageWorkingDays: null, p90WorkingDays: null, openTasks: 6, overdueTasks: 2 },
    ];
    // (4 × 3.25 + 50 × 1.98) / 54 = 112 / 54 = 2.074…
    expect(workloadSummary(rows, null)).toEqual({ handled: 54, averageWorkingDays: 2.07, openTasks: 7, overdueTasks: 3 });
    expect(workloadSummary(rows, 'subsidy-review')).toEqual({ handled: 0, averageWorkingDays: null, openTasks: 6, overdueTasks: 2 });
    expect(workloadSummary([], null).averageWorkingDays).toBeNull();
  });

  it('lists the late steps first only behind an on-time rate', () => {
    const title = { 'zh-CN': '', en: '' };
    const onTime = { id: 'a', title, factor: 100, pluginId: 'p', numerator: { process: 'x', withDeadline: true, onTime: true }, denominator: { process: 'x', withDeadline: true } };
    const success = { id: 'b', title, factor: 100, pluginId: 'p', numerator: { process: 'y', event: 'hired' }, denominator: { process: 'y', event: 'refer' } };
    expect([countsDeadlines(onTime), countsDeadlines(success), countsDeadlines({ id: 'c', title, factor: 1, pluginId: 'p', numerator: { process: 'z', onTime: false }, denominator: { process: 'z' } })]).toEqual([true, false, false]);
  });

  it('asks every route for the same scope, the post only when chosen, and names the export after it', () => {
    const scope = { orgUnitId: '350200', from: '2026-08-29', to: '2026-11-26', post: null };
    expect(scopeQuery(scope)).toBe('orgUnit=350200&from=2026-08-29&to=2026-11-26');
    expect(scopeQuery({ ...scope, post: 'unemployment-review' }, { late: 'true' })).toBe('orgUnit=350200&from=2026-08-29&to=2026-11-26&post=unemployment-review&late=true');
    expect(exportOf('unemployment-registration-on-time-rate', { ...scope, orgUnitId: '350203-01' }, 'post', 'xlsx')).toEqual({
      path: '/review/export?orgUnit=350203-01&from=2026-08-29&to=2026-11-26&indicator=unemployment-registration-on-time-rate&by=post&format=xlsx',
      fileName: 'unemployment-registration-on-time-rate_350203-01_2026-08-29_2026-11-26_post.xlsx',
    });
  });
});
