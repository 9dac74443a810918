import type { RetirementCategory } from './retirement-age.ts';

/** The case subject as rules need it: a person's birth date and gender from `facts.subject`. */
export interface PersonSubject {
  birthDate: string;
  gender: 'male' | 'female';
}

/** The person in the facts the runtime looked up, or undefined when there is none. */
export function personSubjectOf(facts: Readonly<Record<string, unknown>>): PersonSubject | undefined {
  const subject = facts['subject'];
  if (typeof subject !== 'object' || subject === null) return undefined;
  const { birthDate, gender } = subject as Record<string, unknown>;
  if (typeof birthDate !== 'string' || (gender !== 'male' && gender !== 'female')) return undefined;
  return { birthDate, gender };
}

const womenCategories: readonly RetirementCategory[] = ['female-55', 'female-50'];

/**
 * The person's retirement-age category: men are always in the 60 category; for women the form
 * declares whether the original age was 50 (workers) or 55 (cadres). Undefined when a woman's
 * declaration is missing or not a women's category.
 */
export function retirementCategoryOf(subject: PersonSubject, declared: unknown): RetirementCategory | undefined {
  if (subject.gender === 'male') return 'male-60';
  return womenCategories.find((category) => category === declared);
}
