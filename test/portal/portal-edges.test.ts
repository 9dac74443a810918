import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { parseQuery, queryParams } from '../../portal/search-query.ts';
import type { PostingQuery, PostingSearchResult, PublicPostingDetail, PublicPostings } from '../../runtime/postings/types.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { testConfig } from '../support/seeded-databases.ts';

/**
 * The public site's own rules, on postings handed to it rather than read from a database: what a
 * posting's text can do to the page, malformed queries, the sitemap past one file, headers, size.
 * The database suite (portal-pages.test.ts) tries the same pages on the real postings.
 */

const hostile: PublicPostingDetail = {
  id: '0a1b2c3d-1111-4222-8333-444455556666',
  caseNo: 'VP3502032026000012',
  title: '会计</script><script>alert(1)</script>',
  employerName: '厦门<b>鹭江</b>餐饮管理有限公司',
  workArea: '350203',
  workAreaName: '思明区',
  occupation: '2-06-01-02',
  occupationName: '会计专业人员',
  payMinFen: 600_050,
  payMaxFen: 800_000,
  payBasis: 'monthly',
  education: '20',
  employmentForm: 'full-time',
  headcount: 2,
  publishedAt: '2026-12-03T02:00:00.000Z',
  validUntil: '2027-01-31',
  duties: '负责账务。\n<img src=x onerror=alert(2)>',
  requirements: null,
  industry: null,
  industryName: null,
  skillLevel: null,
  experienceYears: null,
  validFrom: '2026-12-03',
  employerCreditCode: '91350203MA2Y0X1234',
};

const noFacets = { district: [], occupation: [], industry: [], salary: [], education: [], employmentForm: [], postedWithin: [] };

/** Postings from memory; every search it is asked is kept. */
function fakePostings(sitemapSize = 1): PublicPostings & { asked: PostingQuery[] } {
  const asked: PostingQuery[] = [];
  return {
    asked,
    search: async (query): Promise<PostingSearchResult> => {
      asked.push(query);
      return { total: 1, page: query.page ?? 1, pageSize: query.pageSize ?? 20, items: [hostile], facets: noFacets };
    },
    page: async (id) => (id === hostile.id ? { status: 'live', posting: hostile } : undefined),
    sitemap: async () => Array.from({ length: sitemapSize }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, updatedAt: '2026-12-01T00:00:00.000Z' })),
  };
}

function portal(postings: PublicPostings, trustProxy = false) {
  const rt = { config: testConfig({ trustProxy }), clock: () => new Date('2026-12-05T02:00:00Z') } as RuntimeContext;
  return createPortalApp(rt, { postings, guides: { cities: async () => [], list: async () => undefined, guide: async () => undefined } });
}

