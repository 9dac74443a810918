import { chinaDate, isMonth, monthIndex, retirementCategoryOf, statutoryRetirement, type GuardImplementation } from '../../engine/index.ts';
import { personSubjectOf } from './subject.ts';

/**
 * A claim is for the placement month or a later one.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL
 * (`monthsBetween`); kept for cases running on definitions published before.
 */
export const periodNotBeforePlacement: GuardImplementation = ({ data }) => {
  const { period, placementStart } = data;
  return isMonth(period) && isMonth(placementStart) && monthIndex(period) >= monthIndex(placementStart);
};

/**
 * A claim is for a month that has begun (China time): the subsidy pays for work done.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`monthOf`,
 * `chinaDay`); kept for cases running on definitions published before.
 */
export const periodNotInFuture: GuardImplementation = ({ data, now }) => {
  const { period } = data;
  return isMonth(period) && monthIndex(period) <= monthIndex(chinaDate(now));
};

/**
 * The subsidy term: `maxMonths` months from the placement month (36 by ministry rule),
 * unless at the placement the person had at most `nearRetirementYears` (5) years left to
 * the statutory retirement month; then the term runs up to, not including, that month.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL
 * (`retirementMonth`, `monthsBetween`); kept for cases running on definitions published before.
 */
export const withinSubsidyTerm: GuardImplementation = ({ data, facts, parameters }) => {
  const { period, placementStart, retirementCategory } = data;
  const maxMonths = parameters['maxMonths'];
  const nearRetirementYears = parameters['nearRetirementYears'];
  const subject = personSubjectOf(facts);
  const category = subject && retirementCategoryOf(subject.gender, retirementCategory);
  if (!isMonth(period) || !isMonth(placementStart) || typeof maxMonths !== 'number' || typeof nearRetirementYears !== 'number') return false;
  if (!subject || !category || !isMonth(subject.birthDate)) return false;
  const retirementMonth = monthIndex(statutoryRetirement(subject.birthDate, category).retirementMonth);
  const nearRetirement = retirementMonth - monthIndex(placementStart) <= nearRetirementYears * 12;
  const termEnd = nearRetirement ? retirementMonth : monthIndex(placementStart) + maxMonths;
  return monthIndex(period) < termEnd;
};
