import { useCallback } from 'react';
import { useMarketMessages } from './messages.ts';
import type { RuleInForce } from './types.ts';

/** A rule's value or threshold as a person reads it. */
export type RuleFigure = (rule: Pick<RuleInForce, 'shownAs'> | undefined, n: number) => string;

/**
 * Values and thresholds are percentages: with their unit, and a ratio's as the ratio it is with
 * its percentage (80 beside a 求人倍率 of 2 read as 80 倍).
 */
export function useRuleFigure(): RuleFigure {
  const t = useMarketMessages();
  return useCallback((rule, n) => (rule?.shownAs === 'ratio' ? t('ratioPercent', { ratio: (n / 100).toFixed(2), n }) : t('percent', { n })), [t]);
}
