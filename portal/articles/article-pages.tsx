/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { ARTICLE_CATEGORIES, type ArticleCategory, type ArticleListResult, type PublicArticle } from '../../runtime/articles/index.ts';
import { chinaDay, formatCount, formatDay } from '../locale.ts';
import { Data, Layout } from '../pages/layout.tsx';
import { Pager } from '../pages/pager.tsx';
import type { Site } from '../site.ts';
import { articleMessages } from './article-messages.ts';
import { ArticleCard, ArticleSearchForm, ColumnNav, newsPaths } from './article-parts.tsx';

const feedLink = (site: Site, title: string, category?: ArticleCategory) => <link rel="alternate" type="application/atom+xml" title={title} href={site.href(newsPaths.feed(category))} />;

/** `/news`: the search box and the newest articles of each column. */
export const NewsHomePage: FC<{ site: Site; columns: Record<ArticleCategory, ArticleListResult> }> = ({ site, columns }) => {
  const a = articleMessages[site.lang];
  return (
    <Layout site={site} head={{ title: `${a.newsTitle} - ${site.m.siteName}`, description: a.newsDescription, path: newsPaths.home, extra: feedLink(site, a.feedTitle(a.feedAll)) }}>
      <section class="panel" aria-labelledby="news-heading">
        <h1 id="news-heading">{a.newsTitle}</h1>
        <p>{a.newsIntro}</p>
        <ArticleSearchForm site={site} />
      </section>
      {ARTICLE_CATEGORIES.map((category) => (
        <section aria-labelledby={`column-${category}`}>
          <h2 id={`column-${category}`}>
            <a href={site.href(newsPaths.column(category))}>{a.columns[category]}</a>
          </h2>
          {columns[category].items.length > 0 ? (
            <ol class="results">
              {columns[category].items.map((article) => (
                <ArticleCard site={site} article={article} />
              ))}
            </ol>
          ) : (
            <p>{a.noArticles}</p>
          )}
          {columns[category].total > columns[category].items.length ? (
            <p>
              <a href={site.href(newsPaths.column(category))}>{a.moreInColumn(a.columns[category])}</a>
            </p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
};

const pagesOf = (result: ArticleListResult) => Math.max(1, Math.ceil(result.total / result.pageSize));
const pageQuery = (page: number, q?: string) => {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (page > 1) query.set('page', String(page));
  return query.toString() ? query : undefined;
};

/** `/news/{column}`: one column, newest first, with paging and its feed. */
export const ColumnPage: FC<{ site: Site; category: ArticleCategory; result: ArticleListResult }> = ({ site, category, result }) => {
  const a = articleMessages[site.lang];
  const name = a.columns[category];
  const path = newsPaths.column(category);
  return (
    <Layout site={site} head={{ title: `${name} - ${a.newsTitle} - ${site.m.siteName}`, path, query: pageQuery(result.page), extra: feedLink(site, a.feedTitle(name), category) }}>
      <nav class="breadcrumb" aria-label={site.m.breadcrumb}>
        <ol>
          <li>
            <a href={site.href('/')}>{site.m.navHome}</a>
          </li>
          <li>
            <a href={site.href(newsPaths.home)}>{a.newsTitle}</a>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <h1>{name}</h1>
      <ColumnNav site={site} current={category} />
      {result.items.length > 0 ? (
        <ol class="results">
          {result.items.map((article) => (
            <ArticleCard site={site} article={article} />
          ))}
        </ol>
      ) : (
        <p>{a.noArticles}</p>
      )}
      <Pager site={site} query={{}} page={result.page} pages={pagesOf(result)} linkTo={(n) => site.href(path, pageQuery(n))} />
      <p>
        <a href={site.href(newsPaths.feed(category))}>{a.subscribeColumn}</a>
      </p>
    </Layout>
  );
};

/** `/news/search?q=`: articles of every column matching the words, most relevant first. */
export const ArticleSearchPage: FC<{ site: Site; q: string; result: ArticleListResult }> = ({ site, q, result }) => {
  const a = articleMessages[site.lang];
  return (
    <Layout site={site} head={{ title: `${q ? a.searchTitle(q) : a.searchHeading} - ${site.m.siteName}`, path: newsPaths.search, query: pageQuery(result.page, q), noindex: true }}>
      <h1>{q ? a.searchTitle(q) : a.searchHeading}</h1>
      <div class="panel">
        <ArticleSearchForm site={site} q={q} />
      </div>
      <p class="count-line" role="status">
        {a.resultCount(formatCount(site.lang, result.total))}
      </p>
      {result.items.length > 0 ? (
        <ol class="results">
          {result.items.map((article) => (
            <ArticleCard site={site} article={article} showColumn />
          ))}
        </ol>
      ) : (
        <p>{a.noResults}</p>
      )}
      <Pager site={site} query={{}} page={result.page} pages={pagesOf(result)} linkTo={(n) => site.href(newsPaths.search, pageQuery(n, q))} />
    </Layout>
  );
};

/** `/news/articles/{id}`: the article, who published it and when, its sanitised body and its files. */
export const ArticlePage: FC<{ site: Site; article: PublicArticle }> = ({ site, article }) => {
  const a = articleMessages[site.lang];
  const column = a.columns[article.category];
  return (
    <Layout site={site} head={{ title: `${article.title} - ${column} - ${site.m.siteName}`, description: article.summary, path: newsPaths.article(article.id) }}>
      <nav class="breadcrumb" aria-label={site.m.breadcrumb}>
        <ol>
          <li>
            <a href={site.href(newsPaths.home)}>{a.newsTitle}</a>
          </li>
          <li>
            <a href={site.href(newsPaths.column(article.category))}>{column}</a>
          </li>
        </ol>
      </nav>
      <article class="panel" id="article">
        <h1>
          <Data site={site} text={article.title} />
        </h1>
        <dl class="facts">
          <div>
            <dt>{a.publishedBy}</dt>
            <dd id="article-office">
              <Data site={site} text={article.officeName} />
            </dd>
          </div>
          <div>
            <dt>{a.publishedOn}</dt>
            <dd>
              <time datetime={article.publishedAt}>{formatDay(site.lang, chinaDay(article.publishedAt))}</time>
            </dd>
          </div>
          {article.documentNo ? (
            <div>
              <dt>{a.documentNo}</dt>
              <dd>
                <Data site={site} text={article.documentNo} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{a.articleNo}</dt>
            <dd>{article.caseNo}</dd>
          </div>
        </dl>
        <div class="article-body" lang={site.lang === 'zh-CN' ? undefined : 'zh-CN'} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.attachments.length > 0 ? (
          <section aria-labelledby="attachments">
            <h2 id="attachments">{a.attachments}</h2>
            <ul>
              {article.attachments.map((file) => (
                <li>
                  <a href={newsPaths.file(article.id, file.id)} download={file.fileName}>
                    <Data site={site} text={file.fileName} />
                  </a>{' '}
                  ({a.fileSize(formatCount(site.lang, Math.max(1, Math.round(file.sizeBytes / 1024))))})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </Layout>
  );
};

/** An article taken down (HTTP 410): its title, that it was withdrawn, and the way back. */
export const WithdrawnArticlePage: FC<{ site: Site; id: string; title: string }> = ({ site, id, title }) => {
  const a = articleMessages[site.lang];
  return (
    <Layout site={site} head={{ title: `${a.withdrawnTitle}: ${title} - ${site.m.siteName}`, path: newsPaths.article(id), noindex: true }}>
      <div class="panel">
        <h1>
          <Data site={site} text={title} />
        </h1>
        <p class="notice" id="article-withdrawn">
          <strong>{a.withdrawnTitle}.</strong> {a.withdrawnText}
        </p>
        <p>
          <a href={site.href(newsPaths.home)}>{a.backToNews}</a>
        </p>
      </div>
    </Layout>
  );
};
