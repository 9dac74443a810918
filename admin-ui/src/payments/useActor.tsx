import type { ReactNode } from 'react';
import type { SessionUser } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { withDetail } from '../shell/punctuation.ts';
import { useMessages } from './messages.ts';

/** Who issued or sent a batch: the signed-in user by name, anyone else by the start of their id (the API gives ids only). */
export function useActor(user: SessionUser): (id: string | null) => ReactNode {
  const t = useMessages();
  const locale = useLocale();
  return (id) => (id === null ? '—' : id === user.id ? withDetail(t('you'), user.displayName, locale) : <span title={id}>{id.slice(0, 8)}</span>);
}
