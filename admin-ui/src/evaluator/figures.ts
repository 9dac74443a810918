import type { DrillBy, DrillDownResult, DrillRow, IndicatorSpec, Scope, WorkloadRow } from './types.ts';

/** numerator / denominator × factor rounded to two decimals, as the server computes it; null without a denominator. */
export function ratio(numerator: number, denominator: number, factor: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * factor * 100) / 100;
}

/** A figure as a person reads it: a percentage for factor 100, a dash for no value. */
export function formatFigure(value: number | null, factor: number): string {
  if (value === null) return '—';
  return factor === 100 ? `${value}%` : String(value);
}

/** The total row of a drill-down: the rows' numerators and denominators added up, and their ratio. */
export function totalOf(rows: readonly DrillRow[], factor: number): Omit<DrillRow, 'key' | 'name'> {
  const numerator = rows.reduce((sum, row) => sum + row.numerator, 0);
  const denominator = rows.reduce((sum, row) => sum + row.denominator, 0);
  return { numerator, denominator, value: ratio(numerator, denominator, factor) };
}

/** Whether a by-unit drill-down reaches any unit below the one asked about (else the unit is the bottom of the tree, e.g. an office). */
export function hasChildUnits(result: DrillDownResult): boolean {
  return result.rows.some((row) => row.key !== null && row.key !== result.orgUnit.id);
}

/** The dashboard's headline workload: steps handled, their average working days, open and overdue tasks now. */
export interface WorkloadSummary {
  handled: number;
  averageWorkingDays: number | null;
  openTasks: number;
  overdueTasks: number;
}

/**
 * Adds up the workload per post (or takes one post's row): the average handling time is weighted
 * by the steps each post handled, so it is the average over all those steps.
 */
export function workloadSummary(rows: readonly WorkloadRow[], post: string | null): WorkloadSummary {
  const chosen = post === null ? rows : rows.filter((row) => row.post === post);
  const handled = chosen.reduce((sum, row) => sum + row.handled, 0);
  const days = chosen.reduce((sum, row) => sum + (row.averageWorkingDays ?? 0) * row.handled, 0);
  return {
    handled,
    averageWorkingDays: handled === 0 ? null : Math.round((days / handled) * 100) / 100,
    openTasks: chosen.reduce((sum, row) => sum + row.openTasks, 0),
    overdueTasks: chosen.reduce((sum, row) => sum + row.overdueTasks, 0),
  };
}

/** The query string every indicator route takes: `orgUnit`, `from`, `to`, and `post` when one is chosen, plus any extra parameters. */
export function scopeQuery(scope: Scope, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ orgUnit: scope.orgUnitId, from: scope.from, to: scope.to });
  if (scope.post) query.set('post', scope.post);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

/** The export route for a drill-down and the file name to save it under. */
export function exportOf(indicator: string, scope: Scope, by: DrillBy, format: 'csv' | 'xlsx'): { path: string; fileName: string } {
  const path = `/review/export?${scopeQuery(scope, { indicator, by, format })}`;
  const fileName = `${indicator}_${scope.orgUnitId}_${scope.from}_${scope.to}_${by}.${format}`.replace(/[^\w.-]/g, '_');
  return { path, fileName };
}

/**
 * Whether an indicator is an on-time rate: its numerator counts the steps that kept their
 * deadline, so the records worth seeing first behind it are the late ones. For any other
 * indicator (a success rate, a share) no step is late and the records are its denominator.
 */
export function countsDeadlines(spec: IndicatorSpec): boolean {
  return spec.numerator.onTime === true;
}
