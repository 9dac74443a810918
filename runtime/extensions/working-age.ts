import { ageOn, chinaDate, hasReachedRetirement, isDay, retirementCategoryOf, type GuardImplementation } from '../../engine/index.ts';
import { personSubjectOf } from './subject.ts';

/** Youngest age at which a person counts as of working age (Labour Law art. 15). */
const MINIMUM_WORKING_AGE = 16;

/**
 * Working age: at least the minimum age (the `minimumAge` parameter where a process has one,
 * else 16) and not yet at the statutory retirement month. Men are always in the 60 category;
 * for women the form says whether the original age was 50 (workers) or 55 (cadres).
 *
 * @deprecated Since extension catalogue 2 the standard packages say this in CEL with the engine's
 * library (`ageOn`, `retirementCategory`, `retirementMonth`); kept for cases running on
 * definitions published before.
 */
export const withinWorkingAge: GuardImplementation = ({ facts, data, parameters, now }) => {
  const subject = personSubjectOf(facts);
  const category = subject && retirementCategoryOf(subject.gender, data['retirementCategory']);
  if (!subject || !category || !isDay(subject.birthDate)) return false;
  const minimumAge = typeof parameters['minimumAge'] === 'number' ? parameters['minimumAge'] : MINIMUM_WORKING_AGE;
  const today = chinaDate(now);
  return ageOn(subject.birthDate, today) >= minimumAge && !hasReachedRetirement(subject.birthDate, category, today);
};
