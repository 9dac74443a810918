import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { html } from 'hono/html';

/** The interactive API reference, public like the document it shows. */
export const API_DOCS_PATH = '/api/docs';

/** Redoc's standalone bundle, served from this origin (no CDN: the page's CSP allows scripts from `'self'` only). */
const API_DOCS_SCRIPT_PATH = '/api/docs/redoc.standalone.js';

/** The document the reference reads. */
const DOCUMENT_PATH = '/api/openapi.json';

/** The bundle's bytes from the `redoc` package (a dependency of the server), read once on first use. */
let bundle: Promise<Uint8Array<ArrayBuffer>> | undefined;
const readBundle = () => (bundle ??= readFile(createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js')).then((bytes) => new Uint8Array(bytes)));

/** Whether a path is the reference or its script, which answer with a page's headers and without sign-in. */
export const isApiDocsPath = (path: string) => path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`);

/**
 * `GET /api/docs`: the API reference (Redoc) reading `/api/openapi.json`; `GET /api/docs/redoc.standalone.js`
 * its script. Neither is in the OpenAPI document: they are the page that shows it, not operations of the
 * API. Its headers: `apiDocsSecurityHeaders` (security-headers.ts).
 */
export function apiDocsRoutes() {
  const app = new Hono();
  app.get(API_DOCS_PATH, (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(html`<!doctype html>
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
`);
  });
  app.get(API_DOCS_SCRIPT_PATH, async (c) => {
    // Kept a day: a new bundle comes only with a new package.
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(await readBundle());
  });
  return app;
}
