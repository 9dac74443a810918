import { createContext, useContext } from 'react';
import type { SessionUser } from './api.ts';

/** The signed-in user, for screens deep in the tree that show or hide what the user may do. */
export const SessionContext = createContext<SessionUser | null>(null);

/** Whether the signed-in user holds a permission of the server's table. */
export function useMayDo(permission: SessionUser['permissions'][number]): boolean {
  return useContext(SessionContext)?.permissions.includes(permission) ?? false;
}
