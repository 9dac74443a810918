/** 公共就业服务信息化考核评估: the ten targets of the guideline's annex measured from live data. */
export { assessInformatisation, REVIEW_DAYS, type AssessmentQuery, type Stage } from './assessment.ts';
export { exportAssessment } from './assessment-export.ts';
export { parsePeriod, type AssessmentPeriod } from './period.ts';
export { regionOf, type Region } from './regions.ts';
export { collectionSources, targets, type CollectionSource, type Target } from './targets/index.ts';
