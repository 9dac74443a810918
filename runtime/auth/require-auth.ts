import { createMiddleware } from 'hono/factory';
import { PlatformError } from '../../engine/index.ts';
import type { RequestOrigin } from '../audit/access-log.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { authenticate } from './sessions.ts';
import type { SessionUser } from './session-user.ts';

/** Hono variables of an API request: where it came from (set first, by `requestOrigin`), then who asks (set by {@link requireAuth}). */
export interface AuthVariables {
  origin: RequestOrigin;
  user: SessionUser;
  token: string;
}

/** Middleware factory: resolves `Authorization: Bearer <token>` to a user or answers 401. */
export function requireAuth(rt: RuntimeContext) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const user = token ? await authenticate(rt, token) : undefined;
    if (!user) throw new PlatformError('AUTH_REQUIRED');
    c.set('user', user);
    c.set('token', token);
    await next();
  });
}
