import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs `path` (nothing while it is null) and keeps loading, error and data apart; `reload` asks
 * again. The previous data stays while the next request loads, and is dropped when it fails.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    api<T>('GET', path).then(
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
  }, [path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
