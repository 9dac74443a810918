import { chinaDate, type GuardImplementation } from '../../engine/index.ts';
import { ageOn, hasReachedRetirement, type RetirementCategory } from '../common/index.ts';

const categories: readonly RetirementCategory[] = ['male-60', 'female-55', 'female-50'];

function subjectOf(facts: Readonly<Record<string, unknown>>): { birthDate: string; gender: string } | undefined {
  const subject = facts['subject'];
  if (typeof subject !== 'object' || subject === null) return undefined;
  const { birthDate, gender } = subject as Record<string, unknown>;
  return typeof birthDate === 'string' && typeof gender === 'string' ? { birthDate, gender } : undefined;
}

/**
 * Working age: at least the minimum age (a parameter, 16 by law) and not yet at the
 * statutory retirement month. Men are always in the 60 category; for women the form says
 * whether the original age was 50 (workers) or 55 (cadres).
 */
export const withinWorkingAge: GuardImplementation = ({ facts, data, parameters, now }) => {
  const subject = subjectOf(facts);
  if (!subject) return false;
  const minimumAge = typeof parameters['minimumAge'] === 'number' ? parameters['minimumAge'] : 16;
  const declared = data['retirementCategory'];
  const category = subject.gender === 'male' ? 'male-60' : categories.find((c) => c === declared && c !== 'male-60');
  if (!category) return false;
  const today = chinaDate(now);
  return ageOn(subject.birthDate, today) >= minimumAge && !hasReachedRetirement(subject.birthDate, category, today);
};
