import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Loaded } from '../shell/useApi.ts';
import { scopeQuery } from './figures.ts';
import type { IndicatorValue, Scope } from './types.ts';

/**
 * Every listed indicator computed for the scope (one request each), by id; a refusal of any one
 * is the error, and drops the previous scope's values as `useApi` does.
 */
export function useIndicatorValues(ids: readonly string[], scope: Scope): Loaded<Map<string, IndicatorValue>> {
  const [data, setData] = useState<Map<string, IndicatorValue> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const query = scopeQuery(scope);
  const key = ids.join(',');

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    Promise.all(key.split(',').filter(Boolean).map((id) => api<IndicatorValue>('GET', `/indicators/${encodeURIComponent(id)}?${query}`)))
      .then(
        (values) => current && setData(new Map(values.map((value) => [value.indicator, value]))),
        (caught: unknown) => {
          if (!current) return;
          setData(null);
          setError(caught);
        },
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, query, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
