import { chinaDate, type CaseData, type GuardImplementation } from '../../engine/index.ts';
import { restrictivePhrases, type ProtectedGround } from './posting-screening.ts';

/** The ministry's longest validity of a vacancy posting, in days, when no local value is set. */
export const DEFAULT_MAX_VALIDITY_DAYS = 90;

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateField(data: CaseData, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && DATE.test(value) ? value : undefined;
}

/** Days from one `YYYY-MM-DD` date to another, counting both: the same day is 1. */
function daysInclusive(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Validity period of a posting: `validUntil` is after `validFrom`, and the period, counting both
 * days, lasts at most `maxValidityDays` (a parameter; 90 by ministry default). The period
 * decides in which quarters a posting counts in the supply and demand figures, so it is bounded.
 */
export const validityWithinLimit: GuardImplementation = ({ data, parameters }) => {
  const from = dateField(data, 'validFrom');
  const until = dateField(data, 'validUntil');
  if (!from || !until || until <= from) return false;
  const limit = parameters['maxValidityDays'];
  const maxDays = typeof limit === 'number' && Number.isInteger(limit) ? limit : DEFAULT_MAX_VALIDITY_DAYS;
  return daysInclusive(from, until) <= maxDays;
};

/** `validUntil` is today or later (China time): an already lapsed registration is refused. */
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
/** No hepatitis B test or carrier exclusion (art. 30). */
export const noHepatitisBRequirement = noRestrictionOn('hepatitis-b');
/** No restriction against rural hukou holders (art. 31). */
export const noRuralHukouRequirement = noRestrictionOn('rural-hukou');
