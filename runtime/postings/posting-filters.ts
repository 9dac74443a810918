import { and, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { publicPostingSearch as s } from '../db/schema/index.ts';
import { salaryBands, type PostingFacet, type PostingQuery } from './types.ts';

const DAY_MS = 86_400_000;

/** LIKE wildcards taken literally. */
const literal = (value: string) => value.replace(/[%_\\]/g, '\\$&');

/**
 * A division code as a filter on the county (6 digits) of a posting's work area: a county itself,
 * a city (`350200`: its districts) or a province (`350000`). Anything else matches nothing.
 */
function districtFilter(code: string): SQL {
  if (!/^\d{6}$/.test(code)) return sql`false`;
  if (code.endsWith('0000')) return like(s.district, `${code.slice(0, 2)}%`);
  if (code.endsWith('00')) return like(s.district, `${code.slice(0, 4)}%`);
  return eq(s.district, code);
}

/** An occupation group of the 2022 classification (`2`, `2-01`, `2-01-01`) or an occupation: itself and everything below it. */
function occupationFilter(code: string): SQL {
  return or(eq(s.occupation, code), like(s.occupation, `${literal(code)}-%`))!;
}

/** Postings whose monthly pay range meets the band (an hourly wage at 174 hours a month); a piece rate is in no band. */
export function salaryFilter(id: string): SQL {
  const band = salaryBands.find((b) => b.id === id);
  if (!band) return sql`false`;
  return and(
    sql`${s.monthlyMinFen} IS NOT NULL`,
    band.minFen === null ? undefined : gte(s.monthlyMaxFen, band.minFen),
    band.maxFen === null ? undefined : lt(s.monthlyMinFen, band.maxFen),
  )!;
}

/** Published at most this many days before now. */
export function postedWithinFilter(days: number, now: Date): SQL {
  return gte(s.publishedAt, new Date(now.getTime() - days * DAY_MS));
}

/**
 * The predicate of each facet the query narrows by (undefined where it does not): the results
 * take them all, and each facet's counts every one but its own.
 */
export function facetFilters(query: PostingQuery, now: Date): Record<PostingFacet, SQL | undefined> {
  return {
    district: query.district === undefined ? undefined : districtFilter(query.district),
    occupation: query.occupation === undefined ? undefined : occupationFilter(query.occupation),
    industry: query.industry === undefined ? undefined : eq(s.industrySection, query.industry.toUpperCase()),
    salary: query.salary === undefined ? undefined : salaryFilter(query.salary),
    education: query.education === undefined ? undefined : eq(s.education, query.education),
    employmentForm: query.employmentForm === undefined ? undefined : eq(s.employmentForm, query.employmentForm),
    postedWithin: query.postedWithin === undefined ? undefined : postedWithinFilter(query.postedWithin, now),
  };
}