describe('the public site on postings handed to it', () => {
  it('writes a posting’s text as text: no markup of it in the page, its JSON-LD closed only by itself', async () => {
    const response = await portal(fakePostings()).request(`/jobs/${hostile.id}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>鹭江');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]![1]!) as { title: string; description: string; baseSalary: { value: { minValue: number } } };
    expect(ld.title).toBe(hostile.title);
    expect(ld.description).toContain('&#60;img src=x onerror=alert(2)&#62;');
    expect(ld.baseSalary.value.minValue).toBe(6000.5);
    expect(html).toContain('6,000.50–8,000 元/月');
  });

  it('drops malformed query values instead of passing them on, strips control characters, caps the page', async () => {
    const postings = fakePostings();
    const app = portal(postings);
    const response = await app.request(`/jobs?q=${encodeURIComponent(' 会计\u0000 出纳 ')}&district=35&occupation=x&industry=ZZ&salary=huge&postedWithin=2&sort=random&page=99999&education=${'9'.repeat(20)}`);
    expect(response.status).toBe(200);
    expect(postings.asked).toEqual([{ q: '会计 出纳', page: 500, pageSize: 20 }]);
    expect(parseQuery(new URLSearchParams('district=350203&q=会计&sort=date&page=1&salary=5k-8k&postedWithin=7'))).toEqual({ q: '会计', district: '350203', salary: '5k-8k', postedWithin: 7, sort: 'date' });
    // One search, one address: the same filters in another order give the same query string.
    const a = queryParams(parseQuery(new URLSearchParams('salary=5k-8k&q=会计&district=350203')));
    const b = queryParams(parseQuery(new URLSearchParams('district=350203&salary=5k-8k&q=会计')));
    expect(a.toString()).toBe(b.toString());
  });

  it('splits the sitemap into an index of parts past 50,000 addresses, each part within the limit', async () => {
    const app = portal(fakePostings(30_000));
    const index = await (await app.request('/sitemap.xml')).text();
    expect(index).toContain('<sitemapindex');
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(parts.map((url) => url.pathname + url.search)).toEqual(['/sitemap.xml?part=1', '/sitemap.xml?part=2']);
    let postings = 0;
    for (const url of parts) {
      const part = await (await app.request(url.pathname + url.search)).text();
      const locs = [...part.matchAll(/<loc>/g)].length;
      expect(locs).toBeLessThanOrEqual(50_000);
      postings += [...part.matchAll(/<loc>http:\/\/localhost\/jobs\/0{8}/g)].length;
    }
    expect(postings).toBe(30_000);
    const small = await (await portal(fakePostings(3)).request('/sitemap.xml')).text();
    expect(small).toContain('<urlset');
  });

  it('sends its pages under a strict policy of its own, its stylesheet by a hashed name cached for a year', async () => {
    const app = portal(fakePostings());
    const home = await app.request('/');
    const policy = home.headers.get('content-security-policy')!;
    expect(policy).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    expect([home.headers.get('x-frame-options'), home.headers.get('x-content-type-options'), home.headers.get('cache-control')]).toEqual(['DENY', 'nosniff', 'no-cache']);
    const html = await home.text();
    // Nothing inline for the policy to refuse: no style attribute or element, no script but the two allowed kinds.
    expect(html).not.toMatch(/<style|style="/);
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/admin-links.js">']);
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    expect(href).toMatch(/^\/portal-assets\/portal\.[0-9a-f]{12}\.css$/);
    const css = await app.request(href);
    expect([css.status, css.headers.get('cache-control'), css.headers.get('content-type')]).toEqual([200, 'public, max-age=31536000, immutable', 'text/css; charset=utf-8']);
    expect((await app.request('/portal-assets/portal.000000000000.css')).status).toBe(404);
    // The first page with its stylesheet, gzipped, stays far under 100 KB.
    const bytes = gzipSync(html).length + gzipSync(await css.text()).length;
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it('sends /jobs/ and /en to the addresses it names its pages by, keeping the query', async () => {
    const app = portal(fakePostings());
    for (const [from, to] of [['/jobs/?q=%E4%BC%9A%E8%AE%A1', '/jobs?q=%E4%BC%9A%E8%AE%A1'], ['/en/jobs/', '/en/jobs'], ['/en', '/en/']] as const) {
      const response = await app.request(from);
      expect([from, response.status, response.headers.get('location')]).toEqual([from, 301, to]);
    }
  });

  it('takes the origin of its absolute links from a trusted proxy only, and only a well-formed host', async () => {
    const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'jobs.example.cn' };
    expect(await (await portal(fakePostings(), true).request('/robots.txt', { headers: forwarded })).text()).toContain('Sitemap: https://jobs.example.cn/sitemap.xml');
    expect(await (await portal(fakePostings(), false).request('/robots.txt', { headers: forwarded })).text()).toContain('Sitemap: http://localhost/sitemap.xml');
    const bad = { 'X-Forwarded-Host': 'evil.example"><script>' };
    expect(await (await portal(fakePostings(), true).request('/robots.txt', { headers: bad })).text()).toContain('Sitemap: http://localhost/sitemap.xml');
  });
});
