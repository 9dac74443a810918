/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { ARTICLE_CATEGORIES, type ArticleCategory, type PublicArticleSummary } from '../../runtime/articles/index.ts';
import { chinaDay, formatDay } from '../locale.ts';
import { Data } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { articleMessages } from './article-messages.ts';

/** The site paths of the employment work website. */
export const newsPaths = {
  home: '/news',
  search: '/news/search',
  column: (category: ArticleCategory) => `/news/${category}`,
  feed: (category?: ArticleCategory) => (category ? `/news/${category}/feed.atom` : '/news/feed.atom'),
  article: (id: string) => `/news/articles/${id}`,
  file: (id: string, fileId: string) => `/news/articles/${id}/files/${fileId}`,
};

/** One article in a list: its title as a link, its column, the office that published it and the day. */
export const ArticleCard: FC<{ site: Site; article: PublicArticleSummary; showColumn?: boolean }> = ({ site, article, showColumn }) => {
  const a = articleMessages[site.lang];
  return (
    <li class="job">
      <h3>
        <a href={site.href(newsPaths.article(article.id))}>
          <Data site={site} text={article.title} />
        </a>
      </h3>
      <p>
        <Data site={site} text={article.summary} />
      </p>
      <p class="meta">
        {showColumn ? <span>{a.columns[article.category]}</span> : null}
        <span>
          <Data site={site} text={article.officeName} />
        </span>
        <span>
          <time datetime={article.publishedAt}>{formatDay(site.lang, chinaDay(article.publishedAt))}</time>
        </span>
      </p>
    </li>
  );
};

/** The four columns as links, the current one marked. */
export const ColumnNav: FC<{ site: Site; current?: ArticleCategory }> = ({ site, current }) => {
  const a = articleMessages[site.lang];
  return (
    <nav aria-label={a.columnsNav}>
      <ul class="chips">
        {ARTICLE_CATEGORIES.map((category) => (
          <li>
            <a class="chip" href={site.href(newsPaths.column(category))} aria-current={category === current ? 'page' : undefined}>
              {a.columns[category]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};

/** The keyword box of the articles: a plain GET form, working without script. */
export const ArticleSearchForm: FC<{ site: Site; q?: string }> = ({ site, q }) => {
  const a = articleMessages[site.lang];
  return (
    <form class="search-form" role="search" method="get" action={site.href(newsPaths.search)}>
      <div class="field">
        <label for="news-q">{a.searchLabel}</label>
        <input type="search" id="news-q" name="q" value={q ?? ''} placeholder={a.searchPlaceholder} maxlength={50} autocomplete="off" />
      </div>
      <button type="submit">{a.searchButton}</button>
    </form>
  );
};

/** The columns as the home page links them, under the employment news heading. */
export const NewsColumns: FC<{ site: Site }> = ({ site }) => {
  const a = articleMessages[site.lang];
  return (
    <section class="panel" aria-labelledby="news-columns">
      <h2 id="news-columns">
        <a href={site.href(newsPaths.home)}>{a.newsTitle}</a>
      </h2>
      <ColumnNav site={site} />
    </section>
  );
};
