import { and, asc, desc, gte, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { publicPostings as p } from '../db/schema/index.ts';
import { facetCounts } from './facet-counts.ts';
import { facetFilters } from './posting-filters.ts';
import { tsqueryLiteral } from './search-words.ts';
import type { PostingQuery, PostingSearchResult, PublicPostingSummary } from './types.ts';

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

/**
 * A public search: the open postings (last day not before today, China date) matching the keyword
 * (jieba's words: see `tsqueryLiteral`) and every facet filter, one page in the order asked, with
 * each facet's counts under every other filter.
 */
export async function searchPostings(db: Executor, now: Date, asked: PostingQuery): Promise<PostingSearchResult> {
  // An empty value, as a form's "any" sends it, is no filter.
  const query = Object.fromEntries(Object.entries(asked).filter(([, value]) => value !== '' && value !== undefined)) as PostingQuery;
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
