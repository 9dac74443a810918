/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import { stylesheetAsset } from '../assets.ts';
import { hasChinese, langs, otherLang, sitePath } from '../locale.ts';
import type { Site } from '../site.ts';

/** What a page says about itself in its head. */
export interface PageHead {
  title: string;
  description?: string;
  /** The page's path without the language prefix (`/jobs`), with its query: for the canonical and language links. */
  path: string;
  query?: URLSearchParams;
  /** Not for search engines (a closed posting, a page not found). */
  noindex?: boolean;
  /** More for the head: a feed link, structured data, a script. */
  extra?: Child;
}

/**
 * The frame of every public page: the language on `<html>`, one stylesheet from this origin, the
 * address in each language (`hreflang`), a skip link, the header with the language switch, and the
 * footer with the discreet way in for staff.
 */
export const Layout: FC<{ site: Site; head: PageHead; children?: Child }> = ({ site, head, children }) => {
  const { m, lang } = site;
  const other = otherLang(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={site.absolute(head.path, head.query)} />
        {langs.map((each) => (
          <link rel="alternate" hreflang={each} href={site.absolute(head.path, head.query, each)} />
        ))}
        <link rel="alternate" hreflang="x-default" href={site.absolute(head.path, head.query, 'zh-CN')} />
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={stylesheetAsset().path} />
        {head.extra}
      </head>
      <body>
        <a class="skip" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={site.href('/')}>
              {m.siteName}
              <span>{m.siteTagline}</span>
            </a>
            <nav class="site-nav" aria-label={m.siteNav}>
              <a href={site.href('/')}>{m.navHome}</a>
              <a href={site.href('/jobs')}>{m.navJobs}</a>
              <AccountLink site={site} />
              <a href={sitePath(other, head.path, head.query)} lang={other} hreflang={other}>
                {m.switchLanguage}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{m.footerNote}</p>
          <p>
            <a href="/admin/" rel="nofollow">
              {m.staffSignIn}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
};

/** A message's `{name}` placeholders filled with parts of the page (data marked with its language, say). */
export function fill(template: string, parts: Record<string, Child>): Child[] {
  return template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? parts[name] : piece;
  });
}

/** Data as entered (an employer's name, a title), marked Chinese on an English page when it is. */
export const Data: FC<{ site: Site; text: string }> = ({ site, text }) =>
  site.lang !== 'zh-CN' && hasChinese(text) ? <span lang="zh-CN">{text}</span> : <>{text}</>;

/** The header's way to the account: "登录" and "注册" for a visitor, the account's name for one signed in. */
const AccountLink: FC<{ site: Site }> = ({ site }) => {
  const { m, account } = site;
  if (account) {
    return (
      <a href={site.href('/my')} id="my-account-link">
        {fill(m.myAccountOf, { name: <Data site={site} text={account.displayName} /> })}
      </a>
    );
  }
  return (
    <>
      <a href={site.href('/login')}>{m.navSignIn}</a>
      <a href={site.href('/signup')}>{m.navSignUp}</a>
    </>
  );
};
