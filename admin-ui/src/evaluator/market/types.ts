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

/** An early-warning alert (`GET /api/monitoring/alerts`). */
export interface MonitoringAlert {
  id: string;
  orgUnit: UnitRef;
  rule: string;
  period: string;
  value: number;
  threshold: number;
  status: 'active' | 'acknowledged' | 'resolved';
  raisedAt: string;
  note: string | null;
}

/** The warning rules in force at a unit, with their titles (`GET /api/monitoring/thresholds`). */
export interface Thresholds {
  /** Value and threshold are percentages; `shownAs: 'ratio'` reads one as the ratio it is (80 as 0.80 倍). */
  rules: { rule: string; title: Localized; threshold: number; shownAs: 'percent' | 'ratio' }[];
}
