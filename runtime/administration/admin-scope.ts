import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, posts, users } from '../db/schema/index.ts';

/** An org unit as administration reads it. */
export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** Whether a tree path lies in the administrator's subtree (their own unit included). */
export function withinReach(admin: SessionUser, path: string): boolean {
  return path.startsWith(admin.orgUnit.path);
}

/**
 * The org unit an administrator places someone or something at: it must exist and lie in their
 * subtree (`ORG_UNIT_OUT_OF_REACH` otherwise), so no one is placed at a level above their own.
 */
export async function unitWithinReach(db: Executor, admin: SessionUser, unitId: string): Promise<OrgUnitRow> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!unit || !withinReach(admin, unit.path)) throw new PlatformError('ORG_UNIT_OUT_OF_REACH', { details: { field: 'orgUnitId', orgUnitId: unitId, yourUnit: admin.orgUnit.id } });
  return unit;
}

/** A unit the administrator reads or changes in their subtree; one outside it answers 404, as records out of scope do. */
export async function unitInReach(db: Executor, admin: SessionUser, unitId: string): Promise<OrgUnitRow> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!unit || !withinReach(admin, unit.path)) throw new PlatformError('NOT_FOUND', { details: { orgUnit: unitId } });
  return unit;
}

/** A user of the administrator's subtree with their unit, locked for the change when `forUpdate`; 404 outside it. */
export async function userInReach(db: Executor, admin: SessionUser, userId: string, forUpdate = false) {
  const query = db.select({ user: users, unit: orgUnits }).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId)).where(eq(users.id, userId));
  const [row] = forUpdate ? await query.for('update', { of: users }) : await query;
  if (!row || !withinReach(admin, row.unit.path)) throw new PlatformError('NOT_FOUND', { details: { user: userId } });
  return row;
}

/**
 * The posts given to a user placed at `unit`: each must exist at an office in that unit's subtree
 * (`POST_OUT_OF_REACH` naming those that do not). Returns the distinct ids.
 */
export async function postsWithinUnit(db: Executor, unit: OrgUnitRow, postIds: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(postIds)];
  if (wanted.length === 0) return [];
  const found = await db
    .select({ id: posts.id })
    .from(posts)
    .innerJoin(orgUnits, eq(orgUnits.id, posts.orgUnitId))
    .where(and(inArray(posts.id, wanted), eq(orgUnits.kind, 'office'), sql`${orgUnits.path} LIKE ${`${unit.path}%`}`));
  const ok = new Set(found.map((row) => row.id));
  const outside = wanted.filter((id) => !ok.has(id));
  if (outside.length > 0) throw new PlatformError('POST_OUT_OF_REACH', { details: { field: 'postIds', postIds: outside, orgUnitId: unit.id } });
  return wanted;
}

/** Units that must keep an active administrator: the ministry (the installation), each province and each city. */
const GUARDED_LEVELS = new Set(['ministry', 'province', 'city']);

/**
 * Refuses to leave a ministry, province or city without an active administrator: `user` is about to
 * stop being one there (disabled, another role, another unit). The other administrators of the unit
 * are locked while counted, so two such changes at once cannot both pass (`LAST_ADMINISTRATOR`).
 */
export async function requireAnotherAdministrator(db: Executor, user: typeof users.$inferSelect, unit: OrgUnitRow): Promise<void> {
  if (user.role !== 'admin' || !user.active || !GUARDED_LEVELS.has(unit.kind)) return;
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgUnitId, unit.id), eq(users.role, 'admin'), eq(users.active, true), ne(users.id, user.id)))
    .for('update');
  if (others.length === 0) throw new PlatformError('LAST_ADMINISTRATOR', { details: { user: user.id, orgUnitId: unit.id, level: unit.kind } });
}

/** Refuses an administrator's change of their own role or unit, or disabling themselves (`SELF_ADMINISTRATION`). */
export function refuseSelf(admin: SessionUser, userId: string, change: string): void {
  if (admin.id === userId) throw new PlatformError('SELF_ADMINISTRATION', { details: { change } });
}
