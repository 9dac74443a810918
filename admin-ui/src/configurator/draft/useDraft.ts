import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Overlay, OverlayProblem, Verification } from '../types.ts';

/** How long editing pauses before the draft is checked. */
const CHECK_DELAY_MS = 350;

/**
 * The overlay a level is editing, kept in the browser until saved, and checked by the server as
 * it changes (`POST /overlay/verify` with the unsaved overlay: locks, bounds and the engine's
 * verification, nothing saved), so problems and the draft's effect show while editing. `save`
 * stores it (`PUT /overlay`) and returns the problems the server found.
 */
export function useDraft(processId: string, initial: Overlay) {
  const path = `/processes/${encodeURIComponent(processId)}/overlay`;
  const [overlay, setOverlay] = useState<Overlay>(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [verification, setVerification] = useState<Verification | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(true);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setChecking(true);
    const timer = setTimeout(() => {
      api<Verification>('POST', `${path}/verify`, { overlay }).then(
        (result) => {
          if (!current) return;
          setVerification(result);
          setCheckError(null);
        },
        (error: unknown) => current && setCheckError(error),
      ).finally(() => current && setChecking(false));
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, overlay, round]);

  const save = useCallback(async (): Promise<OverlayProblem[]> => {
    const result = await api<{ problems: OverlayProblem[] }>('PUT', path, overlay);
    setSaved(JSON.stringify(overlay));
    return result.problems;
  }, [path, overlay]);

  const recheck = useCallback(() => setRound((n) => n + 1), []);

  return { overlay, setOverlay, dirty: JSON.stringify(overlay) !== saved, verification, checking, checkError, save, recheck };
}
