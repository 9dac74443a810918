import { createMiddleware } from 'hono/factory';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** What the built admin UI holds where each page's style nonce goes (`html.cspNonce` in its Vite config). */
export const NONCE_PLACEHOLDER = 'PES_CSP_NONCE';

/**
 * The admin UI's headers. Its Content-Security-Policy allows scripts only from this origin and no
 * inline script or style: the run-time `<style>` elements of antd carry the page's nonce (a fresh
 * one per page, `'nonce-…'`), which the page reads from its `csp-nonce` meta element. Scripts may
 * compile code (`'unsafe-eval'`): Ajv, the one validator of server and browser, compiles each
 * form's JSON Schema into a function, and forms come from process definitions at run time, so they
 * cannot be compiled at build time. No other site may frame the UI (clickjacking) and no referrer
 * leaves it (a case URL names the case).
 */
export function uiSecurityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-eval'"],
      styleSrc: ["'self'", NONCE],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
  });
}

/**
 * The API's headers: nothing it answers is a page (`default-src 'none'`), none may be framed, and
 * no answer is kept by a browser or a proxy (`Cache-Control: no-store`): answers name persons,
 * hold ID numbers and amounts, and a shared computer's cache would keep them.
 */
export function apiSecurityHeaders() {
  const headers = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
  });
  return createMiddleware(async (c, next) => {
    await headers(c, async () => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  });
}

/**
 * The headers of the API reference (`/api/docs` and its script): a page, unlike the rest of the API.
 * Scripts from this origin only (Redoc's bundle, served from the `redoc` package). Styles inline too
 * (`'unsafe-inline'` in `style-src` alone): the bundle adds `<style>` elements as it loads, before
 * Redoc's `nonce` option can reach them (a nonce left ten refused in Chromium and the page unstyled),
 * and the page shows only the public document, no data. It reads the document from this origin (`connect-src`) and runs
 * its search index in a worker it makes from a blob (`worker-src blob:`). Not framed. How long each
 * answer may be kept, the routes say (api-docs.ts).
 */
export function apiDocsSecurityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ['blob:'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
  });
}
