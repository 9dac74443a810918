import type { Actor } from '../../engine/index.ts';
import type { Role } from '../db/schema/index.ts';
import type { Permission } from './permissions.ts';

/** The signed-in user as handlers see it: role, org unit (with its tree path) and post. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: { id: string; name: string; kind: string; path: string; cityCode: string | null };
  post: { id: string; code: string; name: string } | null;
  /** What the user may do, from the permission table by role and level: the UI shows only these. */
  permissions: Permission[];
  /** What the user must do before anything else: change the password, or set up a second factor; null when nothing. */
  restriction: 'password-change' | 'second-factor' | null;
}

/** The engine's view of a user taking a step. */
export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.displayName, role: user.role, post: user.post?.code ?? null, orgUnit: user.orgUnit.id };
}
