import type { PostingQuery, PostingSearchResult } from '../../runtime/postings/types.ts';
import { facetValueLabel, payText } from '../labels.ts';
import { activeFilters, queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';
import { xml } from './xml.ts';

/** What the feed is of, in words: the keyword and the filters' values (`会计 · 思明区`). */
function searchWords(site: Site, query: PostingQuery): string {
  return [query.q, ...activeFilters(query).map(({ facet, value }) => facetValueLabel(site.lang, facet, value))].filter(Boolean).join(' · ');
}

/**
 * The Atom feed (RFC 4287) of a search: its postings, newest first unless the search says another
 * order, each entry linking to the posting's page; the feed's id is the search's address, so one
 * search is one feed whatever the order of its query string. `selfPath` is another address of the
 * same search's feed (a saved search's personal one), which is then its id and self link.
 */
export function atomFeed(site: Site, query: PostingQuery, result: PostingSearchResult, now: Date, selfPath?: string): string {
  const params = queryParams({ ...query, page: undefined });
  const self = selfPath === undefined ? site.absolute('/jobs/feed.atom', params) : site.absolute(selfPath);
  const newest = result.items.map((item) => item.publishedAt).sort().at(-1) ?? now.toISOString();
  const entries = result.items.map((item) => {
    const url = site.absolute(`/jobs/${item.id}`);
    const summary = [item.employerName, payText(site.lang, item.payMinFen, item.payMaxFen, item.payBasis), item.workAreaName].join(' · ');
    return [
      '<entry>',
      `<id>${xml(url)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `<published>${xml(item.publishedAt)}</published>`,
      `<updated>${xml(item.publishedAt)}</updated>`,
      `<author><name>${xml(item.employerName)}</name></author>`,
      `<summary>${xml(summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.lang}">`,
    `<id>${xml(self)}</id>`,
    `<title>${xml(site.m.feedTitle(searchWords(site, query)))}</title>`,
    `<updated>${xml(newest)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(site.absolute('/jobs', params))}"/>`,
    `<author><name>${xml(site.m.siteName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
