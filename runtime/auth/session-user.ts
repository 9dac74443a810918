import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Actor } from '../../engine/index.ts';
import type { Role } from '../db/schema/index.ts';
import type { Permission } from './permissions.ts';

/** A post a user holds, at the office that has it. */
export interface HeldPost {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  orgUnitId: string;
  /** The tree path of the unit the post's office serves (its parent): where a supervisor's post reaches. */
  servesPath: string;
}

/** The signed-in user as handlers see it: role, org unit (with its tree path) and the posts held. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: { id: string; name: string; kind: string; path: string; cityCode: string | null };
  /**
   * The subtree the user's work reaches: the org unit's own, or for a user placed at an office
   * (a district's employment service centre, a street's service point) the unit the office serves.
   */
  jurisdictionPath: string;
  /** The posts the user holds, by code; a task naming a post is offered to its holders. */
  posts: HeldPost[];
  /** What the user may do, from the permission table by role and level: the UI shows only these. */
  permissions: Permission[];
  /** What the user must do before anything else: change the password, or set up a second factor; null when nothing. */
  restriction: 'password-change' | 'second-factor' | null;
}

/** The engine's view of a user taking a step: at the post named (when held), else the first post held. */
export function actorOf(user: SessionUser, post?: string | null): Actor {
  const at = user.posts.find((held) => held.code === post) ?? user.posts[0];
  return { id: user.id, name: user.displayName, role: user.role, post: at?.code ?? null, orgUnit: user.orgUnit.id };
}

/**
 * The subtree an org unit's staff work in: an office serves the unit it sits under (so a district
 * office's staff reach the district's street service points); any other unit is its own.
 */
export function jurisdictionOf(unit: { id: string; kind: string; path: string }): string {
  return unit.kind === 'office' ? unit.path.slice(0, unit.path.length - unit.id.length - 1) : unit.path;
}

/** The path of the unit an office serves (its parent's), in SQL: {@link jurisdictionOf} of an office, from its path and id columns. */
export function servedPathSql(office: { id: SQLWrapper; path: SQLWrapper }): SQL<string> {
  return sql<string>`left(${office.path}, length(${office.path}) - length(${office.id}) - 1)`;
}

/** {@link jurisdictionOf} in SQL, from an org unit's id, kind and path columns: where its staff's work reaches. */
export function jurisdictionSql(unit: { id: SQLWrapper; kind: SQLWrapper; path: SQLWrapper }): SQL<string> {
  return sql<string>`CASE WHEN ${unit.kind} = 'office' THEN ${servedPathSql(unit)} ELSE ${unit.path} END`;
}
