export { acceptPeriod, approvePeriod, commentPeriod, listReviews, reviewOf, type ReviewStatus } from './review-service.ts';
export { exportDrillDown, drillDownTable, EXPORT_HEADER } from './export.ts';
export { periodRange, periodEnded, PERIOD_PATTERN, type PeriodRange } from './period.ts';
export { figuresVisible } from './figures-visible.ts';
