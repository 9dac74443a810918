import { eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireStrongPassword } from './password-policy.ts';
import { accountRow, actorOfUser } from './account-row.ts';
import { endOtherSessions } from './sessions.ts';
import type { SessionUser } from './session-user.ts';

/**
 * Changes the user's own password: the current one must be right, the new one must meet the
 * policy and differ from it. The user's other sessions end; a temporary or expired password is
 * no longer asked to be changed. Recorded.
 */
export async function changePassword(rt: RuntimeContext, user: SessionUser, token: string, input: { current: string; next: string }, origin: RequestOrigin): Promise<void> {
  const row = await accountRow(rt, user.id);
  if (!(await verifyPassword(input.current, row.passwordHash))) {
    throw new PlatformError('AUTH_INVALID_CREDENTIALS', { message: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' }, details: { field: 'current' } });
  }
  requireStrongPassword(input.next, user.username);
  if (input.next === input.current) {
    throw new PlatformError('PASSWORD_POLICY', { details: { field: 'password', problems: [{ rule: 'reuse', reason: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' } }] } });
  }
  const now = rt.clock();
  await rt.db.update(users).set({ passwordHash: await hashPassword(input.next), passwordChangedAt: now, mustChangePassword: false }).where(eq(users.id, user.id));
  await endOtherSessions(rt, user.id, token);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'auth.password', origin, at: now });
}
