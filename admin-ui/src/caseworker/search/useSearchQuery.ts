import { useEffect, useState } from 'react';
import { currentQuery, navigate } from '../../router.ts';

/** The filters of the case search, as the URL and the API name them. */
export const SEARCH_KEYS = ['q', 'processId', 'state', 'status', 'orgUnitId', 'channel', 'from', 'to', 'sort'] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];
export type SearchFilters = Partial<Record<SearchKey, string>>;

function read(): SearchFilters {
  const query = currentQuery();
  return Object.fromEntries(SEARCH_KEYS.flatMap((key) => (query.get(key) ? [[key, query.get(key)!]] : [])));
}

/** The search's filters as a query string (sort split into the API's `sort` and `order`). */
export function apiQuery(filters: SearchFilters): string {
  const query = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const value = filters[key];
    if (!value) continue;
    if (key === 'sort') {
      const [sort, order] = value.split('.');
      query.set('sort', sort!);
      query.set('order', order ?? 'desc');
    } else query.set(key, value);
  }
  return query.toString();
}

/**
 * The case search's filters kept in the URL (`#/cases?q=zs&status=active`), so a search can be
 * bookmarked, shared and gone back to; setting one changes the URL, and the URL the filters.
 */
export function useSearchQuery(): [SearchFilters, (changes: SearchFilters | null) => void] {
  const [filters, setFilters] = useState(read);
  useEffect(() => {
    const follow = () => setFilters(read());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const change = (changes: SearchFilters | null) => {
    const next = changes === null ? {} : { ...filters, ...changes };
    const query = new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const text = query.toString();
    navigate(text ? `/cases?${text}` : '/cases');
  };
  return [filters, change];
}
