export { supplyDemand, quarterMarket, quarterRatio, type SupplyDemandQuery } from './supply-demand.ts';
export { breakdowns, type Breakdown } from './breakdowns.ts';
export { compactAnalyticsRollups } from './rollups.ts';
