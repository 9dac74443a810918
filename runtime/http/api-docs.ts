import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { PlatformError } from '../../engine/index.ts';

/** The interactive API reference, public like the document it shows. */
export const API_DOCS_PATH = '/api/docs';

/** Redoc's standalone bundle, served from this origin (no CDN: the page's CSP allows scripts from `'self'` only). */
const API_DOCS_SCRIPT_PATH = '/api/docs/redoc.standalone.js';

/** The document the reference reads. */
const DOCUMENT_PATH = '/api/openapi.json';

/** The bundle's file inside the `redoc` package, read once on first use. */
let bundle: Promise<string> | undefined;
function readBundle(): Promise<string> {
  bundle ??= readFile(createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js'), 'utf8').catch((error: unknown) => {
    bundle = undefined; // not installed: ask again next time
    throw new PlatformError('NOT_FOUND', { details: { reason: 'the redoc package is not installed' }, cause: error });
  });
  return bundle;
}

/**
 * `GET /api/docs`: the API reference (Redoc) reading `/api/openapi.json`; `GET /api/docs/redoc.standalone.js`
 * its script. Neither is in the OpenAPI document: they are the page that shows it, not operations of the
 * API. Its headers: `apiDocsSecurityHeaders` (security-headers.ts).
 */
export function apiDocsRoutes() {
  const app = new Hono();
  app.get(API_DOCS_PATH, (c) =>
    c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>公共就业服务平台 API / Public employment services platform API</title>
</head>
<body>
<redoc spec-url="${DOCUMENT_PATH}"></redoc>
<script src="${API_DOCS_SCRIPT_PATH}"></script>
</body>
</html>
`),
  );
  app.get(API_DOCS_SCRIPT_PATH, async (c) => {
    const script = await readBundle();
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(script);
  });
  return app;
}
