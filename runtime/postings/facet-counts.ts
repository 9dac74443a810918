import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/index.ts';
import { publicPostingSearch as s } from '../db/schema/index.ts';
import { postingFacets, salaryBands, type FacetCount, type PostingFacet } from './types.ts';

/** The windows of the "posted within" facet, in days. */
export const POSTED_WITHIN_DAYS = [1, 3, 7, 30] as const;

/** The facets counted by grouping on a value of the posting, and the expression of that value. */
const grouped = {
  district: sql`district`,
  occupation: sql`occupation_major`,
  occupationMinor: sql`occupation_minor`,
  industry: sql`industry_section`,
  education: sql`education`,
  employmentForm: sql`employment_form`,
} as const;

type Row = Record<string, unknown>;

const flag = (facet: PostingFacet) => sql.raw(`"f_${facet}"`);

/** Every filter but the facet's own (null: every filter), as SQL over the flags of the inner select. */
function others(facet: PostingFacet | null): SQL {
  return sql.join(postingFacets.flatMap((name) => (name === facet ? [] : [flag(name)])), sql` AND `);
}

/**
 * Each facet's counts under every filter but its own, and the total under all, in one pass over
 * the open postings that match the keyword: one grouping set per grouped facet (district, major and
 * minor occupation group, industry section, education, employment form) and, in the grand total's
 * set, a filtered count per pay band and per "posted within" window. A pay range counts in every
 * band it meets; a piece rate (no monthly figure) in none.
 */
export async function facetCounts(db: Executor, where: SQL, filters: Record<PostingFacet, SQL | undefined>, now: Date): Promise<{ total: number; facets: Record<PostingFacet, FacetCount[]> }> {
  const flags = sql.join(postingFacets.map((facet) => sql`(${filters[facet] ?? sql`true`}) AS ${flag(facet)}`), sql`, `);
  const bands = salaryBands.map(
    (band, i) =>
      sql`count(*) FILTER (WHERE ${others('salary')} AND monthly_min_fen IS NOT NULL${band.minFen === null ? sql`` : sql` AND monthly_max_fen >= ${band.minFen}::bigint`}${band.maxFen === null ? sql`` : sql` AND monthly_min_fen < ${band.maxFen}::bigint`}) AS ${sql.raw(`band_${i}`)}`,
  );
  const windows = POSTED_WITHIN_DAYS.map(
    (days, i) => sql`count(*) FILTER (WHERE ${others('postedWithin')} AND published_at >= ${new Date(now.getTime() - days * 86_400_000).toISOString()}::timestamptz) AS ${sql.raw(`window_${i}`)}`,
  );
  const sets = Object.entries(grouped);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT ${sql.join(
      sets.map(([name, value]) => sql`GROUPING(${value}) AS ${sql.raw(`"g_${name}"`)}, ${value} AS ${sql.raw(`"v_${name}"`)}`),
      sql`, `,
    )},
        count(*) FILTER (WHERE ${others(null)}) AS total,
        ${sql.join(
          sets.map(([name]) => sql`count(*) FILTER (WHERE ${others(name === 'occupationMinor' ? 'occupation' : (name as PostingFacet))}) AS ${sql.raw(`"n_${name}"`)}`),
          sql`, `,
        )},
        ${sql.join([...bands, ...windows], sql`, `)}
      FROM (
        SELECT ${s.district} AS district, left(${s.occupation}, 1) AS occupation_major, left(${s.occupation}, 4) AS occupation_minor,
               ${s.industrySection} AS industry_section, ${s.education} AS education, ${s.employmentForm} AS employment_form,
               ${s.monthlyMinFen} AS monthly_min_fen, ${s.monthlyMaxFen} AS monthly_max_fen, ${s.publishedAt} AS published_at, ${flags}
        FROM ${s} WHERE ${where}
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
