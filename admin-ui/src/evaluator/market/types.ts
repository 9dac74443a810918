import type { Localized } from '../../api.ts';
import type { UnitRef } from '../types.ts';

/** Unemployment flows over a month or a unit (`GET /api/monitoring/unemployment`). */
export interface Tally {
  inflow: number;
  outflow: number;
  stock: number;
  averageDurationDays: number | null;
}

export interface UnemploymentByMonth {
  orgUnit: UnitRef;
  openingStock: number;
  months: (Tally & { month: string })[];
}

export interface UnemploymentByUnit {
  orgUnit: UnitRef;
  rows: (Tally & { orgUnit: UnitRef })[];
}

/** One row of the supply and demand table (`GET /api/analysis/supply-demand`). */
export interface SupplyDemandRow {
  key: string;
  label?: Localized | null;
  demand: number;
  demandShare: number | null;
  supply: number;
  supplyShare: number | null;
  ratio: number | null;
  vsPreviousQuarter: { ratioChange: number | null } | null;
}

export interface SupplyDemandTable {
  quarter: string;
  total: SupplyDemandRow;
  rows: SupplyDemandRow[];
  previousQuarter: { quarter: string; leftOutCities: { code: string; name: string | null }[] };
}

/** The breakdowns of the supply and demand table offered on the dashboard. */
export const BREAKDOWNS = ['city', 'region', 'occupation', 'industry', 'education', 'age', 'sex'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Who took a step of an alert, and when. */
export interface AlertStep {
  by: UnitRef;
  at: string;
}

/** An early-warning alert (`GET /api/monitoring/alerts`), with who acknowledged and resolved it. */
export interface MonitoringAlert {
  id: string;
  orgUnit: UnitRef;
  rule: string;
  period: string;
  value: number;
  threshold: number;
  status: 'active' | 'acknowledged' | 'resolved';
  raisedAt: string;
  acknowledged: AlertStep | null;
  resolved: AlertStep | null;
  note: string | null;
}

/** A warning rule in force at a unit: the threshold, the level that set it (null: the ministry default), the default and the bounds. */
export interface RuleInForce {
  rule: string;
  title: Localized;
  threshold: number;
  /** Value and threshold are percentages; `shownAs: 'ratio'` reads one as the ratio it is (80 as 0.80 倍). */
  shownAs: 'percent' | 'ratio';
  setAt: string | null;
  defaultThreshold: number;
  min: number;
  max: number;
}

/** The warning rules in force at a unit, with their titles (`GET /api/monitoring/thresholds`). */
export interface Thresholds {
  orgUnit: UnitRef;
  rules: RuleInForce[];
}

/** What evaluating a quarter answered (`POST /api/monitoring/warnings/evaluate`): each alert, `created` when this run raised it. */
export interface Evaluation {
  quarter: string;
  alerts: (MonitoringAlert & { created: boolean })[];
}
