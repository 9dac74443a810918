import { createMiddleware } from 'hono/factory';
import { PlatformError } from '../../engine/index.ts';
import { holds, permissions, type Permission } from './permissions.ts';
import type { AuthVariables } from './require-auth.ts';

/**
 * Middleware factory: the signed-in user must hold `permission` (role and level, from the one
 * permission table), or the request is refused with 403 before its input is even validated.
 */
export function permit(permission: Permission) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw new PlatformError('AUTH_REQUIRED');
    // A temporary or expired password, or a missing second factor, leaves the user only their own account to mind.
    if (user.restriction && permission !== 'session.own') throw new PlatformError(user.restriction === 'password-change' ? 'PASSWORD_CHANGE_REQUIRED' : 'SECOND_FACTOR_REQUIRED');
    if (!holds(permission, user.role, user.orgUnit.kind)) {
      const rule = permissions[permission];
      throw new PlatformError('ROLE_NOT_PERMITTED', { details: { permission, roles: rule.roles, levels: 'levels' in rule ? rule.levels : null, role: user.role, level: user.orgUnit.kind } });
    }
    await next();
  });
}
