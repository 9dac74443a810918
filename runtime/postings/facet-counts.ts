import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/index.ts';
import { publicPostingSearch as s } from '../db/schema/index.ts';
import { postedWithinFilter, salaryFilter } from './posting-filters.ts';
import { postingFacets, salaryBands, type FacetCount, type PostingFacet } from './types.ts';

/** The windows of the "posted within" facet, in days. */
export const POSTED_WITHIN_DAYS = [1, 3, 7, 30] as const;

/** The facets counted by grouping on a value of the posting, and the expression of that value over the groups of {@link facetCounts}. */
const grouped = {
  district: sql`district`,
  occupation: sql`left(occupation, 1)`,
  occupationMinor: sql`left(occupation, 4)`,
  industry: sql`industry_section`,
  education: sql`education`,
  employmentForm: sql`employment_form`,
} as const;

type Row = Record<string, unknown>;

const flag = (facet: PostingFacet) => sql.raw(`"f_${facet}"`);

/** Every filter but the facet's own (null: every filter), as SQL over the flags of the groups. */
function others(facet: PostingFacet | null): SQL {
  return sql.join(postingFacets.flatMap((name) => (name === facet ? [] : [flag(name)])), sql` AND `);
}

/** The pay bands a posting's monthly range meets, one bit a band (bit i: `salaryBands[i]`), by the bands' own filter; 0 for a piece rate. */
function bandBits(): SQL {
  return sql.join(
    salaryBands.map((band, i) => sql`(CASE WHEN ${salaryFilter(band.id)} THEN ${sql.raw(String(1 << i))} ELSE 0 END)`),
    sql` | `,
  );
}

/** The narrowest "posted within" window a posting falls in (its index in {@link POSTED_WITHIN_DAYS}; their number when in none), by the windows' own filter: window i holds the ages up to i. */
function ageWindow(now: Date): SQL {
  const cases = POSTED_WITHIN_DAYS.map((days, i) => sql`WHEN ${postedWithinFilter(days, now)} THEN ${sql.raw(String(i))}`);
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE ${sql.raw(String(POSTED_WITHIN_DAYS.length))} END)`;
}

/**
 * Each facet's counts under every filter but its own, and the total under all, exact, over the
 * open postings that match the keyword. Two steps in one statement: the matching search rows are
 * first grouped by everything a count tells apart (the grouped facets' values, the pay bands a row
 * meets, its "posted within" window and whether it passes each filter), a single hash with one
 * count, leaving rows that fail two filters or more out (they count nowhere); then the groups (a
 * few hundred for 32,000 matches) are summed into one grouping set per grouped facet (district,
 * major and minor occupation group, industry section, education, employment form) and, in the
 * grand total's set, a sum per pay band and per window. Counting the rows under every grouping set
 * and every filtered count at once cost three times as much. A pay range counts in every band it
 * meets; a piece rate (no monthly figure) in none.
 */
export async function facetCounts(db: Executor, where: SQL, filters: Record<PostingFacet, SQL | undefined>, now: Date): Promise<{ total: number; facets: Record<PostingFacet, FacetCount[]> }> {
  const flags = sql.join(postingFacets.map((facet) => sql`(${filters[facet] ?? sql`true`}) AS ${flag(facet)}`), sql`, `);
  const active = postingFacets.filter((facet) => filters[facet] !== undefined);
  // A row failing two filters is in no count: each count lifts one filter at most.
  const pruned = active.length < 2 ? sql`true` : sql`${sql.join(active.map((facet) => sql`(NOT ${flag(facet)})::int`), sql` + `)} <= 1`;
  const bands = salaryBands.map((_, i) => sql`sum(n) FILTER (WHERE ${others('salary')} AND bands & ${sql.raw(String(1 << i))} <> 0) AS ${sql.raw(`band_${i}`)}`);
  const windows = POSTED_WITHIN_DAYS.map((_, i) => sql`sum(n) FILTER (WHERE ${others('postedWithin')} AND age <= ${sql.raw(String(i))}) AS ${sql.raw(`window_${i}`)}`);
  const sets = Object.entries(grouped);
  const flagNames = sql.join(postingFacets.map(flag), sql`, `);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT ${sql.join(
      sets.map(([name, value]) => sql`GROUPING(${value}) AS ${sql.raw(`"g_${name}"`)}, ${value} AS ${sql.raw(`"v_${name}"`)}`),
      sql`, `,
    )},
        sum(n) FILTER (WHERE ${others(null)}) AS total,
        ${sql.join(
          sets.map(([name]) => sql`sum(n) FILTER (WHERE ${others(name === 'occupationMinor' ? 'occupation' : (name as PostingFacet))}) AS ${sql.raw(`"n_${name}"`)}`),
          sql`, `,
        )},
        ${sql.join([...bands, ...windows], sql`, `)}
      FROM (
        SELECT district, occupation, industry_section, education, employment_form, bands, age, ${flagNames}, count(*) AS n
        FROM (
          SELECT ${s.district} AS district, ${s.occupation} AS occupation, ${s.industrySection} AS industry_section, ${s.education} AS education,
                 ${s.employmentForm} AS employment_form, ${bandBits()} AS bands, ${ageWindow(now)} AS age, ${flags}
          FROM ${s} WHERE ${where}
        ) AS matched
        WHERE ${pruned}
        GROUP BY district, occupation, industry_section, education, employment_form, bands, age, ${flagNames}
      ) AS base
      GROUP BY GROUPING SETS (${sql.join(
        sets.map(([, value]) => sql`(${value})`),
        sql`, `,
      )}, ())`,
  );
  const facets = Object.fromEntries(postingFacets.map((facet) => [facet, [] as FacetCount[]])) as Record<PostingFacet, FacetCount[]>;
  let total = 0;
  for (const row of rows) {
    const set = sets.find(([name]) => Number(row[`g_${name}`]) === 0);
    if (!set) {
      total = Number(row['total']);
      facets.salary = salaryBands.map((band, i) => ({ value: band.id, count: Number(row[`band_${i}`]) }));
      facets.postedWithin = POSTED_WITHIN_DAYS.map((days, i) => ({ value: String(days), count: Number(row[`window_${i}`]) }));
      continue;
    }
    const [name] = set;
    const value = row[`v_${name}`];
    const count = Number(row[`n_${name}`]);
    // A value with nothing under the other filters is not offered; an occupation's minor group is `d-dd`.
    if (typeof value !== 'string' || count === 0 || (name === 'occupationMinor' && !/^\d-\d{2}$/.test(value))) continue;
    facets[name === 'occupationMinor' ? 'occupation' : (name as PostingFacet)].push({ value, count });
  }
  for (const facet of ['district', 'occupation', 'industry', 'education', 'employmentForm'] as const) facets[facet].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { total, facets };
}
