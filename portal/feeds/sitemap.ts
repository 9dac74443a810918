import type { PostingSitemapEntry } from '../../runtime/postings/types.ts';
import { langs, sitePath } from '../locale.ts';
import { xml } from './xml.ts';

/** The most addresses one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** Each page is listed once per language. */
const PER_PAGE = langs.length;

/** Pages a sitemap file holds, each in every language. */
const PAGES_PER_FILE = Math.floor(SITEMAP_LIMIT / PER_PAGE);

/** One page in every language, each entry naming all of them (`xhtml:link` hreflang, itself included). */
function pageEntries(origin: string, path: string, lastmod?: string): string {
  const alternates = langs.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${xml(origin + sitePath(lang, path))}"/>`).join('');
  return langs
    .map((lang) => `<url><loc>${xml(origin + sitePath(lang, path))}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}${alternates}</url>`)
    .join('\n');
}

const URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';

/** A page of the site other than a posting, for part 1 of the sitemap (the articles' columns and pages). */
export interface SitemapPage {
  path: string;
  lastmod?: string;
}

/** How many sitemap files the site needs: one, unless its pages pass a file's limit. */
export function sitemapParts(entries: readonly PostingSitemapEntry[], pages: readonly SitemapPage[] = []): number {
  return Math.max(1, Math.ceil((2 + pages.length + entries.length) / PAGES_PER_FILE));
}

/**
 * `sitemap.xml`: the home page, the search and every live posting with its last change, in both
 * languages. With more postings than one file may list, `/sitemap.xml` is an index of
 * `/sitemap.xml?part=N` files; part 1 starts with home, search and the other `pages` given.
 */
export function sitemapXml(origin: string, entries: readonly PostingSitemapEntry[], part?: number, pages: readonly SitemapPage[] = []): string {
  const parts = sitemapParts(entries, pages);
  if (parts > 1 && part === undefined) {
    const files = Array.from({ length: parts }, (_, n) => `<sitemap><loc>${xml(`${origin}/sitemap.xml?part=${n + 1}`)}</loc></sitemap>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`;
  }
  const index = (part ?? 1) - 1;
  const all: SitemapPage[] = [{ path: '/' }, { path: '/jobs' }, ...pages, ...entries.map((entry) => ({ path: `/jobs/${entry.id}`, lastmod: entry.updatedAt }))];
  const listed = all.slice(index * PAGES_PER_FILE, (index + 1) * PAGES_PER_FILE).map((page) => pageEntries(origin, page.path, page.lastmod));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${URLSET}\n${listed.join('\n')}\n</urlset>\n`;
}
