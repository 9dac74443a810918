/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { accountOfSession } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { page } from '../render.ts';
import { requestOrigin, siteOfRequest, type PortalEnv } from '../site.ts';
import { ExpiredFormPage } from './forbidden-page.tsx';


/** The session cookie: a random token whose hash is the `public_sessions` row. */
export const SESSION_COOKIE = 'portal_session';
/** The form token's cookie; every POST form carries the same value in `_csrf`. */
export const CSRF_COOKIE = 'portal_csrf';
/** The form field that carries the token. */
export const CSRF_FIELD = '_csrf';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function cookieOptions(c: Context, trustProxy: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: requestOrigin(c, trustProxy).startsWith('https:') };
}

/** Sets the session cookie after a sign-in or sign-up: HttpOnly, SameSite=Lax, Secure over TLS, for the browser's session. */
export function setSessionCookie(c: Context, trustProxy: boolean, token: string): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, trustProxy));
}

/** Ends the session cookie (signing out, or a session the server no longer knows). */
export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, trustProxy));
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The portal's session and form protection, before any route. Finds the signed-in account from
 * the session cookie (a stale cookie is cleared) and gives the browser a form token in a cookie of
 * its own when it has none. A POST is refused with a 403 page saying the form has expired unless
 * its `_csrf` field is the cookie's token and, when the browser says where it comes from (`Origin`),
 * it comes from this site: another site can neither read the token nor, with SameSite=Lax, send
 * the session with its POST.
 * Pages for a signed-in visitor are never stored by a shared cache.
 */
export function portalSession(rt: RuntimeContext) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    const options = cookieOptions(c, rt.config.trustProxy);
    const token = getCookie(c, SESSION_COOKIE);
    const account = token ? await accountOfSession(rt, token) : undefined;
    if (token && !account) deleteCookie(c, SESSION_COOKIE, options);
    let csrf = getCookie(c, CSRF_COOKIE) ?? '';
    const hadToken = TOKEN.test(csrf);
    if (!hadToken) {
      csrf = randomBytes(32).toString('base64url');
      setCookie(c, CSRF_COOKIE, csrf, options);
    }
    c.set('account', account);
    c.set('csrf', csrf);
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      const body = await c.req.parseBody();
      const sent = body[CSRF_FIELD];
      const fromHere = origin === undefined || origin === requestOrigin(c, rt.config.trustProxy);
      if (!hadToken || typeof sent !== 'string' || !sameToken(sent, csrf) || !fromHere) return page(c, <ExpiredFormPage site={siteOfRequest(c, rt.config.trustProxy)} path={c.req.path} />, 403);
    }
    await next();
    if (account) c.header('Cache-Control', 'private, no-store');
  });
}
