import { addMonths, ageOn, chinaDate, isDay, type GuardImplementation } from '../../engine/index.ts';
import { personSubjectOf } from './subject.ts';

/** The 4050 category: women from 40, men from 50 (人社部 catalogue of difficulty categories). */
const AGE_4050 = { female: 40, male: 50 } as const;

/**
 * The 4050 category holds only for women aged 40 or more and men aged 50 or more on the
 * day of the step; other categories are not concerned.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`ageOn`);
 * kept for cases running on definitions published before.
 */
export const meetsAgeOfCategory: GuardImplementation = ({ facts, data, now }) => {
  if (data['category'] !== 'age-4050') return true;
  const subject = personSubjectOf(facts);
  return subject !== undefined && isDay(subject.birthDate) && ageOn(subject.birthDate, chinaDate(now)) >= AGE_4050[subject.gender];
};

/**
 * A recognition is valid until a date after today and at most `validityMonths` (a city
 * parameter) from today.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`chinaDay`,
 * `addMonths`); kept for cases running on definitions published before.
 */
export const validUntilWithinValidity: GuardImplementation = ({ data, parameters, now }) => {
  const validUntil = data['validUntil'];
  const months = parameters['validityMonths'];
  if (typeof validUntil !== 'string' || typeof months !== 'number') return false;
  const today = chinaDate(now);
  return validUntil > today && validUntil <= addMonths(today, months);
};

/**
 * A follow-up visit is recorded on or after the day it took place (China time), never ahead.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`chinaDay`);
 * kept for cases running on definitions published before.
 */
export const visitNotInFuture: GuardImplementation = ({ form, now }) => {
  const visitDate = form['visitDate'];
  return typeof visitDate === 'string' && visitDate <= chinaDate(now);
};
