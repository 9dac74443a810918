import type { TablePaginationConfig } from 'antd';
import { useEffect, useState } from 'react';
import type { Page } from '../api.ts';
import { useApiAt } from '../shell/useApi.ts';

/**
 * One page of a list endpoint, with loading and error states, as an antd table wants it.
 * Changing `path` (a filter) goes back to the first page.
 */
export function usePaged<T>(path: string, pageSize = 20) {
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(pageSize);
  useEffect(() => setPage(1), [path]);
  const separator = path.includes('?') ? '&' : '?';
  const loaded = useApiAt<Page<T>>(`${path}${separator}page=${page}&pageSize=${size}`);
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: size,
    total: loaded.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: (next, nextSize) => {
      setPage(nextSize === size ? next : 1);
      setSize(nextSize);
    },
  };
  return { ...loaded, pagination };
}
