import { addMonths, monthIndex, monthOfIndex } from '../calendar/index.ts';

/**
 * Statutory retirement age by the NPC Standing Committee decision of 2024-09-13 (in force
 * 2025-01-01) and the State Council's 办法 annexed to it: men 60 -> 63 and women of original
 * age 55 -> 58 by one month every four months, women of original age 50 -> 55 by one month
 * every two months. People whose original retirement month is before 2025-01 keep the old age
 * (60 / 55 / 50), so one rule covers cases in flight from before the change. The category is
 * fixed by the original statutory age, not by a job title.
 */
export type RetirementCategory = 'male-60' | 'female-55' | 'female-50';

interface CategoryRule {
  originalAgeYears: number;
  stepMonths: number;
  capMonths: number;
}

/** The rule table with its effective month, kept as data so a later change is a new entry. */
export const retirementRule = {
  id: 'npcsc-2024-gradual-delay',
  effectiveMonth: '2025-01',
  categories: {
    'male-60': { originalAgeYears: 60, stepMonths: 4, capMonths: 36 },
    'female-55': { originalAgeYears: 55, stepMonths: 4, capMonths: 36 },
    'female-50': { originalAgeYears: 50, stepMonths: 2, capMonths: 60 },
  } satisfies Record<RetirementCategory, CategoryRule>,
} as const;

/** True for one of the three categories of the rule. */
export function isRetirementCategory(value: unknown): value is RetirementCategory {
  return typeof value === 'string' && Object.hasOwn(retirementRule.categories, value);
}

const womenCategories: readonly RetirementCategory[] = ['female-55', 'female-50'];

/**
 * A person's category: men are always in the 60 category; a woman's is the one declared for
 * her (55 for cadres, 50 for workers). Undefined for a woman declared in the men's category or
 * not at all, and for a gender other than `male` or `female`.
 */
export function retirementCategoryOf(gender: unknown, declared: unknown): RetirementCategory | undefined {
  if (gender === 'male') return 'male-60';
  if (gender !== 'female') return undefined;
  return womenCategories.find((category) => category === declared);
}

/** A person's statutory retirement: the delay in months, the age in months and the month it falls in. */
export interface Retirement {
  delayMonths: number;
  ageMonths: number;
  retirementMonth: string;
}

/** The statutory retirement of someone born in `birth` (`YYYY-MM[-DD]`; the day does not count) in the given category. */
export function statutoryRetirement(birth: string, category: RetirementCategory): Retirement {
  const rule = retirementRule.categories[category];
  const original = monthIndex(birth) + rule.originalAgeYears * 12;
  const monthsAfterChange = original - monthIndex(retirementRule.effectiveMonth);
  const delayMonths = monthsAfterChange < 0 ? 0 : Math.min(rule.capMonths, Math.floor(monthsAfterChange / rule.stepMonths) + 1);
  return { delayMonths, ageMonths: rule.originalAgeYears * 12 + delayMonths, retirementMonth: monthOfIndex(original + delayMonths) };
}

/**
 * The day someone born on `birthDate` reaches the statutory retirement age: the birthday
 * `ageMonths` months on, the last day of the month where that month is shorter. It falls in
 * the retirement month.
 */
export function retirementDay(birthDate: string, category: RetirementCategory): string {
  return addMonths(birthDate, statutoryRetirement(birthDate, category).ageMonths);
}

/** True when, on `day`, the person has reached the statutory retirement month. */
export function hasReachedRetirement(birth: string, category: RetirementCategory, day: string): boolean {
  return monthIndex(day) >= monthIndex(statutoryRetirement(birth, category).retirementMonth);
}
