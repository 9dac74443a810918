import { and, asc, desc, eq, gte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { publicPostings as p, publicPostingSearch as s } from '../db/schema/index.ts';
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

/** Postings anyone may see now: the last day they are open (the column given) not before today (China date), whatever their timer has done yet. */
export function openOn(validUntil: AnyColumn, today: string): SQL {
  return gte(validUntil, today);
}

/** The open postings (their search rows) matching a keyword (a tsquery literal), or every open one without. */
export function openMatching(today: string, tsquery: string | undefined): SQL {
  return and(openOn(s.validUntil, today), tsquery === undefined ? undefined : sql`${s.words} @@ ${tsquery}::tsquery`)!;
}

/** A public posting joined to its search row. */
export const withSearchRow = and(eq(s.cityCode, p.cityCode), eq(s.caseId, p.caseId))!;

/** What a sort orders by, as columns of the search rows or of a select from them. */
interface SortKeys {
  rank: SQL | AnyColumn;
  publishedAt: AnyColumn;
  monthlyMaxFen: AnyColumn;
  caseId: AnyColumn;
}

/**
 * How each sort orders: relevance (the keyword in the title or occupation, the more the higher)
 * falls back to newest first, and is newest first without a keyword; ties by id, so pages never
 * overlap.
 */
function ordering(keys: SortKeys, sort: PostingQuery['sort'], tsquery: string | undefined): SQL[] {
  const newest = [desc(keys.publishedAt), asc(keys.caseId)];
  if (sort === 'salary') return [sql`${keys.monthlyMaxFen} DESC NULLS LAST`, ...newest];
  if (sort === 'date' || tsquery === undefined) return newest;
  return [desc(keys.rank), ...newest];
}

/**
 * One page of results: the page's search rows ordered and cut first, then only those joined to
 * their public rows for what a result lists, in the same order (joining first would read the
 * public row of every match).
 */
async function resultPage(db: Executor, where: SQL, sort: PostingQuery['sort'], tsquery: string | undefined, pageSize: number, page: number) {
  const rank = sql<number>`${tsquery === undefined ? sql`0` : sql`ts_rank(${s.rankWords}, ${tsquery}::tsquery)`}`;
  const top = db
    .select({ cityCode: s.cityCode, caseId: s.caseId, publishedAt: s.publishedAt, monthlyMaxFen: s.monthlyMaxFen, rank: rank.as('rank') })
    .from(s)
    .where(where)
    .orderBy(...ordering({ ...s, rank }, sort, tsquery))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as('top');
  return db
    .select(summaryColumns)
    .from(top)
    .innerJoin(p, and(eq(p.cityCode, top.cityCode), eq(p.caseId, top.caseId)))
    .orderBy(...ordering({ rank: sql`${top.rank}`, publishedAt: top.publishedAt, monthlyMaxFen: top.monthlyMaxFen, caseId: top.caseId }, sort, tsquery));
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
  const where = openMatching(chinaDate(now), tsquery);
  const filters = facetFilters(query, now);
  const [items, counts] = await Promise.all([resultPage(db, and(where, ...Object.values(filters))!, query.sort, tsquery, pageSize, page), facetCounts(db, where, filters, now)]);
  return { total: counts.total, page, pageSize, items: items.map(summaryOf), facets: counts.facets };
}
