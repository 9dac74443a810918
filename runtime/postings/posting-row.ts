import { codeEntry, codeName } from '../code-tables/index.ts';
import { divisionStreets, divisionTree } from '../divisions/index.ts';
import type { publicPostings, publicPostingSearch } from '../db/schema/index.ts';
import type { CaseRow } from '../runtime-context.ts';
import { tsvectorLiteral, wordsLiteral } from './search-words.ts';

/** A public posting's row as written. */
export type PublicPostingRow = typeof publicPostings.$inferInsert;

const OCCUPATIONS = 'occupation-2022';
const INDUSTRIES = 'industry-gb4754-2017';

/** Hours a month that turn an hourly wage into a monthly one: the posting rules' own figure (《最低工资规定》, 174 hours). */
export const HOURS_A_MONTH = 174;

/** The employer of a posting as its public page names it. */
export interface PostingEmployer {
  id: string;
  name: string;
  creditCode: string;
}

let counties: Map<string, string> | undefined;

/** The name of a work area: its county (`思明区`), and its street or township when the code names one (`思明区鹭江街道`). */
export function workAreaName(code: string): string {
  counties ??= new Map(divisionTree().map((division) => [division.code, division.name]));
  const county = counties.get(code.slice(0, 6)) ?? '';
  if (code.length < 9) return county;
  const street = divisionStreets(code.slice(0, 6)).find((entry) => entry.code === code.slice(0, 9));
  return `${county}${street?.name ?? ''}`;
}

/** The title of an occupation code, or of the nearest group above it the table has (a 工种 code extends its occupation's). */
export function occupationName(code: string): string {
  for (let at = code; at !== ''; at = at.includes('-') ? at.slice(0, at.lastIndexOf('-')) : '') {
    const name = codeName(OCCUPATIONS, at);
    if (name) return name;
  }
  return '';
}

/** The section letter (A..T) of a GB/T 4754-2017 class, from its division's parent in the table; null when unknown. */
export function industrySection(code: string): string | null {
  return codeEntry(INDUSTRIES, code.slice(0, 2))?.parent ?? null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const whole = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0);

/** A pay figure as monthly pay: monthly as it is, hourly at {@link HOURS_A_MONTH} hours; a piece rate has none. */
export function monthlyPay(fen: number, basis: string): number | null {
  if (basis === 'piece') return null;
  return basis === 'hourly' ? fen * HOURS_A_MONTH : fen;
}

/**
 * The public row of a published posting, from its case's data (the posting form's fields) and its
 * employer: only the fields a public page may show (the contact person and phone are left behind),
 * the names of its codes and its pay as monthly pay.
 */
export function postingRow(row: CaseRow, employer: PostingEmployer, now: Date): PublicPostingRow {
  const data = row.data;
  const occupation = text(data['occupation']);
  const industry = optionalText(data['industry']);
  const workArea = text(data['workArea']);
  const payBasis = text(data['payBasis']) || 'monthly';
  const payMinFen = whole(data['payMinFen']);
  const payMaxFen = whole(data['payMaxFen']);
  const title = text(data['title']);
  const duties = text(data['duties']);
  const requirements = optionalText(data['requirements']);
  const occupationTitle = occupationName(occupation);
  return {
    cityCode: row.cityCode,
    caseId: row.id,
    caseNo: row.caseNo,
    title,
    employerId: employer.id,
    employerName: employer.name,
    employerCreditCode: employer.creditCode,
    workArea,
    district: workArea.slice(0, 6),
    workAreaName: workAreaName(workArea),
    occupation,
    occupationName: occupationTitle,
    industry,
    industrySection: industry ? industrySection(industry) : null,
    industryName: industry ? (codeName(INDUSTRIES, industry) ?? codeName(INDUSTRIES, industry.slice(0, 3)) ?? null) : null,
    payMinFen,
    payMaxFen,
    payBasis,
    monthlyMinFen: monthlyPay(payMinFen, payBasis),
    monthlyMaxFen: monthlyPay(payMaxFen, payBasis),
    education: text(data['education']),
    employmentForm: text(data['employmentForm']),
    headcount: whole(data['headcount']),
    skillLevel: optionalText(data['skillLevel']),
    experienceYears: typeof data['experienceYears'] === 'number' ? whole(data['experienceYears']) : null,
    duties,
    requirements,
    validFrom: text(data['validFrom']) || text(data['validUntil']),
    validUntil: text(data['validUntil']),
    publishedAt: new Date(row.snapshot.context.enteredAt),
    updatedAt: now,
  };
}

/**
 * The search row of a public posting: the values search filters and counts by, every word of its
 * title, occupation, employer, duties and requirements (jieba, search mode) once, and the words
 * of its title and occupation, with their positions, that relevance ranks by.
 */
export function postingSearchRow(posting: PublicPostingRow): typeof publicPostingSearch.$inferInsert {
  const { cityCode, caseId, district, occupation, industrySection, education, employmentForm, monthlyMinFen, monthlyMaxFen, publishedAt, validUntil } = posting;
  return {
    cityCode,
    caseId,
    district,
    occupation,
    industrySection,
    education,
    employmentForm,
    monthlyMinFen,
    monthlyMaxFen,
    publishedAt,
    validUntil,
    words: wordsLiteral([posting.title, posting.occupationName, posting.employerName, posting.duties, posting.requirements ?? '']),
    rankWords: tsvectorLiteral([
      { text: posting.title, weight: 'A' },
      { text: posting.occupationName, weight: 'A' },
    ]),
  };
}
