export { indicatorCatalogue, computeIndicator, drillDown, indicatorRecords, type IndicatorQuery } from './indicator-service.ts';
export { workloadByPost } from './workload.ts';
export { outcomeIndicators } from './outcomes.ts';
