import { chinaDate, type GuardImplementation } from '../../engine/index.ts';
import { addMonths } from './calendar-months.ts';
import { ageOn } from './retirement-age.ts';
import { personSubjectOf } from './subject.ts';

/** The 4050 category: women from 40, men from 50 (人社部 catalogue of difficulty categories). */
const AGE_4050 = { female: 40, male: 50 } as const;

/**
 * The 4050 category holds only for women aged 40 or more and men aged 50 or more on the
 * day of the step; other categories are not concerned.
 */
export const meetsAgeOfCategory: GuardImplementation = ({ facts, data, now }) => {
  if (data['category'] !== 'age-4050') return true;
  const subject = personSubjectOf(facts);
  return subject !== undefined && ageOn(subject.birthDate, chinaDate(now)) >= AGE_4050[subject.gender];
};

/**
 * A recognition is valid until a date after today and at most `validityMonths` (a city
 * parameter) from today.
 */
export const validUntilWithinValidity: GuardImplementation = ({ data, parameters, now }) => {
  const validUntil = data['validUntil'];
  const months = parameters['validityMonths'];
  if (typeof validUntil !== 'string' || typeof months !== 'number') return false;
  const today = chinaDate(now);
  return validUntil > today && validUntil <= addMonths(today, months);
};

/** A follow-up visit is recorded on or after the day it took place (China time), never ahead. */
export const visitNotInFuture: GuardImplementation = ({ form, now }) => {
  const visitDate = form['visitDate'];
  return typeof visitDate === 'string' && visitDate <= chinaDate(now);
};
