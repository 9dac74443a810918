import { useCallback } from 'react';
import type { EffectiveParameter } from '../types.ts';
import { numericBounds } from './bounds.ts';
import { useDraftMessages, type DraftMessage } from './messages.ts';

/** A numeric parameter's ministry bounds in the reader's language, e.g. `1 – 10 次`; empty for a code list. */
export function useBoundsText() {
  const t = useDraftMessages();
  return useCallback(
    (parameter: EffectiveParameter) => {
      const bounds = numericBounds(parameter);
      return bounds ? `${bounds.min} – ${bounds.max} ${t(`unit.${parameter.unit}` as DraftMessage)}` : '';
    },
    [t],
  );
}
