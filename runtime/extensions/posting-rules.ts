import { chinaDate, daysBetween, isDay, type CaseData, type GuardImplementation } from '../../engine/index.ts';
import { restrictivePhrases, type ProtectedGround } from './posting-screening.ts';

/** The ministry's longest validity of a vacancy posting, in days, when no local value is set. */
export const DEFAULT_MAX_VALIDITY_DAYS = 90;

function dateField(data: CaseData, field: string): string | undefined {
  const value = data[field];
  return isDay(value) ? value : undefined;
}

/**
 * Validity period of a posting: `validUntil` is after `validFrom`, and the period, counting both
 * days, lasts at most `maxValidityDays` (a parameter; 90 by ministry default). The period
 * decides in which quarters a posting counts in the supply and demand figures, so it is bounded.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL
 * (`daysBetween`); kept for cases running on definitions published before.
 */
export const validityWithinLimit: GuardImplementation = ({ data, parameters }) => {
  const from = dateField(data, 'validFrom');
  const until = dateField(data, 'validUntil');
  if (!from || !until || until <= from) return false;
  const limit = parameters['maxValidityDays'];
  const maxDays = typeof limit === 'number' && Number.isInteger(limit) ? limit : DEFAULT_MAX_VALIDITY_DAYS;
  // Counting both days: the same day is 1.
  return daysBetween(from, until) + 1 <= maxDays;
};

/**
 * `validUntil` is today or later (China time): an already lapsed registration is refused.
 *
 * @deprecated Since extension catalogue 2 the standard packages say this in CEL (`chinaDay`);
 * kept for cases running on definitions published before.
 */
export const validUntilNotPast: GuardImplementation = ({ data, now }) => {
  const until = dateField(data, 'validUntil');
  return until !== undefined && until >= chinaDate(now);
};

/** The posting text that is screened: title, duties and requirements. */
function postingText(data: CaseData): string {
  return ['title', 'duties', 'requirements'].map((field) => (typeof data[field] === 'string' ? data[field] : '')).join('\n');
}

function noRestrictionOn(ground: ProtectedGround): GuardImplementation {
  return ({ data }) => restrictivePhrases(ground, postingText(data)).length === 0;
}

/** No restriction by sex, marriage or childbearing (Employment Promotion Law art. 27). */
export const noSexRequirement = noRestrictionOn('sex');
/** No restriction by ethnicity (art. 28). */
export const noEthnicityRequirement = noRestrictionOn('ethnicity');
/** No exclusion of persons with disabilities (art. 29). */
export const noDisabilityRequirement = noRestrictionOn('disability');
/** No hepatitis B test or carrier exclusion (art. 30). */
export const noHepatitisBRequirement = noRestrictionOn('hepatitis-b');
/** No restriction against rural hukou holders (art. 31). */
export const noRuralHukouRequirement = noRestrictionOn('rural-hukou');
/** No restriction by religious belief (art. 3; 人力资源市场暂行条例 art. 24). */
export const noReligionRequirement = noRestrictionOn('religion');
