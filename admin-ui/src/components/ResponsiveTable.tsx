import { Pagination, Spin, Table, type PaginationProps, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useNarrowScreen } from '../shell/useNarrowScreen.ts';

/** A column's cell for a row: its `render` given the value at its `dataIndex`, as the table would show it. */
function cell<Row>(column: ColumnType<Row>, row: Row, index: number): ReactNode {
  // antd types a data index as a deep path of the row's type: checking that for any row costs the compiler minutes.
  const dataIndex = column.dataIndex as string | number | readonly (string | number)[] | undefined;
  const path = dataIndex === undefined ? [] : typeof dataIndex === 'object' ? dataIndex : [dataIndex];
  const value = path.reduce<unknown>((at, step) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[step] : undefined), row);
  return (column.render ? column.render(value, row, index) : value) as ReactNode;
}

/** The row's key as the table would take it. */
function keyOf<Row>(rowKey: TableProps<Row>['rowKey'], row: Row, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  if (typeof rowKey === 'string') return (row as Record<string, Key>)[rowKey] ?? index;
  return index;
}

/**
 * A table on a wide screen; below `md` (768 px, a phone) a list of cards, one a row: the first column's
 * cell as the card's title, each other titled column a labelled line, the untitled ones (the row's buttons)
 * at its foot, with the same paging, loading and empty text. A wide table on a phone scrolled the page
 * sideways and wrapped its cells one character a line.
 */
export function ResponsiveTable<Row extends object>(props: TableProps<Row> & { 'aria-label'?: string }) {
  const narrow = useNarrowScreen('md');
  if (!narrow) return <Table<Row> {...props} />;
  // The lists shown as cards have no grouped columns.
  const columns = (props.columns ?? []) as readonly ColumnType<Row>[];
  const [head, ...rest] = columns;
  const titled = rest.filter((column) => column.title);
  const untitled = rest.filter((column) => !column.title);
  const rows = props.dataSource ?? [];
  const paging: PaginationProps | undefined = props.pagination ? { ...(props.pagination as PaginationProps), size: 'small' } : undefined;
  const label = (column: ColumnType<Row>) => (typeof column.title === 'function' ? null : column.title);
  return (
    <Spin spinning={Boolean(props.loading)}>
      <ul className="row-cards" aria-label={props['aria-label']}>
        {rows.map((row, index) => {
          const late = typeof props.rowClassName === 'function' ? props.rowClassName(row, index, 0) : (props.rowClassName ?? '');
          return (
            <li key={keyOf(props.rowKey, row, index)} className={`row-card ${late}`.trim()}>
              {head && <div className="row-card-title">{cell(head, row, index)}</div>}
              <dl className="row-card-fields">
                {titled.map((column, at) => (
                  <div key={String(column.key ?? at)} className="row-card-field">
                    <dt>{label(column)}</dt>
                    <dd className={column.className}>{cell(column, row, index)}</dd>
                  </div>
                ))}
              </dl>
              {untitled.length > 0 && (
                <div className="row-card-actions">
                  {untitled.map((column, at) => <span key={String(column.key ?? at)}>{cell(column, row, index)}</span>)}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length === 0 && !props.loading && <div className="row-cards-empty">{props.locale?.emptyText as ReactNode}</div>}
      {paging && <Pagination className="row-cards-pagination" {...paging} />}
    </Spin>
  );
}
