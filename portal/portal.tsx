/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { publicArticles, type PublicArticles } from '../runtime/articles/index.ts';
import { describeError, log } from '../runtime/log/index.ts';
import { serviceGuides, type ServiceGuides } from '../runtime/guides/index.ts';
import { publicPostings } from '../runtime/postings/index.ts';
import type { PublicPostings } from '../runtime/postings/types.ts';
import type { RuntimeContext } from '../runtime/runtime-context.ts';
import { NewsColumns } from './articles/article-parts.tsx';
import { addArticleRoutes, articleSitemapPages } from './articles/routes.tsx';
import { addApplicationRoutes, applySection, saveSearchSlot } from './applications/routes.tsx';
import { textsOf } from './applications/texts.ts';
import { ASSET_PREFIX, serveAsset } from './assets.ts';
import { atomFeed } from './feeds/atom.ts';
import { robotsTxt } from './feeds/robots.ts';
import { sitemapParts, sitemapXml } from './feeds/sitemap.ts';
import { addGuideRoutes, guideSitemapPaths } from './guides/routes.tsx';
import { langOfPath, langPrefix, langs } from './locale.ts';
import { addOnlineApplicationRoutes, onlineApplicationPaths } from './online-applications/routes.tsx';
import { HomePage } from './pages/home-page.tsx';
import { addNoticeRoutes, noticePaths } from './notices/routes.tsx';
import { ErrorPage, GonePage, NotFoundPage } from './pages/notice-pages.tsx';
import { PostingPage } from './pages/posting-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { PAGE_SIZE, parseQuery } from './search-query.ts';
import { page } from './render.ts';
import { portalSecurityHeaders } from './security-headers.ts';
import { requestOrigin, siteOfRequest, type PortalEnv, type Site } from './site.ts';
import { addAccountRoutes } from './accounts/routes.tsx';
import { addEmployerRoutes } from './employer/routes.tsx';
import { openVerificationOfAccount } from '../runtime/employer-accounts/index.ts';
import { CsrfField } from './session/csrf-field.tsx';
import { requireAccount, signedIn } from './session/require-account.tsx';
import { portalSession } from './session/session.tsx';
import { DEMO_PUBLIC_ACCOUNTS } from '../runtime/seed/demo-public-accounts.ts';
import { demoSmsSender, missingSmsSender, type EmployerSignedUp, type SmsSender } from '../runtime/public-accounts/index.ts';

/** What a server (or a test) may hand the public site instead of its defaults. */
export interface PortalOptions {
  postings?: PublicPostings;
  guides?: ServiceGuides;
  articles?: PublicArticles;
  /** The city's SMS gateway; by default the demo sender in demo mode, none (sign-up refused) in production. */
  sms?: SmsSender;
  /** Run in an employer's sign-up transaction: opens the caseworker's check of the employer (the employer-verification case by default). */
  onEmployerSignedUp?: EmployerSignedUp;
}

/** The paths the public site answers; the server sends these to it, before the workbench's catch-all. */
export const portalPaths = ['/', '/en', '/en/*', '/jobs', '/jobs/*', '/news', '/news/*', '/guides', '/guides/*', ...noticePaths, '/signup', '/signup/*', '/login', '/logout', '/my', '/my/*', '/employer', '/employer/*', '/feeds/*', '/sitemap.xml', '/robots.txt', `${ASSET_PREFIX}*`, ...onlineApplicationPaths] as const;

/** Newest postings on the home page. */
const HOME_NEWEST = 8;

/** Entries in a search's feed. */
const FEED_SIZE = 50;


/**
 * The public recruitment site (公共招聘网), rendered on the server: every page works without
 * script, in zh-CN at the root and in English under `/en`. It reads postings only through
 * {@link PublicPostings}, which holds nothing staff-only; a test may hand it another implementation.
 */
