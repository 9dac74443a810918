/** 失业监测与就业预警: unemployment monitoring from the performance records, early-warning rules, thresholds and alerts. */
export { unemploymentByMonth, unemploymentByUnit, type MonitoringQuery } from './unemployment-monitoring.ts';
export { warningRules, warningRuleIds, type WarningRule } from './warning-rules.ts';
export { setThreshold, thresholdsInForce } from './thresholds.ts';
export { evaluateWarnings } from './warning-evaluation.ts';
export { listAlerts, stepAlert } from './alerts.ts';
