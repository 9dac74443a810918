import type { Answer } from '../../../../client/index.ts';

type Unemployment = Answer<'/api/monitoring/unemployment', 'get'>;

/** Unemployment flows over the months of a unit (`GET /api/monitoring/unemployment`). */
export type UnemploymentByMonth = Extract<Unemployment, { months: unknown }>;

/** Unemployment flows over the units below one (`… &by=unit`). */
export type UnemploymentByUnit = Extract<Unemployment, { rows: unknown }>;

/** Unemployment flows over a month or a unit. */
export type Tally = Omit<UnemploymentByMonth['months'][number], 'month'>;

/** The supply and demand table (`GET /api/analysis/supply-demand`). */
export type SupplyDemandTable = Answer<'/api/analysis/supply-demand', 'get'>;

/** One row of the supply and demand table. */
export type SupplyDemandRow = SupplyDemandTable['rows'][number];

/** The breakdowns of the supply and demand table offered on the dashboard. */
export const BREAKDOWNS = ['city', 'region', 'occupation', 'industry', 'education', 'age', 'sex'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** An early-warning alert (`GET /api/monitoring/alerts`), with who acknowledged and resolved it. */
export type MonitoringAlert = Answer<'/api/monitoring/alerts', 'get'>['items'][number];

/** The warning rules in force at a unit, with their titles (`GET /api/monitoring/thresholds`). */
export type Thresholds = Answer<'/api/monitoring/thresholds', 'get'>;

/** A warning rule in force at a unit: the threshold, the level that set it (null: the ministry default), the default and the bounds. */
export type RuleInForce = Thresholds['rules'][number];
