import { useState } from 'react';
import { api } from '../../api.ts';

/**
 * Sends `{changes, reason}` to a record's PATCH: only the fields that differ from what is shown are
 * sent (an empty text clears a field), so the history names what was meant to change. `sent` is
 * false when nothing differed and nothing was asked of the server.
 */
export function useRecordEdit<T>(path: string, onSaved: (saved: T) => void) {
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<boolean | null>(null);
  const save = async (shown: Record<string, unknown>, values: Record<string, unknown>, reason: string) => {
    setError(null);
    const normal = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));
    const changes = Object.fromEntries(Object.entries(values).filter(([field, value]) => JSON.stringify(normal(value)) !== JSON.stringify(normal(shown[field]))).map(([field, value]) => [field, normal(value)]));
    if (Object.keys(changes).length === 0) {
      setSent(false);
      return;
    }
    try {
      onSaved(await api<T>('PATCH', path, { changes, reason }));
      setSent(true);
    } catch (caught) {
      setError(caught);
      setSent(null);
    }
  };
  return { save, error, sent };
}
