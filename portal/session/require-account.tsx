/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { PublicAccount, PublicAccountKind } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { langOfPath, sitePath } from '../locale.ts';
import { page } from '../render.ts';
import { siteOfRequest, type PortalEnv } from '../site.ts';
import { ForbiddenPage } from './forbidden-page.tsx';

/** The account of a request behind {@link requireAccount} (a route reached without it is a programming error). */
export function signedIn(c: Context<PortalEnv>): PublicAccount {
  const account = c.get('account');
  if (!account) throw new Error('signedIn() on a route not behind requireAccount');
  return account;
}

/**
 * Lets only a signed-in, active account of a kind (any kind when none is named) through: a visitor
 * who is not signed in is sent to sign in and brought back (`/login?next=`), an account of another
 * kind or not yet verified gets a 403 page.
 */
export function requireAccount(rt: RuntimeContext, kind?: PublicAccountKind) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    const account = c.get('account');
    const lang = langOfPath(c.req.path);
    if (!account) {
      const url = new URL(c.req.url);
      const query = new URLSearchParams({ next: `${url.pathname}${url.search}` });
      if (kind === 'employer') query.set('kind', 'employer');
      return c.redirect(sitePath(lang, '/login', query), 303);
    }
    if ((kind && account.kind !== kind) || account.status !== 'active') {
      const site = siteOfRequest(c, rt.config.trustProxy);
      return page(c, <ForbiddenPage site={site} path={c.req.path} />, 403);
    }
    await next();
  });
}
