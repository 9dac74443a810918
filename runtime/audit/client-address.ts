import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The address a request came from: the connection's, or the first `X-Forwarded-For` entry behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || incoming?.socket?.remoteAddress || null;
}
