import { createMiddleware } from 'hono/factory';
import { PlatformError } from '../../engine/index.ts';

/** Names every object already has (`__proto__`, `constructor`, `toString`, …) and `prototype`: no field or event is called so. */
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Why a parsed JSON body is refused: a key every object already has, or a NUL character in a key or a string. */
function refusalIn(value: unknown, depth = 0): { reason: string; name?: string } | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { reason: 'NUL character in the body' } : null;
  if (depth > 32 || !value || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (PROTOTYPE_NAMES.has(key)) return { reason: 'a prototype name is not a field or event name', name: key };
    if (key.includes('\u0000')) return { reason: 'NUL character in the body' };
    const found = refusalIn(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses at the edge, as 400, what no valid request holds and what would otherwise reach the
 * database or the engine as something else: a NUL character anywhere in the path, the query or a
 * JSON body (PostgreSQL text cannot hold one), and a name every object already has (`__proto__`,
 * `constructor`, `toString`, …) as a JSON key or as an event type.
 */
export function edgeChecks() {
  return createMiddleware(async (c, next) => {
    let url: string;
    try {
      url = decodeURIComponent(c.req.url);
    } catch {
      throw new PlatformError('BAD_REQUEST', { details: { reason: 'malformed percent-encoding in the URL' } });
    }
    if (url.includes('\u0000')) throw new PlatformError('BAD_REQUEST', { details: { reason: 'NUL character in the URL' } });
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      const text = await c.req.text();
      if (text.includes('\u0000')) throw new PlatformError('BAD_REQUEST', { details: { reason: 'NUL character in the body' } });
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined; // The route's own validation answers malformed JSON.
      }
      const type = (body as { type?: unknown } | undefined)?.type;
      const refusal = refusalIn(body) ?? (typeof type === 'string' && PROTOTYPE_NAMES.has(type) ? { reason: 'a prototype name is not a field or event name', name: type } : null);
      if (refusal) throw new PlatformError('BAD_REQUEST', { details: refusal });
    }
    await next();
  });
}
