import type { ArticleCategory, ArticleListResult } from '../../runtime/articles/index.ts';
import { xml } from '../feeds/xml.ts';
import type { Site } from '../site.ts';
import { articleMessages } from './article-messages.ts';
import { newsPaths } from './article-parts.tsx';

/**
 * The Atom feed (RFC 4287) of a column, or of every column: its newest articles, each entry
 * linking to the article's page and naming the office that published it as its author.
 */
export function articleFeed(site: Site, category: ArticleCategory | undefined, result: ArticleListResult, now: Date): string {
  const a = articleMessages[site.lang];
  const self = site.absolute(newsPaths.feed(category));
  const newest = result.items.map((item) => item.publishedAt).sort().at(-1) ?? now.toISOString();
  const entries = result.items.map((item) => {
    const url = site.absolute(newsPaths.article(item.id));
    return [
      '<entry>',
      `<id>${xml(url)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `<published>${xml(item.publishedAt)}</published>`,
      `<updated>${xml(item.publishedAt)}</updated>`,
      `<author><name>${xml(item.officeName)}</name></author>`,
      `<category term="${xml(item.category)}" label="${xml(a.columns[item.category])}"/>`,
      `<summary>${xml(item.summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.lang}">`,
    `<id>${xml(self)}</id>`,
    `<title>${xml(a.feedTitle(category ? a.columns[category] : a.feedAll))}</title>`,
    `<updated>${xml(newest)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(site.absolute(category ? newsPaths.column(category) : newsPaths.home))}"/>`,
    `<author><name>${xml(site.m.siteName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
