import type { Answer } from '../../../client/index.ts';
import type { Localized } from '../api.ts';

/** An org unit as the indicator API names it. */
export interface UnitRef {
  id: string;
  name: string;
}

/** Which performance records a side of an indicator counts (the fields the dashboard reads). */
export interface RecordSelector {
  process?: string;
  event?: string;
  withDeadline?: boolean;
  onTime?: boolean;
}

/** One indicator of `GET /api/indicators`: a stored formula over the performance records. */
export interface IndicatorSpec {
  id: string;
  title: Localized;
  factor: number;
  pluginId: string;
  numerator?: RecordSelector;
  denominator?: RecordSelector;
}

/**
 * `GET /api/indicators/{id}`: the figure with what it was computed from. The OpenAPI document leaves
 * out `calendar` (records counted against a provisional deadline, and records judged again since
 * their year's schedule came in), which the server sends: named here until the document has it.
 */
export type IndicatorValue = Answer<'/api/indicators/{id}', 'get'> & { calendar: { provisionalRecords: number; recalculatedRecords: number } };

// The answers below are described in the OpenAPI document as objects only (`GET /api/indicators`,
// its drill-down and records, `GET /api/workload`): kept here until the document describes them.

/** How a drill-down splits a figure: per child org unit or per post. */
export type DrillBy = 'unit' | 'post';

/** One row of `GET /api/indicators/{id}/drilldown`; `key` is the unit id or post code (null: steps without a post). */
export interface DrillRow {
  key: string | null;
  name: string | null;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface DrillDownResult {
  indicator: string;
  orgUnit: UnitRef;
  by: DrillBy;
  rows: DrillRow[];
}

/** One performance record behind a figure (`GET /api/indicators/{id}/records`). */
export interface PerformanceRecord {
  caseId: string;
  caseNo: string;
  event: string;
  actor: { id: string | null; name: string | null; role: string };
  post: string | null;
  orgUnit: UnitRef;
  leftAt: string;
  dueAt: string | null;
  onTime: boolean | null;
  workingDaysLate: number;
}

/** One post of `GET /api/workload`. */
export interface WorkloadRow {
  post: string | null;
  name: string | null;
  handled: number;
  averageWorkingDays: number | null;
  p90WorkingDays: number | null;
  openTasks: number;
  overdueTasks: number;
}

export interface Workload {
  orgUnit: UnitRef;
  rows: WorkloadRow[];
}

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
