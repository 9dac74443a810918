import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context } from 'hono';

/** Where the public site's static files are served; their names carry a hash of their content. */
export const ASSET_PREFIX = '/portal-assets/';

/** How long a browser keeps a file whose name carries its content hash: a year, never asked again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  path: string;
  body: string;
  type: string;
}

let stylesheet: Asset | undefined;

/** The site's stylesheet, read once, at `/portal-assets/portal.<hash>.css`: a new version is a new address. */
export function stylesheetAsset(): Asset {
  if (!stylesheet) {
    const body = readFileSync(new URL('./static/portal.css', import.meta.url), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    stylesheet = { path: `${ASSET_PREFIX}portal.${hash}.css`, body, type: 'text/css; charset=utf-8' };
  }
  return stylesheet;
}

/** `GET /portal-assets/:file`: the current file by its hashed name, cached for a year; any other name is not found. */
export function serveAsset(c: Context): Response {
  const asset = stylesheetAsset();
  if (c.req.path !== asset.path) return c.text('Not found', 404);
  c.header('Cache-Control', IMMUTABLE);
  c.header('Content-Type', asset.type);
  return c.body(asset.body);
}
