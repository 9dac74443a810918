import type { PostingSitemapEntry } from '../../runtime/postings/types.ts';
import { langs, sitePath } from '../locale.ts';
import { xml } from './xml.ts';

/** The most addresses one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** Each page is listed once per language. */
const PER_PAGE = langs.length;

/** Postings a sitemap file holds, each in every language. */
const POSTINGS_PER_FILE = Math.floor(SITEMAP_LIMIT / PER_PAGE) - 2;

/** One page in every language, each entry naming all of them (`xhtml:link` hreflang, itself included). */
function pageEntries(origin: string, path: string, lastmod?: string): string {
  const alternates = langs.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${xml(origin + sitePath(lang, path))}"/>`).join('');
  return langs
    .map((lang) => `<url><loc>${xml(origin + sitePath(lang, path))}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}${alternates}</url>`)
    .join('\n');
}

const URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';

/** How many sitemap files the postings need: one, unless they pass a file's limit. */
export function sitemapParts(entries: readonly PostingSitemapEntry[]): number {
  return Math.max(1, Math.ceil(entries.length / POSTINGS_PER_FILE));
}

/**
 * `sitemap.xml`: the home page, the search and every live posting with its last change, in both
 * languages. With more postings than one file may list, `/sitemap.xml` is an index of
 * `/sitemap.xml?part=N` files; part 1 also lists home and search, and `pages`, the site's other
 * pages (the service guides).
 */
export function sitemapXml(origin: string, entries: readonly PostingSitemapEntry[], part?: number, pages: readonly string[] = []): string {
  const parts = sitemapParts(entries);
  if (parts > 1 && part === undefined) {
    const files = Array.from({ length: parts }, (_, n) => `<sitemap><loc>${xml(`${origin}/sitemap.xml?part=${n + 1}`)}</loc></sitemap>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`;
  }
  const index = (part ?? 1) - 1;
  const slice = entries.slice(index * POSTINGS_PER_FILE, (index + 1) * POSTINGS_PER_FILE);
  const urls = [...(index === 0 ? [pageEntries(origin, '/'), pageEntries(origin, '/jobs'), ...pages.map((path) => pageEntries(origin, path))] : []), ...slice.map((entry) => pageEntries(origin, `/jobs/${entry.id}`, entry.updatedAt))];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${URLSET}\n${urls.join('\n')}\n</urlset>\n`;
}