export function createPortalApp(rt: RuntimeContext, options: PortalOptions = {}) {
  const postings = options.postings ?? publicPostings(rt);
  const guides = options.guides ?? serviceGuides(rt);
  const app = new Hono<PortalEnv>();
  const siteOf = (c: Context<PortalEnv>): Site => siteOfRequest(c, rt.config.trustProxy);

  app.use('*', compress(), portalSecurityHeaders(), async (c, next) => {
    await next();
    // Pages and feeds are asked for again each time: a posting taken down leaves them at once.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', portalSession(rt));
  addAccountRoutes(app, rt, {
    sms: options.sms ?? (rt.config.mode === 'demo' ? demoSmsSender : missingSmsSender),
    onEmployerSignedUp: options.onEmployerSignedUp ?? openVerificationOfAccount,
    demoAccounts: DEMO_PUBLIC_ACCOUNTS,
  });

  for (const lang of langs) {
    const prefix = langPrefix(lang);
    app.get(`${prefix}/`, async (c) => page(c, <HomePage site={siteOf(c)} newest={await postings.search({ sort: 'date', pageSize: HOME_NEWEST })} news={<NewsColumns site={siteOf(c)} />} />));
    app.get(`${prefix}/jobs`, async (c) => {
      const query = parseQuery(new URL(c.req.url).searchParams);
      const result = await postings.search({ ...query, pageSize: PAGE_SIZE });
      const site = siteOf(c);
      return page(c, <SearchPage site={site} query={query} result={result} save={saveSearchSlot(site, query)} />);
    });
    // `/jobs/`, as a hand-typed address often ends: the search, with its query.
    app.get(`${prefix}/jobs/`, (c) => c.redirect(`${prefix}/jobs${new URL(c.req.url).search}`, 301));
    app.get(`${prefix}/jobs/feed.atom`, async (c) => {
      const query = parseQuery(new URL(c.req.url).searchParams);
      const result = await postings.search({ ...query, sort: query.sort ?? 'date', page: 1, pageSize: FEED_SIZE });
      c.header('Content-Type', 'application/atom+xml; charset=utf-8');
      return c.body(atomFeed(siteOf(c), query, result, rt.clock()));
    });
    app.get(`${prefix}/jobs/:id`, async (c) => {
      const id = c.req.param('id');
      const found = await postings.page(id); // undefined for anything but a posting that was public, malformed ids too
      const site = siteOf(c);
      if (!found) return page(c, <NotFoundPage site={site} path={`/jobs/${id}`} />, 404);
      if (found.status === 'live') {
        const notice = c.req.query('applied') ? textsOf(site.lang).appliedNow : undefined;
        return page(c, <PostingPage site={site} posting={found.posting} apply={await applySection(rt, site, found.posting, { notice })} />);
      }
      return page(c, <GonePage site={site} id={id} status={found.status} title={found.title} employerName={found.employerName} />, found.status === 'paused' ? 404 : 410);
    });
  }
  addGuideRoutes(app, { guides, siteOf });
  addEmployerRoutes(app, rt, siteOf);
  addOnlineApplicationRoutes(app, rt, { siteOf, page, citizen: requireAccount(rt, 'citizen'), signedIn, csrf: (site) => <CsrfField site={site} /> });
  addNoticeRoutes(app, rt, siteOf);
  app.get('/en', (c) => c.redirect('/en/', 301));
  const articles = options.articles ?? publicArticles(rt);
  addArticleRoutes(app, rt, siteOf, articles);
  addApplicationRoutes(app, rt, postings, siteOf);

  app.get('/sitemap.xml', async (c) => {
    const [entries, news, guidePaths] = await Promise.all([postings.sitemap(), articles.sitemap().then(articleSitemapPages), guideSitemapPaths(guides)]);
    const pages = [...news, ...guidePaths.map((path) => ({ path }))];
    const part = Number(c.req.query('part'));
    const chosen = Number.isInteger(part) && part >= 1 && part <= sitemapParts(entries, pages) ? part : undefined;
    c.header('Content-Type', 'application/xml; charset=utf-8');
    return c.body(sitemapXml(requestOrigin(c, rt.config.trustProxy), entries, chosen, pages));
  });
  app.get('/robots.txt', (c) => c.text(robotsTxt(requestOrigin(c, rt.config.trustProxy))));
  app.get(`${ASSET_PREFIX}:file`, serveAsset);

  app.notFound((c) => page(c as Context<PortalEnv>, <NotFoundPage site={siteOf(c as Context<PortalEnv>)} path={c.req.path.slice(langPrefix(langOfPath(c.req.path)).length) || '/'} />, 404));
  app.onError((error, c) => {
    // The route's pattern, not the address: a keyword typed into the search stays out of the log.
    log.error('public page failed', { ...describeError(error), route: c.req.routePath });
    return page(c, <ErrorPage site={siteOf(c)} path="/" />, 500);
  });
  return app;
}
