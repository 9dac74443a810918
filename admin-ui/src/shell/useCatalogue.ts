import { useEffect, useState } from 'react';
import { api } from '../api.ts';

const catalogues = new Map<string, Promise<unknown>>();

/**
 * Reference data that does not change while the page is open (`GET path`), fetched once per page
 * load however many components ask; `empty` until it arrives, and again after a failure (the next
 * component to ask tries again).
 */
export function useCatalogue<T>(path: string, empty: T): T {
  const [value, setValue] = useState<T>(empty);
  useEffect(() => {
    let current = true;
    let pending = catalogues.get(path) as Promise<T> | undefined;
    if (!pending) {
      pending = api<T>('GET', path).catch(() => {
        catalogues.delete(path);
        return empty;
      });
      catalogues.set(path, pending);
    }
    void pending.then((loaded) => current && setValue(loaded));
    return () => {
      current = false;
    };
  }, [path]); // `empty` is a fallback, not an input: callers pass a constant.
  return value;
}
