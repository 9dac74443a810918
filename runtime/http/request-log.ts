import { createMiddleware } from 'hono/factory';
import type { AuthVariables } from '../auth/index.ts';
import { log } from '../log/index.ts';

/**
 * Middleware factory: one log line per API request, with its request id, the route matched (its
 * pattern, never the path or query, which may hold an ID number), the status, the time taken and
 * the user's id.
 */
export function requestLog() {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const started = performance.now();
    await next();
    const route = c.req.matchedRoutes.filter((r) => r.method !== 'ALL').at(-1)?.path ?? 'unmatched';
    log.info('request', {
      requestId: c.get('origin')?.requestId,
      method: c.req.method,
      route,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.id,
    });
  });
}
