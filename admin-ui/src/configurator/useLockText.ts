import { useCallback } from 'react';
import { useLocalized } from '../i18n.ts';
import { useConfigMessages } from './messages.ts';
import type { EffectiveLock } from './types.ts';

/** Locks as one line: each reason and the level that set it (`levelName` names it); null for none. */
export function useLockText(levelName: (level: string) => string) {
  const t = useConfigMessages();
  const l = useLocalized();
  return useCallback(
    (locks: readonly EffectiveLock[]) => (locks.length === 0 ? null : locks.map((lock) => t('lockedReason', { reason: l(lock.reason), by: levelName(lock.lockedBy) })).join('；')),
    [t, l, levelName],
  );
}
