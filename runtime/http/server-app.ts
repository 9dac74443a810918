import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { ADMIN_BASE } from './admin-base.ts';
import { PlatformError } from '../../engine/index.ts';
import { createPortalApp, portalPaths } from '../../portal/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { ADMIN_LINKS_PATH, adminLinksHandler } from './admin-links.ts';
import { createApiApp } from './app.ts';
import { handleError } from './error-handler.ts';
import { notFoundPageHandler } from './home-page.ts';
import { NONCE_PLACEHOLDER, uiSecurityHeaders } from './security-headers.ts';
import { verifyPageHandler } from './verify-page.ts';

/** How long a browser keeps an asset whose name carries its content hash: a year, never asked again. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** The workbench's path without its trailing slash: `/admin`. */
const ADMIN = ADMIN_BASE.slice(0, -1);

/**
 * The whole HTTP surface of one process: the API under `/api`, the public site at `/` (for now a
 * page saying it is being built, with the script that sends old `/#/…` bookmarks on to the
 * workbench), the built admin UI at `/admin/`, the public verification page of printed documents at
 * `/verify/<token>`. The UI's `index.html` answers any other path under `/admin/`, so a client-side
 * route survives a reload; `/admin` and the old `/index.html` are sent to `/admin/` (a redirect keeps
 * the hash). The build's assets go out as the `.br` or `.gz` the build wrote beside them, by the
 * browser's Accept-Encoding; those under `/admin/assets/` (hashed names) are cached for a year,
 * everything else is asked for again each time, so a new build is seen at once.
 */
export function createServerApp(rt: RuntimeContext, uiDir: string) {
  const root = new Hono<{ Variables: { secureHeadersNonce?: string } }>();
  root.route('/', createApiApp(rt));
  root.all('/api/*', (c) => handleError(new PlatformError('NOT_FOUND'), c));
  // The public site (portal/): its own pages and headers at its own paths, before the workbench's.
  const portal = createPortalApp(rt);
  // GET for pages, POST for its forms (sign-up, sign-in, applications), each form guarded by its CSRF token.
  for (const path of portalPaths) root.on(['GET', 'POST'], path, (c) => portal.fetch(c.req.raw, c.env));
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
  const toWorkbench = (c: Context) => c.redirect(`${ADMIN_BASE}${new URL(c.req.url).search}`, 301);
  // The page a printed document's QR code opens: public, rendered here, no admin UI needed.
  root.get('/verify/:token', verifyPageHandler(rt));
  const pageCompressed = compress();
  root.get(ADMIN_LINKS_PATH, adminLinksHandler);
  root.get('/index.html', toWorkbench);
  root.get(ADMIN, toWorkbench);
  root.get(`${ADMIN_BASE}index.html`, toWorkbench);
  root.get(ADMIN_BASE, pageCompressed, page);
  const assets = serveStatic({ root: uiDir, precompressed: true, rewriteRequestPath: (path) => path.slice(ADMIN.length) });
  root.use(`${ADMIN_BASE}*`, async (c, next) => {
    // Said before the file is sent (its headers cannot change after), taken back when there is no such file.
    c.header('Cache-Control', c.req.path.startsWith(`${ADMIN_BASE}assets/`) ? ASSET_CACHE : 'no-cache');
    return assets(c, async () => {
      c.header('Cache-Control', undefined);
      await next();
    });
  });
  root.get(`${ADMIN_BASE}*`, pageCompressed, page);
  root.get('*', pageCompressed, notFoundPageHandler);
  root.onError(handleError);
  return root;
}
