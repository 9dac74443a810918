import { and, asc, desc, gte, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../engine/index.ts';
import { queryRows, type Executor } from '../db/index.ts';
import { publicPostings as p } from '../db/schema/index.ts';
import { facetFilters } from './posting-filters.ts';
import { tsqueryLiteral } from './search-words.ts';
import { postingFacets, salaryBands, type FacetCount, type PostingFacet, type PostingQuery, type PostingSearchResult, type PublicPostingSummary } from './types.ts';

/** The windows of the "posted within" facet, in days. */
export const POSTED_WITHIN_DAYS = [1, 3, 7, 30] as const;

/** Results a page, by default and at most. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** The columns a result lists. */
export const summaryColumns = {
  id: p.caseId,
  caseNo: p.caseNo,
  title: p.title,
  employerName: p.employerName,
  workArea: p.workArea,
  workAreaName: p.workAreaName,
  occupation: p.occupation,
  occupationName: p.occupationName,
  payMinFen: p.payMinFen,
  payMaxFen: p.payMaxFen,
  payBasis: p.payBasis,
  education: p.education,
  employmentForm: p.employmentForm,
  headcount: p.headcount,
  publishedAt: p.publishedAt,
  validUntil: p.validUntil,
};

/** A row read with {@link summaryColumns} (and more) as the API gives it: the publication instant in ISO form. */
export function summaryOf<R extends Omit<PublicPostingSummary, 'publishedAt'> & { publishedAt: Date }>(row: R): Omit<R, 'publishedAt'> & { publishedAt: string } {
  return { ...row, publishedAt: row.publishedAt.toISOString() };
}

/** Postings anyone may see now: the last day they are open not before today (China date), whatever their timer has done yet. */
export function openOn(today: string): SQL {
  return gte(p.validUntil, today);
}

/** How each sort orders: relevance falls back to newest first without a keyword; ties by id, so pages never overlap. */
function ordering(sort: PostingQuery['sort'], tsquery: string | undefined): SQL[] {
  const newest = [desc(p.publishedAt), asc(p.caseId)];
  if (sort === 'salary') return [sql`${p.monthlyMaxFen} DESC NULLS LAST`, ...newest];
  if (sort === 'date' || tsquery === undefined) return newest;
  return [sql`ts_rank(${p.search}, ${tsquery}::tsquery) DESC`, ...newest];
}

const flag = (index: number) => sql.raw(`f${index}`);

/** Each facet's counts under every filter but its own, and the total under all, in one statement over the open postings that match the keyword. */
async function facetCounts(db: Executor, where: SQL, filters: Record<PostingFacet, SQL | undefined>, now: Date): Promise<{ total: number; facets: Record<PostingFacet, FacetCount[]> }> {
  const others = (facet: PostingFacet | null) => {
    const kept = postingFacets.flatMap((name, i) => (name === facet ? [] : [flag(i)]));
    return sql.join(kept, sql` AND `);
  };
  const flags = sql.join(postingFacets.map((facet, i) => sql`(${filters[facet] ?? sql`true`}) AS ${flag(i)}`), sql`, `);
  const bands = sql.join(salaryBands.map((band, i) => sql`(${band.id}::text, ${band.minFen}::bigint, ${band.maxFen}::bigint, ${i}::int)`), sql`, `);
  const windows = sql.join(POSTED_WITHIN_DAYS.map((days) => sql`(${days}::int)`), sql`, `);
  const grouped = (facet: PostingFacet, value: SQL, extra: SQL = sql`true`) =>
    sql`SELECT ${facet}::text AS facet, ${value} AS value, count(*) AS n, 0 AS ord FROM base WHERE ${others(facet)} AND ${extra} GROUP BY ${value}`;
  const rows = await queryRows<{ facet: string; value: string; n: number | string; ord: number }>(
    db,
    sql`WITH base AS (
          SELECT ${p.district} AS district, ${p.occupation} AS occupation, ${p.industrySection} AS industry_section,
                 ${p.monthlyMinFen} AS monthly_min_fen, ${p.monthlyMaxFen} AS monthly_max_fen, ${p.education} AS education,
                 ${p.employmentForm} AS employment_form, ${p.publishedAt} AS published_at, ${flags}
          FROM ${p} WHERE ${where}
        )
        SELECT 'total' AS facet, '' AS value, count(*) AS n, 0 AS ord FROM base WHERE ${others(null)}
        UNION ALL ${grouped('district', sql`district`)}
        UNION ALL ${grouped('occupation', sql`left(occupation, 1)`)}
        UNION ALL ${grouped('occupation', sql`left(occupation, 4)`, sql`occupation ~ '^[0-9]-[0-9]{2}'`)}
        UNION ALL ${grouped('industry', sql`industry_section`, sql`industry_section IS NOT NULL`)}
        UNION ALL SELECT 'salary', b.id, count(base.district), min(b.ord)
          FROM (VALUES ${bands}) AS b(id, lo, hi, ord)
          LEFT JOIN base ON ${others('salary')} AND base.monthly_min_fen IS NOT NULL
            AND (b.lo IS NULL OR base.monthly_max_fen >= b.lo) AND (b.hi IS NULL OR base.monthly_min_fen < b.hi)
          GROUP BY b.id
        UNION ALL ${grouped('education', sql`education`)}
        UNION ALL ${grouped('employmentForm', sql`employment_form`)}
        UNION ALL SELECT 'postedWithin', w.days::text, count(base.district), min(w.days)
          FROM (VALUES ${windows}) AS w(days)
          LEFT JOIN base ON ${others('postedWithin')} AND base.published_at >= ${now.toISOString()}::timestamptz - w.days * interval '1 day'
          GROUP BY w.days`,
  );
  const facets = Object.fromEntries(postingFacets.map((facet) => [facet, [] as (FacetCount & { ord: number })[]])) as Record<PostingFacet, (FacetCount & { ord: number })[]>;
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else facets[row.facet as PostingFacet].push({ value: row.value, count: Number(row.n), ord: Number(row.ord) });
  }
  // Bands and windows in their own order (every one, even at 0); other values by code.
  for (const facet of postingFacets) facets[facet].sort((a, b) => a.ord - b.ord || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const counts = Object.fromEntries(postingFacets.map((facet) => [facet, facets[facet].map(({ value, count }) => ({ value, count }))])) as Record<PostingFacet, FacetCount[]>;
  return { total, facets: counts };
}

/**
 * A public search: the open postings (last day not before today, China date) matching the keyword
 * (jieba's words: see `tsqueryLiteral`) and every facet filter, one page in the order asked, with
 * each facet's counts under every other filter.
 */
export async function searchPostings(db: Executor, now: Date, query: PostingQuery): Promise<PostingSearchResult> {
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const tsquery = query.q === undefined ? undefined : tsqueryLiteral(query.q);
  const where = and(openOn(chinaDate(now)), tsquery === undefined ? undefined : sql`${p.search} @@ ${tsquery}::tsquery`)!;
  const filters = facetFilters(query, now);
  const [items, counts] = await Promise.all([
    db
      .select(summaryColumns)
      .from(p)
      .where(and(where, ...Object.values(filters)))
      .orderBy(...ordering(query.sort, tsquery))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    facetCounts(db, where, filters, now),
  ]);
  return { total: counts.total, page, pageSize, items: items.map(summaryOf), facets: counts.facets };
}
