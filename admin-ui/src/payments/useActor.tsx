import type { ReactNode } from 'react';
import type { SessionUser } from '../api.ts';
import { useMessages } from './messages.ts';

/** Who issued or sent a batch: the signed-in user by name, anyone else by the start of their id (the API gives ids only). */
export function useActor(user: SessionUser): (id: string | null) => ReactNode {
  const t = useMessages();
  return (id) => (id === null ? '—' : id === user.id ? `${t('you')}（${user.displayName}）` : <span title={id}>{id.slice(0, 8)}</span>);
}
