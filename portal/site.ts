import type { Context } from 'hono';
import type { PublicAccount } from '../runtime/public-accounts/index.ts';
import { langOfPath, messagesOf, sitePath, type Lang } from './locale.ts';
import type { Messages } from './messages.ts';

/** What every page of one request needs: its language, its texts, and how to write its links. */
export interface Site {
  lang: Lang;
  m: Messages;
  /** `https://jobs.example.cn`: for the addresses that leave the page (canonical, sitemap, feed, JSON-LD). */
  origin: string;
  /** A path of the site in this page's language. */
  href(path: string, query?: URLSearchParams): string;
  /** The full address of a path, in a language (this page's by default). */
  absolute(path: string, query?: URLSearchParams, lang?: Lang): string;
  /** The signed-in citizen or employer, if any. */
  account: PublicAccount | undefined;
  /** This browser's token for the forms it sends (`<CsrfField site={site} />`). */
  csrf: string;
}

/** Who is visiting, as the portal's session middleware (`accounts/session.ts`) found them. */
export interface Visitor {
  account: PublicAccount | undefined;
  csrf: string;
}

/** The Hono environment of the portal's routes: the visitor on every request. */
export type PortalEnv = { Variables: Visitor };

/** The site as a request of the portal sees it: the path's language, the origin reached, the visitor. */
export function siteOfRequest(c: Context<PortalEnv>, trustProxy: boolean): Site {
  return siteFor(langOfPath(c.req.path), requestOrigin(c, trustProxy), { account: c.get('account'), csrf: c.get('csrf') ?? '' });
}

/** The site as one request sees it. */
export function siteFor(lang: Lang, origin: string, visitor: Visitor = { account: undefined, csrf: '' }): Site {
  return {
    ...visitor,
    lang,
    m: messagesOf(lang),
    origin,
    href: (path, query) => sitePath(lang, path, query),
    absolute: (path, query, other) => `${origin}${sitePath(other ?? lang, path, query)}`,
  };
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/**
 * The origin the visitor reached: the request's own, or, behind a trusted proxy, the scheme and
 * host it forwarded (`X-Forwarded-Proto`, `X-Forwarded-Host`), each checked so that no header can
 * write text into the page's links.
 */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  const scheme = proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1);
  return `${scheme}://${host && HOST.test(host) ? host : url.host}`;
}
