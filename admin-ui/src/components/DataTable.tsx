import type { ReactNode } from 'react';
import { useT } from '../i18n.ts';
import type { usePaged } from './usePaged.ts';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** A paged table that shows loading, error and empty states instead of a blank page. */
export function DataTable<T extends { id: string }>({ list, columns, label }: { list: ReturnType<typeof usePaged<T>>; columns: Column<T>[]; label: string }) {
  const t = useT();
  if (list.error) {
    return (
      <p className="error" role="alert">
        {list.error} <button onClick={list.reload}>{t('retry')}</button>
      </p>
    );
  }
  return (
    <section aria-busy={list.loading}>
      <table aria-label={label}>
        <thead>
          <tr>{columns.map((c) => <th key={c.header}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {list.data?.items.map((row) => (
            <tr key={row.id}>{columns.map((c) => <td key={c.header}>{c.cell(row)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {list.loading && !list.data && <p className="muted">{t('loading')}</p>}
      {list.data?.items.length === 0 && <p className="muted">{t('empty')}</p>}
      <nav className="pager">
        <span>{t('total', { n: list.data?.total ?? 0 })}</span>
        <button disabled={list.page <= 1} onClick={() => list.setPage(list.page - 1)}>{t('previous')}</button>
        <span>{list.page} / {list.pages}</span>
        <button disabled={list.page >= list.pages} onClick={() => list.setPage(list.page + 1)}>{t('next')}</button>
      </nav>
    </section>
  );
}
