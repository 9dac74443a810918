import type { Answer, components } from '../../../client/index.ts';

/** An org unit as the indicator API names it. */
export type UnitRef = components['schemas']['UnitRef'];

/** One indicator of `GET /api/indicators`: a stored formula over the performance records. */
export type IndicatorSpec = Answer<'/api/indicators', 'get'>['items'][number];

/**
 * `GET /api/indicators/{id}`: the figure with what it was computed from, and `calendar`: records
 * counted against a provisional deadline, and records judged again since their year's schedule came in.
 */
export type IndicatorValue = Answer<'/api/indicators/{id}', 'get'>;

/** How the dashboard splits a figure: per child org unit or per post (the API can also split per channel). */
export type DrillBy = 'unit' | 'post';

/** `GET /api/indicators/{id}/drilldown`. */
export type DrillDownResult = Answer<'/api/indicators/{id}/drilldown', 'get'>;

/** One row of a drill-down; `key` is the unit id or post code (null: steps without a post). */
export type DrillRow = DrillDownResult['rows'][number];

/** One performance record behind a figure (`GET /api/indicators/{id}/records`). */
export type PerformanceRecord = Answer<'/api/indicators/{id}/records', 'get'>['items'][number];

/** `GET /api/workload`. */
export type Workload = Answer<'/api/workload', 'get'>;

/** One post of `GET /api/workload`. */
export type WorkloadRow = Workload['rows'][number];

/** What every figure on the dashboard is asked for: the unit's subtree, the period (China dates, inclusive), maybe one post. */
export interface Scope {
  orgUnitId: string;
  from: string;
  to: string;
  post: string | null;
}

/** The records a figure was computed from, asked for in a drawer: the figure's scope and how to name it. */
export interface RecordsTarget {
  scope: Scope;
  label: string;
}
