import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { clientAddress, type RequestOrigin } from '../audit/index.ts';

/** A request id a client or proxy may give: short, and nothing that could smuggle text into a log. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Middleware factory: who is asking, for throttling and the access log. The address is the
 * connection's, or the first `X-Forwarded-For` entry when the platform runs behind a trusted
 * proxy (`trustProxy`); the request id is the one given in `X-Request-Id` if it is safe, else a
 * new one, and is echoed in the response.
 */
export function requestOrigin(options: { trustProxy: boolean }) {
  return createMiddleware<{ Variables: { origin: RequestOrigin } }>(async (c, next) => {
    const address = clientAddress(c, options.trustProxy);
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('origin', { address, requestId });
    c.header('X-Request-Id', requestId);
    await next();
  });
}
