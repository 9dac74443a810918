import type { LocalizedText } from '../../engine/index.ts';

/** What a rule compares: an org unit's figures at the end of (stock) and during (outflow) a quarter. */
export interface QuarterFigures {
  /** Registered unemployed at the quarter's end. */
  stock: number;
  /** Exits from registered unemployment during the quarter. */
  outflow: number;
  /** 求人倍率 of the quarter (demand / supply), when asked for; null without supply. */
  ratio?: number | null;
}

/** The rule ids, for request validation and the documented answers. */
export const warningRuleIds = ['unemployed-growth', 'outflow-drop', 'seeker-ratio-low'] as const;

/** The id of an early-warning rule. */
export type WarningRuleId = (typeof warningRuleIds)[number];

/**
 * An early-warning rule (就业预警规则): a percentage computed from this quarter's and the
 * previous quarter's figures, and an alert when it is more than the threshold. The ministry's
 * default threshold and the bounds an org unit's override must stay within are here, in code;
 * org units override the threshold through `warning_thresholds` (the nearest level wins).
 */
export interface WarningRule {
  id: WarningRuleId;
  title: LocalizedText;
  /** The ministry default threshold, in percent. */
  defaultThreshold: number;
  /** Inclusive bounds of an override, in percent. */
  min: number;
  max: number;
  /** Whether an alert is raised when the value is above the threshold (a rise, a drop) or below it (a low ratio). */
  direction: 'above' | 'below';
  /** How a person reads the value and threshold: as a percentage (10%), or as the ratio it is a percentage of (80 as 0.80 倍). */
  shownAs: 'percent' | 'ratio';
  /** The compared percentage, rounded to 2 decimals; null when the previous quarter gives no base (zero). */
  value(current: QuarterFigures, previous: QuarterFigures): number | null;
}

/** (part / base) in percent, rounded to 2 decimals; null without a base. */
function percentOf(part: number, base: number): number | null {
  return base === 0 ? null : Math.round((part / base) * 10_000) / 100;
}

/**
 * The ministry's rules (部级默认预警规则):
 * - `unemployed-growth` 登记失业人数环比增长: the registered unemployed stock at the end of the
 *   quarter is up more than X% on the end of the previous quarter. Default 10, bounds 1 to 100.
 * - `outflow-drop` 失业人员退出环比下降: exits in the quarter are down more than Y% on the
 *   previous quarter. Default 30, bounds 1 to 100.
 * A zero base (no stock, no exits last quarter) gives no percentage and never alerts. Values are
 * rounded to 2 decimals before they are compared, so an alert shows the figure it was raised on.
 * - `seeker-ratio-low` 求人倍率过低: the quarter's ratio of vacancies to job seekers (from the
 *   supply/demand analysis), in percent, is below Y. Default 80 (a ratio of 0.80), bounds 10 to 500.
 *   No seekers gives no ratio and never alerts.
 */
export const warningRules: readonly WarningRule[] = [
  {
    id: 'unemployed-growth',
    title: { 'zh-CN': '登记失业人数环比增长超过阈值', en: 'Registered unemployed up quarter on quarter by more than the threshold' },
    defaultThreshold: 10,
    min: 1,
    max: 100,
    direction: 'above',
    shownAs: 'percent',
    value: (current, previous) => percentOf(current.stock - previous.stock, previous.stock),
  },
  {
    id: 'outflow-drop',
    title: { 'zh-CN': '失业人员退出人数环比下降超过阈值', en: 'Exits from unemployment down quarter on quarter by more than the threshold' },
    defaultThreshold: 30,
    min: 1,
    max: 100,
    direction: 'above',
    shownAs: 'percent',
    value: (current, previous) => percentOf(previous.outflow - current.outflow, previous.outflow),
  },
  {
    id: 'seeker-ratio-low',
    title: { 'zh-CN': '求人倍率低于阈值', en: 'Vacancies per job seeker below the threshold' },
    defaultThreshold: 80,
    min: 10,
    max: 500,
    direction: 'below',
    shownAs: 'ratio',
    value: (current) => (current.ratio === null || current.ratio === undefined ? null : Math.round(current.ratio * 10_000) / 100),
  },
];


/** A rule by id. */
export function warningRule(id: string): WarningRule | undefined {
  return warningRules.find((rule) => rule.id === id);
}
