import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { PlatformError } from '../../engine/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { createApiApp } from './app.ts';
import { handleError } from './error-handler.ts';
import { NONCE_PLACEHOLDER, uiSecurityHeaders } from './security-headers.ts';
import { verifyPageHandler } from './verify-page.ts';

/**
 * The whole HTTP surface of one process: the API under `/api`, the built admin UI at `/`,
 * the public verification page of printed documents at `/verify/<token>`,
 * and the UI's `index.html` for any other path so client-side routes survive a reload.
 */
export function createServerApp(rt: RuntimeContext, uiDir: string) {
  const root = new Hono<{ Variables: { secureHeadersNonce?: string } }>();
  root.route('/', createApiApp(rt));
  root.all('/api/*', (c) => handleError(new PlatformError('NOT_FOUND'), c));
  root.use('/*', uiSecurityHeaders());
  // The page itself, read once, with this response's style nonce in place of the build's placeholder; never cached.
  let built: Promise<string> | undefined;
  const page = async (c: Context<{ Variables: { secureHeadersNonce?: string } }>) => {
    built ??= readFile(join(uiDir, 'index.html'), 'utf8');
    const html = await built.catch((error: unknown) => {
      built = undefined; // not built yet: read it again next time
      throw error;
    });
    c.header('Cache-Control', 'no-cache');
    return c.html(html.replaceAll(NONCE_PLACEHOLDER, c.get('secureHeadersNonce') ?? ''));
  };
  // The page a printed document's QR code opens: public, rendered here, no admin UI needed.
  root.get('/verify/:token', verifyPageHandler(rt));
  root.get('/', page);
  root.get('/index.html', page);
  root.use('/*', serveStatic({ root: uiDir }));
  root.get('*', page);
  root.onError(handleError);
  return root;
}
