import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { hashPassword, type Role, type SessionUser } from '../auth/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import type { Executor } from '../db/index.ts';
import { userPosts, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { administer } from './admin-audit.ts';
import { postsWithinUnit, refuseSelf, requireAnotherAdministrator, unitWithinReach, userInReach } from './admin-scope.ts';
import { temporaryPassword } from './temporary-password.ts';
import { adminUserView, type AdminUserView } from './user-directory.ts';

/** A new account: who, which role, where, and the posts held there. */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  postIds: string[];
}

/** A user with the temporary password handed over once; it is stored only as a hash. */
export interface UserWithPassword {
  user: AdminUserView;
  temporaryPassword: string;
}

/** Refuses a username another account has (`DUPLICATE_RECORD`, 409); the unique key decides a race. */
async function requireFreeUsername(db: Executor, username: string): Promise<void> {
  const [taken] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  if (taken) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'username', username } });
}

/** Gives the user exactly these posts. */
async function setPosts(tx: Executor, userId: string, postIds: readonly string[]): Promise<void> {
  await tx.delete(userPosts).where(eq(userPosts.userId, userId));
  if (postIds.length > 0) await tx.insert(userPosts).values(postIds.map((postId) => ({ userId, postId })));
}

/**
 * Creates an account in the administrator's subtree with a temporary password that must be changed
 * at the first sign-in. The unit must lie in the subtree and each post at an office in the unit's
 * subtree; a username taken is refused. Audited.
 */
export async function createUser(rt: RuntimeContext, admin: SessionUser, input: NewUser, origin: RequestOrigin): Promise<UserWithPassword> {
  const password = temporaryPassword(input.username);
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const user = await administer(rt, admin, origin, async (tx, note, at) => {
    const unit = await unitWithinReach(tx, admin, input.orgUnitId);
    const postIds = await postsWithinUnit(tx, unit, input.postIds);
    await requireFreeUsername(tx, input.username);
    await tx.insert(users).values({ id, username: input.username, passwordHash, displayName: input.displayName, role: input.role, orgUnitId: unit.id, mustChangePassword: true, passwordChangedAt: at, createdAt: at });
    await setPosts(tx, id, postIds);
    await note({ action: 'user.create', targetType: 'user', target: id, cityCode: unit.cityCode, details: { username: input.username, role: input.role, orgUnitId: unit.id, postIds } });
    return adminUserView(rt, admin, id, tx);
  });
  return { user, temporaryPassword: password };
}

/** What an administrator may change of an account; absent fields stay as they are. */
export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  orgUnitId?: string | undefined;
  postIds?: string[] | undefined;
}

/**
 * Changes an account's name, role, unit or posts. Not one's own role or unit; not the last active
 * administrator of a ministry, province or city away from being one; the new unit in the subtree;
 * the posts (given, or kept when only the unit changes) at offices in the unit's subtree. Audited
 * with each value before and after.
 */
export async function updateUser(rt: RuntimeContext, admin: SessionUser, userId: string, change: UserChange, origin: RequestOrigin): Promise<AdminUserView> {
  return administer(rt, admin, origin, async (tx, note) => {
    const { user, unit } = await userInReach(tx, admin, userId, true);
    const roleChanges = change.role !== undefined && change.role !== user.role;
    const unitChanges = change.orgUnitId !== undefined && change.orgUnitId !== user.orgUnitId;
    if (roleChanges) refuseSelf(admin, userId, 'role');
    if (unitChanges) refuseSelf(admin, userId, 'orgUnitId');
    const newUnit = unitChanges ? await unitWithinReach(tx, admin, change.orgUnitId!) : unit;
    if (roleChanges || unitChanges) await requireAnotherAdministrator(tx, user, unit);
    const before = await adminUserView(rt, admin, userId, tx);
    const heldBefore = before.posts.map((p) => p.id);
    const postIds = change.postIds !== undefined || unitChanges ? await postsWithinUnit(tx, newUnit, change.postIds ?? heldBefore) : heldBefore;
    const details: Record<string, { from: unknown; to: unknown }> = {};
    if (change.displayName !== undefined && change.displayName !== user.displayName) details['displayName'] = { from: user.displayName, to: change.displayName };
    if (roleChanges) details['role'] = { from: user.role, to: change.role };
    if (unitChanges) details['orgUnitId'] = { from: user.orgUnitId, to: newUnit.id };
    if ([...heldBefore].sort().join() !== [...postIds].sort().join()) details['postIds'] = { from: heldBefore, to: postIds };
    if (Object.keys(details).length === 0) return before;
    await tx.update(users).set({ displayName: change.displayName ?? user.displayName, role: change.role ?? user.role, orgUnitId: newUnit.id }).where(eq(users.id, userId));
    if (details['postIds']) await setPosts(tx, userId, postIds);
    await note({ action: 'user.update', targetType: 'user', target: userId, cityCode: newUnit.cityCode, details });
    return adminUserView(rt, admin, userId, tx);
  });
}
