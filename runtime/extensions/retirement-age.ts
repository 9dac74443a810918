/**
 * Statutory retirement age by the NPC Standing Committee decision of 2024-09-13 (in force
 * 2025-01-01): men 60 -> 63 and women of original age 55 -> 58 by one month every four
 * months, women of original age 50 -> 55 by one month every two months. People whose
 * original retirement month is before 2025-01 keep the old age (60 / 55 / 50), so one rule
 * covers cases in flight from before the change.
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

/** Months since year 0 for a `YYYY-MM` or `YYYY-MM-DD` string. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthString(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A person's statutory retirement: the delay in months, the age in months and the month it falls in. */
export interface Retirement {
  delayMonths: number;
  ageMonths: number;
  retirementMonth: string;
}

/** The statutory retirement of someone born in `birth` (`YYYY-MM[-DD]`) in the given category. */
export function statutoryRetirement(birth: string, category: RetirementCategory): Retirement {
  const rule = retirementRule.categories[category];
  const original = monthIndex(birth) + rule.originalAgeYears * 12;
  const monthsAfterChange = original - monthIndex(retirementRule.effectiveMonth);
  const delayMonths = monthsAfterChange < 0 ? 0 : Math.min(rule.capMonths, Math.floor(monthsAfterChange / rule.stepMonths) + 1);
  return { delayMonths, ageMonths: rule.originalAgeYears * 12 + delayMonths, retirementMonth: monthString(original + delayMonths) };
}

/** True when, on `date`, the person has reached the statutory retirement month. */
export function hasReachedRetirement(birth: string, category: RetirementCategory, date: string): boolean {
  return monthIndex(date) >= monthIndex(statutoryRetirement(birth, category).retirementMonth);
}

/** Completed years of age on `date` for someone born on `birthDate` (both ISO dates). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5, 10) >= birthDate.slice(5, 10) ? years : years - 1;
}
