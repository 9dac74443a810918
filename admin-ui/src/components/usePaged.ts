import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../api.ts';

/** Loads one page of a list endpoint, with loading and error states and a reload. */
export function usePaged<T>(path: string, pageSize = 20) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    const separator = path.includes('?') ? '&' : '?';
    api<Page<T>>('GET', `${path}${separator}page=${page}&pageSize=${pageSize}`)
      .then(setData, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
      .finally(() => setLoading(false));
  }, [path, page, pageSize]);

  useEffect(load, [load]);
  useEffect(() => setPage(1), [path]);

  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  return { data, error, loading, page, pages, setPage, reload: load };
}
