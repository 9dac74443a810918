import { useState } from 'react';
import type { ScheduleChangeResult } from './types.ts';

/**
 * Sends a schedule to the server as a dry run ("preview": what would change, kept to show) or
 * for real (handed to `onDone`), with the busy state and the refusal of the last attempt.
 */
export function useScheduleRequest(request: (dryRun: boolean) => Promise<ScheduleChangeResult | undefined>, onDone: (result: ScheduleChangeResult) => void) {
  const [preview, setPreview] = useState<ScheduleChangeResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await request(dryRun);
      if (!result) return;
      if (dryRun) setPreview(result);
      else onDone(result);
    } catch (caught) {
      setPreview(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setPreview(null);
    setError(null);
  };
  return { preview, error, busy, send, reset };
}
