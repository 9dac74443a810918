import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { createServerApp } from '../../runtime/http/server-app.ts';
import { vacancyPostingForm } from '../support/fixtures.ts';
import { act, postVacancy } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const FIRM = '91350203MA2Y3K1B9C';
const HAULIER = '91350100M000100Y43';

/** What each posting gives the service and never the public: distinct, so a leak names its posting. */
const contact = (n: number) => ({ contactName: `联系人${'甲乙丙丁'[n]}`, contactPhone: `1390592100${n}` });

const postings = {
  accountant: {
    title: '财务会计', occupation: '2-06-03-00', industry: '7241', workArea: '350203', education: '20', payMinFen: 600_000, payMaxFen: 750_000, experienceYears: 2,
    duties: '负责日常账务处理、编制财务报表和纳税申报。', requirements: '持有会计专业技术资格证书者优先。', validUntil: '2026-12-31', ...contact(0),
  },
  clerk: { title: '仓库管理员', workArea: '350206', ...contact(1) },
  withdrawn: { title: '出纳会计', occupation: '2-06-03-00', workArea: '350203', ...contact(2) },
  draft: { title: '审计助理会计', occupation: '2-06-03-00', workArea: '350203', ...contact(3) },
};
type Key = keyof typeof postings;

describe.each(backends)('the public site on the postings of the database (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  const ids = {} as Record<Key, string>;
  const get = (path: string) => app.request(path);

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    app = createPortalApp(t.rt);
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const employer = async (creditCode: string, name: string) => (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode, name } })).body.id as string;
    const firm = await employer(FIRM, '厦门思明示例咨询有限公司');
    const haulier = await employer(HAULIER, '厦门海沧示例物流有限公司');
    const post = async (key: Key, employerId: string, creditCode: string, publish = true) => {
      ids[key] = await postVacancy(t, { caseworker, reviewer }, employerId, vacancyPostingForm(creditCode, { validFrom: '2026-11-02', ...postings[key] }), publish);
    };
    await post('accountant', firm, FIRM);
    await post('clerk', haulier, HAULIER);
    await post('withdrawn', firm, FIRM);
    await act(t, caseworker, ids.withdrawn, 'withdraw', { withdrawalReason: '岗位取消' });
    await post('draft', firm, FIRM, false);
  }, 180_000);
  afterAll(() => t?.close());

  it('answers the home page in zh-CN at / and in English at /en/, with the newest postings, the old-link script and the staff entrance', async () => {
    const zh = await get('/');
    expect([zh.status, zh.headers.get('content-type')]).toEqual([200, 'text/html; charset=UTF-8']);
    const zhHtml = await zh.text();
    expect(zhHtml).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(zhHtml).toContain('<script src="/admin-links.js"></script>');
    expect(zhHtml).toContain('<a href="/admin/" rel="nofollow">工作人员入口</a>');
    expect(zhHtml).toContain(`href="/jobs/${ids.accountant}"`);
    expect(zhHtml).toContain(`href="/jobs/${ids.clerk}"`);
    expect(zhHtml).not.toContain(ids.withdrawn);
    expect(zhHtml).not.toContain(ids.draft);
    const en = await (await get('/en/')).text();
    expect(en).toMatch(/^<!doctype html><html lang="en">/);
    expect(en).toContain('Staff sign-in');
    expect(en).toContain(`href="/en/jobs/${ids.accountant}"`);
    expect(en).toContain('<link rel="alternate" hreflang="zh-CN" href="http://localhost/"/>');
    expect((await get('/en')).headers.get('location')).toBe('/en/');
  });

  it('searches by a two-character word and the district facet: the count, the facet with its count, removable filters, the feed link', async () => {
    const html = await (await get(`/jobs?q=${encodeURIComponent('会计')}&district=350203`)).text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('找到 1 个岗位');
    expect(html).toContain(`href="/jobs/${ids.accountant}"`);
    expect(html).not.toContain(ids.clerk);
    // The district chosen, with its count, links to the search without it; the keyword can be taken off too.
    expect(html).toMatch(/<a class="chip" href="\/jobs\?q=%E4%BC%9A%E8%AE%A1" aria-current="true" rel="nofollow">思明区 <span class="count">\(1\)<\/span>/);
    expect(html).toContain('aria-label="移除条件：关键词：会计"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="订阅此搜索（Atom）" href="/jobs/feed.atom?q=%E4%BC%9A%E8%AE%A1&amp;district=350203"/>');
    // Without the district, the facet counts both districts' postings.
    const wide = await (await get('/jobs')).text();
    expect(wide).toContain('找到 2 个岗位');
    expect(wide).toMatch(/href="\/jobs\?district=350203" rel="nofollow">思明区 <span class="count">\(1\)/);
    expect(wide).toMatch(/href="\/jobs\?district=350206" rel="nofollow">湖里区 <span class="count">\(1\)/);
    // Occupations by major group; the groups below one are offered once it is chosen.
    expect(wide).toMatch(/href="\/jobs\?occupation=2" rel="nofollow">专业技术人员 <span class="count">\(1\)/);
    expect(wide).not.toContain('occupation=2-06');
    const major = await (await get('/jobs?occupation=2')).text();
    expect(major).toMatch(/href="\/jobs\?occupation=2-06" rel="nofollow">[^<]+ <span class="count">\(1\)/);
    expect(major).not.toContain('occupation=4-02"');
  });

  it('explains an empty result and offers to take the filters off', async () => {
    const html = await (await get(`/en/jobs?q=${encodeURIComponent('潜水员')}&district=350206`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('0 jobs found');
    expect(html).toContain('No open job matches “<span lang="zh-CN">潜水员</span>”.');
    expect(html).toContain('<a href="/en/jobs?q=%E6%BD%9C%E6%B0%B4%E5%91%98">Remove filter: District: <span lang="zh-CN">湖里区</span></a>');
    expect(html).toContain('<a href="/en/jobs">Clear all filters</a>');
  });

  it('shows a live posting with its details and its schema.org JobPosting', async () => {
    const response = await get(`/jobs/${ids.accountant}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const text of ['财务会计', '厦门思明示例咨询有限公司', '6,000–7,500 元/月', '福建省厦门市思明区', '大学本科／专科教育', '全日制', '2026年11月2日至2026年12月31日', '负责日常账务处理', '持有会计专业技术资格证书者优先', '登录后即可网上应聘']) {
      expect(html, text).toContain(text);
    }
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, any>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: '财务会计',
      datePosted: '2026-11-02T01:00:00.000Z',
      validThrough: '2026-12-31T23:59:59+08:00',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: '厦门思明示例咨询有限公司', identifier: { value: FIRM } },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressRegion: '福建省', addressLocality: '厦门市思明区', addressCountry: 'CN' } },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'CNY', value: { '@type': 'QuantitativeValue', minValue: 6000, maxValue: 7500, unitText: 'MONTH' } },
      url: `http://localhost/jobs/${ids.accountant}`,
    });
    expect(ld['description']).toContain('负责日常账务处理');
    const en = await (await get(`/en/jobs/${ids.accountant}`)).text();
    expect(en).toContain('6,000–7,500 yuan a month');
    expect(en).toContain('Sign in to apply online');
  });

  it('says a withdrawn posting is closed with 410, and answers 404 for a posting never public or no posting at all', async () => {
    const gone = await get(`/jobs/${ids.withdrawn}`);
    expect(gone.status).toBe(410);
    const goneHtml = await gone.text();
    expect(goneHtml).toContain('该岗位已由用人单位撤回，不再接受应聘。');
    expect(goneHtml).toContain('<meta name="robots" content="noindex"/>');
    expect(goneHtml).not.toContain('application/ld+json');
    for (const path of [`/jobs/${ids.draft}`, '/jobs/00000000-0000-4000-8000-000000000000', '/jobs/not-a-posting', '/en/jobs/x/y']) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).toContain(path.startsWith('/en') ? 'Page not found' : '找不到该页面');
    }
  });

  it('lists home, search, the news columns, the service guides and the live postings only in the sitemap, with their last change; robots.txt names it', async () => {
    const response = await get('/sitemap.xml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const guides = ['/guides', '/guides/job-referral', '/guides/job-seeking', '/guides/start-up-subsidy', '/guides/unemployment-registration', '/guides/vacancy-posting'].flatMap((path) => [`${path}?city=350200`, `/en${path}?city=350200`]);
    expect(locs.sort()).toEqual(
      ['/', '/en/', '/jobs', '/en/jobs', ...guides, ...['', '/policies', '/news', '/announcements', '/guides'].flatMap((column) => [`/news${column}`, `/en/news${column}`]), `/jobs/${ids.accountant}`, `/en/jobs/${ids.accountant}`, `/jobs/${ids.clerk}`, `/en/jobs/${ids.clerk}`].map((path) => `http://localhost${path}`).sort(),
    );
    expect(xml).toMatch(new RegExp(`<loc>http://localhost/jobs/${ids.accountant}</loc><lastmod>2026-11-02T01:00:00\\.\\d{3}Z</lastmod>`));
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toBe('User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/\nDisallow: /verify/\n\nSitemap: http://localhost/sitemap.xml\n');
  });

  it('gives any search as an Atom feed of its postings', async () => {
    const response = await get(`/jobs/feed.atom?q=${encodeURIComponent('会计')}`);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = await response.text();
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    // The elements RFC 4287 requires of a feed and of each entry.
    for (const element of ['id', 'title', 'updated', 'author']) expect(feed, element).toMatch(new RegExp(`^<${element}>`, 'm'));
    const entries = [...feed.matchAll(/<entry>(.*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain(`<id>http://localhost/jobs/${ids.accountant}</id>`);
    expect(entries[0]).toContain('<title>财务会计</title>');
    expect(entries[0]).toContain('<updated>2026-11-02T01:00:00.000Z</updated>');
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="http://localhost/jobs/${ids.accountant}"/>`);
    const all = await (await get('/en/jobs/feed.atom')).text();
    expect([...all.matchAll(/<entry>/g)]).toHaveLength(2);
    expect(all).toContain('xml:lang="en"');
  });

  it('shows no contact person, contact phone or ID number on any public page', async () => {
    const paths = ['/', '/en/', '/jobs', '/en/jobs?q=%E4%BC%9A%E8%AE%A1', '/jobs/feed.atom', '/sitemap.xml', ...Object.values(ids).flatMap((id) => [`/jobs/${id}`, `/en/jobs/${id}`])];
    for (const path of paths) {
      const body = await (await get(path)).text();
      for (const n of [0, 1, 2, 3]) {
        expect(body, path).not.toContain(contact(n).contactName);
        expect(body, path).not.toContain(contact(n).contactPhone);
      }
      expect(body, path).not.toMatch(/\b\d{17}[\dXx]\b/);
    }
  });

  it('is what the server answers at its paths, before the workbench, which keeps every other path', async () => {
    const uiDir = mkdtempSync(join(tmpdir(), 'pes-ui-'));
    writeFileSync(join(uiDir, 'index.html'), '<html><head><meta property="csp-nonce" nonce="PES_CSP_NONCE" /></head><body>workbench</body></html>');
    try {
      const server = createServerApp(t.rt, uiDir);
      for (const path of ['/', '/en/', '/jobs?q=x', `/jobs/${ids.accountant}`, '/jobs/feed.atom', '/sitemap.xml', '/robots.txt']) {
        const response = await server.request(path);
        expect([path, response.status, response.headers.get('content-security-policy')]).toEqual([path, 200, "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"]);
      }
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(await (await server.request('/')).text())![1]!;
      expect((await server.request(stylesheet)).status).toBe(200);
      expect(await (await server.request('/admin/')).text()).toContain('workbench');
      // Any other path is the workbench's to answer (its page, a redirect to it, or its not-found page), never the site's.
      for (const path of ['/index.html', '/cases/any-client-route', '/jobsearch']) {
        const response = await server.request(path);
        expect([path, response.headers.get('content-security-policy')]).not.toEqual([path, expect.stringContaining("default-src 'none'; script-src 'self'; style-src 'self'")]);
      }
    } finally {
      rmSync(uiDir, { recursive: true, force: true });
    }
  });
});
