/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { ARTICLE_CATEGORIES, isArticleCategory, publicArticles, type ArticleCategory, type ArticleListResult, type PublicArticles } from '../../runtime/articles/index.ts';
import { contentDisposition } from '../../runtime/attachments/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { langPrefix, langs } from '../locale.ts';
import { NotFoundPage } from '../pages/notice-pages.tsx';
import { page as send } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import type { SitemapPage } from '../feeds/sitemap.ts';
import { articleFeed } from './article-feed.ts';
import { ArticlePage, ArticleSearchPage, ColumnPage, NewsHomePage, WithdrawnArticlePage } from './article-pages.tsx';
import { newsPaths } from './article-parts.tsx';

/** Articles of each column on `/news`, and entries in a feed. */
const NEWS_HOME_PER_COLUMN = 5;
const FEED_SIZE = 30;

/** A page number from the query string: a whole number from 1, else 1. */
function pageOf(c: Context<PortalEnv>): number {
  const page = Number(c.req.query('page'));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/**
 * The employment work website (就业工作网站) on the public site, read-only, in both languages:
 * `/news` (every column's newest), `/news/{column}` with paging, `/news/search?q=`, each column's
 * Atom feed, an article's page (410 once taken down) and its files. It reads only published
 * articles, through {@link PublicArticles}.
 */
export function addArticleRoutes(app: Hono<PortalEnv>, rt: RuntimeContext, siteOf: (c: Context<PortalEnv>) => Site, articles: PublicArticles = publicArticles(rt)): void {
  for (const lang of langs) {
    const prefix = langPrefix(lang);
    app.get(`${prefix}${newsPaths.home}`, async (c) => {
      const lists = await Promise.all(ARTICLE_CATEGORIES.map((category) => articles.list({ category, pageSize: NEWS_HOME_PER_COLUMN })));
      const columns = Object.fromEntries(ARTICLE_CATEGORIES.map((category, i) => [category, lists[i]!])) as Record<ArticleCategory, ArticleListResult>;
      return send(c, <NewsHomePage site={siteOf(c)} columns={columns} />);
    });
    app.get(`${prefix}${newsPaths.feed()}`, async (c) => feed(c, undefined));
    app.get(`${prefix}${newsPaths.search}`, async (c) => {
      const q = (c.req.query('q') ?? '').trim().slice(0, 50);
      const result = q ? await articles.list({ q, page: pageOf(c) }) : { total: 0, page: 1, pageSize: 20, items: [] };
      return send(c, <ArticleSearchPage site={siteOf(c)} q={q} result={result} />);
    });
    app.get(`${prefix}/news/:category/feed.atom`, async (c) => {
      const category = c.req.param('category');
      return isArticleCategory(category) ? feed(c, category) : c.notFound();
    });
    app.get(`${prefix}/news/:category`, async (c) => {
      const category = c.req.param('category');
      if (!isArticleCategory(category)) return c.notFound();
      return send(c, <ColumnPage site={siteOf(c)} category={category} result={await articles.list({ category, page: pageOf(c) })} />);
    });
    app.get(`${prefix}/news/articles/:id`, async (c) => {
      const id = c.req.param('id');
      const site = siteOf(c);
      const found = await articles.page(id);
      if (!found) return send(c, <NotFoundPage site={site} path={newsPaths.article(id)} />, 404);
      if (found.status === 'withdrawn') return send(c, <WithdrawnArticlePage site={site} id={id} title={found.title} />, 410);
      return send(c, <ArticlePage site={site} article={found.article} />);
    });
  }
  app.get('/news/articles/:id/files/:fileId', async (c) => {
    const file = await articles.file(c.req.param('id'), c.req.param('fileId'));
    if (!file) return c.notFound();
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', contentDisposition('attachment', file.fileName));
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.content));
  });

  async function feed(c: Context, category: ArticleCategory | undefined): Promise<Response> {
    const result = await articles.list({ ...(category ? { category } : {}), pageSize: FEED_SIZE });
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(articleFeed(siteOf(c), category, result, rt.clock()));
  }
}

/** The articles' pages for the sitemap: the news home, each column, and every published article with its last change. */
export function articleSitemapPages(articles: readonly { id: string; updatedAt: string }[]): SitemapPage[] {
  return [{ path: newsPaths.home }, ...ARTICLE_CATEGORIES.map((category) => ({ path: newsPaths.column(category) })), ...articles.map((article) => ({ path: newsPaths.article(article.id), lastmod: article.updatedAt }))];
}
