import type { ReactNode } from 'react';

/** A table's empty text: nothing under the loading spinner, `empty` once an answer has come back with no rows. */
export function tableLocale(loading: boolean, empty: ReactNode): { emptyText: ReactNode } {
  return { emptyText: loading ? '' : empty };
}
