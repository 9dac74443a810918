export { indicatorCatalogue, computeIndicator, drillDown, indicatorRecords, type IndicatorQuery } from './indicator-service.ts';
