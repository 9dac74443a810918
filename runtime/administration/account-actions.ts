import { eq } from 'drizzle-orm';
import { hashPassword, type SessionUser } from '../auth/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import { loginFailures, sessions, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { administer } from './admin-audit.ts';
import { refuseSelf, requireAnotherAdministrator, userInReach } from './admin-scope.ts';
import { temporaryPassword } from './temporary-password.ts';
import { adminUserView, type AdminUserView } from './user-directory.ts';
import type { UserWithPassword } from './user-accounts.ts';

/** The key wrong sign-ins of an account are counted under (`auth/login-throttle.ts`). */
function accountKey(username: string): string {
  return `account:${username.toLowerCase()}`;
}

/**
 * Disables an account (it can no longer sign in, and its sessions end) or enables it again. Not
 * oneself, and not the last active administrator of a ministry, province or city. Audited.
 */
export async function setActive(rt: RuntimeContext, admin: SessionUser, userId: string, active: boolean, origin: RequestOrigin): Promise<AdminUserView> {
  return administer(rt, admin, origin, async (tx, note) => {
    const { user, unit } = await userInReach(tx, admin, userId, true);
    if (!active) refuseSelf(admin, userId, 'active');
    if (user.active === active) return adminUserView(rt, admin, userId, tx);
    if (!active) await requireAnotherAdministrator(tx, user, unit);
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    const ended = active ? [] : await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ hash: sessions.tokenHash });
    await note({ action: active ? 'user.enable' : 'user.disable', targetType: 'user', target: userId, cityCode: unit.cityCode, details: { username: user.username, sessionsEnded: ended.length } });
    return adminUserView(rt, admin, userId, tx);
  });
}

/** Lifts the lock that wrong sign-ins put on an account, and forgets them (the address's count stays). Audited. */
export async function unlockUser(rt: RuntimeContext, admin: SessionUser, userId: string, origin: RequestOrigin): Promise<AdminUserView> {
  return administer(rt, admin, origin, async (tx, note) => {
    const { user, unit } = await userInReach(tx, admin, userId, true);
    const cleared = await tx.delete(loginFailures).where(eq(loginFailures.key, accountKey(user.username))).returning({ lockedUntil: loginFailures.lockedUntil });
    if (cleared.length > 0) {
      await note({ action: 'user.unlock', targetType: 'user', target: userId, cityCode: unit.cityCode, details: { username: user.username, lockedUntil: cleared[0]!.lockedUntil?.toISOString() ?? null } });
    }
    return adminUserView(rt, admin, userId, tx);
  });
}

/**
 * Gives an account a new temporary password, shown once, to be changed at the next sign-in; every
 * session of the account ends and its sign-in lock is lifted. Not one's own (change it instead). Audited.
 */
export async function resetPassword(rt: RuntimeContext, admin: SessionUser, userId: string, origin: RequestOrigin): Promise<UserWithPassword> {
  refuseSelf(admin, userId, 'password');
  let password = '';
  const user = await administer(rt, admin, origin, async (tx, note, at) => {
    const { user: row, unit } = await userInReach(tx, admin, userId, true);
    password = temporaryPassword(row.username);
    const passwordHash = await hashPassword(password);
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: at }).where(eq(users.id, userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ hash: sessions.tokenHash });
    await tx.delete(loginFailures).where(eq(loginFailures.key, accountKey(row.username)));
    await note({ action: 'user.reset-password', targetType: 'user', target: userId, cityCode: unit.cityCode, details: { username: row.username, sessionsEnded: ended.length } });
    return adminUserView(rt, admin, userId, tx);
  });
  return { user, temporaryPassword: password };
}
