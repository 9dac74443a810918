import { chinaDate, type GuardImplementation } from '../../engine/index.ts';
import { ageOn, hasReachedRetirement, type RetirementCategory } from '../common/index.ts';

/** Youngest age at which a person counts as of working age (Labour Law art. 15). */
const MINIMUM_WORKING_AGE = 16;

/** The 4050 category: women from 40, men from 50 (人社部 catalogue of difficulty categories). */
const AGE_4050 = { female: 40, male: 50 } as const;

const womenCategories: readonly RetirementCategory[] = ['female-55', 'female-50'];

interface Subject {
  birthDate: string;
  gender: 'male' | 'female';
}

function subjectOf(facts: Readonly<Record<string, unknown>>): Subject | undefined {
  const subject = facts['subject'];
  if (typeof subject !== 'object' || subject === null) return undefined;
  const { birthDate, gender } = subject as Record<string, unknown>;
  if (typeof birthDate !== 'string' || (gender !== 'male' && gender !== 'female')) return undefined;
  return { birthDate, gender };
}

/** Men always retire in the 60 category; for women the form says whether the original age was 50 or 55. */
function retirementCategoryOf(subject: Subject, declared: unknown): RetirementCategory | undefined {
  if (subject.gender === 'male') return 'male-60';
  return womenCategories.find((category) => category === declared);
}

/** `date` (`YYYY-MM-DD`) plus whole months, the day kept or clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The 4050 category holds only for women aged 40 or more and men aged 50 or more on the
 * day of the step; other categories are not concerned.
 */
export const meetsAgeOfCategory: GuardImplementation = ({ facts, data, now }) => {
  if (data['category'] !== 'age-4050') return true;
  const subject = subjectOf(facts);
  return subject !== undefined && ageOn(subject.birthDate, chinaDate(now)) >= AGE_4050[subject.gender];
};

/** Working age: at least 16 and not yet at the statutory retirement month. */
export const withinWorkingAge: GuardImplementation = ({ facts, data, now }) => {
  const subject = subjectOf(facts);
  const category = subject && retirementCategoryOf(subject, data['retirementCategory']);
  if (!subject || !category) return false;
  const today = chinaDate(now);
  return ageOn(subject.birthDate, today) >= MINIMUM_WORKING_AGE && !hasReachedRetirement(subject.birthDate, category, today);
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
