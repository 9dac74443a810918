import { useCallback, useEffect, useState } from 'react';
import type { Answer, Params, PathWith } from '../../../client/index.ts';
import { api, call, client } from '../api.ts';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Asks `key` (nothing while it is null) by `ask` and keeps loading, error and data apart; `reload`
 * asks again. The previous data stays while the next request loads, and is dropped when it fails.
 */
function useAsked<T>(key: string | null, ask: (key: string) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    ask(key).then(
      (result) => current && setData(result),
      (caught: unknown) => {
        if (!current) return;
        // The previous answer (another period, unit or page) must not pass for the one asked for.
        setData(null);
        setError(caught);
      },
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // `ask` reads nothing but its key: a new closure of the same key asks nothing new.
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

/**
 * GETs an operation of the API with its path and query parameters (nothing while `path` is null),
 * typed by the OpenAPI document: `useApi('/api/cases/{id}', { path: { id } })`.
 */
export function useApi<P extends PathWith<'get'>>(path: P | null, params?: Params<P, 'get'>): Loaded<Answer<P, 'get'>> {
  // What is asked, as a value: a new params object with the same content asks nothing new.
  const key = path === null ? null : JSON.stringify([path, params ?? {}]);
  return useAsked(key, (asked) => {
    const [askedPath, askedParams] = JSON.parse(asked) as [string, unknown];
    // openapi-fetch's overloads cannot follow a generic path: the answer is typed by `P` above.
    const get = client.GET as (path: string, init: { params: unknown }) => Promise<{ data?: Answer<P, 'get'>; error?: unknown; response: Response }>;
    return call(get(askedPath, { params: askedParams }));
  });
}

/** GETs a URL below `/api` whose query the caller builds as text, as {@link useApi} does; `T` is named from the generated types. */
export function useApiAt<T>(url: string | null): Loaded<T> {
  return useAsked(url, (asked) => api<T>('GET', asked));
}
