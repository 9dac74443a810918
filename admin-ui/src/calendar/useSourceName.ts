import { useCallback } from 'react';
import { useCalendarMessages } from './messages.ts';

/** Where a schedule came from, as a reader names it: shipped with the system, entered by form, or imported from a file. */
export function useSourceName() {
  const t = useCalendarMessages();
  return useCallback(
    (source: string) => {
      if (source === 'form') return t('form');
      if (source.startsWith('import:')) return t('imported', { file: source.slice('import:'.length) });
      return t('bundled', { source });
    },
    [t],
  );
}
