import { facetValueLabel } from '../labels.ts';
import type { Lang } from '../locale.ts';
import { activeFilters, parseQuery } from '../search-query.ts';

/** A saved search in words (`会计 · 思明区`), from its query string; all jobs when it narrows by nothing. */
export function savedSearchWords(lang: Lang, queryString: string, allJobs: string): string {
  const query = parseQuery(new URLSearchParams(queryString));
  const words = [query.q, ...activeFilters(query).map(({ facet, value }) => facetValueLabel(lang, facet, value))].filter(Boolean).join(' · ');
  return words || allJobs;
}
