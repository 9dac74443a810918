import { secureHeaders } from 'hono/secure-headers';

/**
 * The public site's headers: a Content-Security-Policy stricter than the workbench's. Nothing but
 * this origin's scripts and stylesheets runs or styles a page: no inline script or style at all
 * (the pages need neither, so no nonce), no `eval`, nothing fetched by script, forms sent only here,
 * no `<base>`; no other site may frame a page. Its referrer policy sends only the origin elsewhere.
 */
export function portalSecurityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
}
