import { postingFacets, salaryBands, type PostingFacet, type PostingQuery, type PostingSort } from '../runtime/postings/types.ts';

/** Results on one page of the search. */
export const PAGE_SIZE = 20;

/** The furthest page a link may ask for: deeper than this nobody reads, and it only costs the database. */
const MAX_PAGE = 500;

/** The longest keyword text kept. */
const MAX_KEYWORDS = 50;

const sorts: readonly PostingSort[] = ['relevance', 'date', 'salary'];
const postedWithinDays = [1, 3, 7, 30];

/** What a well-formed value of each facet looks like; anything else is dropped, never sent on. */
const facetShape: Record<Exclude<PostingFacet, 'postedWithin' | 'salary'>, RegExp> = {
  district: /^\d{6}$/,
  occupation: /^\d(-\d{2}){0,3}$/,
  industry: /^[A-T]$/,
  education: /^[0-9a-z]{1,8}$/,
  employmentForm: /^[a-z][a-z-]{0,23}$/,
};

/** Keywords as searched: no control characters (a NUL would fail the database), spaces folded, bounded. */
function keywords(raw: string | null): string | undefined {
  const text = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_KEYWORDS);
  return text === '' ? undefined : text;
}

/** The search a query string asks for; a malformed value is left out rather than refused. */
export function parseQuery(params: URLSearchParams): PostingQuery {
  const query: PostingQuery = {};
  const q = keywords(params.get('q'));
  if (q) query.q = q;
  for (const facet of ['district', 'occupation', 'industry', 'education', 'employmentForm'] as const) {
    const value = params.get(facet);
    if (value && facetShape[facet].test(value)) query[facet] = value;
  }
  const salary = params.get('salary');
  if (salary && salaryBands.some((band) => band.id === salary)) query.salary = salary;
  const within = Number(params.get('postedWithin'));
  if (postedWithinDays.includes(within)) query.postedWithin = within;
  const sort = params.get('sort');
  if (sort && (sorts as readonly string[]).includes(sort)) query.sort = sort as PostingSort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) query.page = Math.min(page, MAX_PAGE);
  return query;
}

/** The value a query holds for a facet, as a string (the facet counts' form), or undefined. */
export function facetValue(query: PostingQuery, facet: PostingFacet): string | undefined {
  const value = query[facet];
  return value === undefined ? undefined : String(value);
}

/** The facets a query narrows by, with their values, in the facets' order. */
export function activeFilters(query: PostingQuery): { facet: PostingFacet; value: string }[] {
  return postingFacets.flatMap((facet) => {
    const value = facetValue(query, facet);
    return value === undefined ? [] : [{ facet, value }];
  });
}

/** The query string of a search, in a fixed order so that one search has one address; page 1 and the page size are left out. */
export function queryParams(query: PostingQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const { facet, value } of activeFilters(query)) params.set(facet, value);
  if (query.sort) params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params;
}

/** The same search with a facet set to a value, or taken off (`undefined`); back to page 1. */
export function withFacet(query: PostingQuery, facet: PostingFacet, value: string | undefined): PostingQuery {
  const next: PostingQuery = { ...query, page: undefined };
  if (facet === 'postedWithin') next.postedWithin = value === undefined ? undefined : Number(value);
  else next[facet] = value;
  return next;
}
