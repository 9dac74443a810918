import { and, asc, gt, lte } from 'drizzle-orm';
import { chinaDate } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { publicPostings as p, publicPostingSearch as s } from '../db/schema/index.ts';
import { facetFilters } from './posting-filters.ts';
import { openMatching, summaryColumns, summaryOf, withSearchRow } from './posting-search.ts';
import { tsqueryLiteral } from './search-words.ts';
import type { PostingQuery, PublicPostingSummary } from './types.ts';

/**
 * The open postings matching a search that went live in a window (`after` < published ≤ `until`),
 * oldest first, at most `limit`: what a saved search's alert tells of. The search's own filters and
 * keyword, no facet counts, no order by relevance.
 */
export async function postingsPublishedBetween(db: Executor, now: Date, query: PostingQuery, after: Date, until: Date, limit: number): Promise<PublicPostingSummary[]> {
  const tsquery = query.q === undefined || query.q === '' ? undefined : tsqueryLiteral(query.q);
  const filters = Object.values(facetFilters(query, now));
  const rows = await db
    .select(summaryColumns)
    .from(s)
    .innerJoin(p, withSearchRow)
    .where(and(openMatching(chinaDate(now), tsquery), gt(s.publishedAt, after), lte(s.publishedAt, until), ...filters))
    .orderBy(asc(s.publishedAt), asc(s.caseId))
    .limit(limit);
  return rows.map(summaryOf);
}
