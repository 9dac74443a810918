import type { PublicPostingDetail } from '../runtime/postings/types.ts';
import { divisionNames } from './labels.ts';

/** schema.org's employment types for the posting form's forms of employment. */
const employmentTypes: Record<string, string> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  // Agency work: the worker is employed by the dispatching agency, not by the hiring organisation.
  dispatched: 'CONTRACTOR',
  temporary: 'TEMPORARY',
};

/** The unit of the pay figures for each pay basis of the form. */
const salaryUnits: Record<string, string> = { monthly: 'MONTH', hourly: 'HOUR', piece: 'PIECE' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Plain text as the HTML schema.org's description expects: a paragraph each part, line breaks kept. */
function descriptionHtml(parts: (string | null)[]): string {
  return parts
    .filter((part): part is string => !!part && part.trim() !== '')
    .map((part) => `<p>${escapeHtml(part).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * A posting as schema.org `JobPosting`, with what search engines require (title, description,
 * datePosted, validThrough, hiringOrganization, jobLocation) and baseSalary: the employer named with
 * its unified social credit code, the place by its divisions' names, the pay in yuan (CNY) a month or
 * an hour. The last day of validity ends at midnight China time.
 */
export function jobPostingJsonLd(posting: PublicPostingDetail, url: string, labels: { duties: string; requirements: string }): Record<string, unknown> {
  const [province, ...below] = divisionNames(posting.workArea, posting.workAreaName);
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: posting.title,
    description: descriptionHtml([`${labels.duties}\n${posting.duties}`, posting.requirements && `${labels.requirements}\n${posting.requirements}`]),
    identifier: { '@type': 'PropertyValue', name: posting.employerName, value: posting.caseNo },
    url,
    datePosted: posting.publishedAt,
    validThrough: `${posting.validUntil}T23:59:59+08:00`,
    employmentType: employmentTypes[posting.employmentForm] ?? 'OTHER',
    hiringOrganization: {
      '@type': 'Organization',
      name: posting.employerName,
      identifier: { '@type': 'PropertyValue', propertyID: 'CN-USCC', name: '统一社会信用代码', value: posting.employerCreditCode },
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(below.length > 0 ? { addressRegion: province, addressLocality: below.join('') } : { addressLocality: province }),
        addressCountry: 'CN',
      },
    },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'CNY',
      value: { '@type': 'QuantitativeValue', minValue: posting.payMinFen / 100, maxValue: posting.payMaxFen / 100, unitText: salaryUnits[posting.payBasis] ?? 'MONTH' },
    },
    occupationalCategory: posting.occupationName,
    ...(posting.industryName ? { industry: posting.industryName } : {}),
    ...(posting.experienceYears ? { experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: posting.experienceYears * 12 } } : {}),
    totalJobOpenings: posting.headcount,
    directApply: false,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` written as `\u003c`, so no text of a posting can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
