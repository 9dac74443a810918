import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { pageFaults, shot, visitor, type Lang } from './public-pages.ts';

const words = {
  'zh-CN': { prefix: '', keywords: '关键词', search: '搜索', duties: '岗位职责', apply: '如何应聘', online: '登录后即可网上应聘', pay: '元/月' },
  en: { prefix: '/en', keywords: 'Keywords', search: 'Search', duties: 'Duties', apply: 'How to apply', online: 'Sign in to apply online', pay: 'yuan a month' },
} as const;

/** From the home page: the keyword 会计, then the district facet 思明区; returns the results' cards. */
async function findAccountantInSiming(page: Page, baseUrl: string, lang: Lang) {
  const w = words[lang];
  await page.goto(`${baseUrl}${w.prefix}/`);
  await page.getByLabel(w.keywords).fill('会计');
  await page.getByRole('button', { name: w.search, exact: true }).click();
  await page.waitForURL(/\/jobs\?q=/);
  await page.getByRole('link', { name: /^思明区 \(\d+\)/ }).click();
  await page.waitForURL(/district=350203/);
  return page.locator('.results .job');
}

describeInBrowser('the public site (公共招聘网): a citizen finds a job without signing in', (session) => {
  for (const width of [375, 1366]) {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`at ${width} px in ${lang}: 会计 in 思明区 by keyword and district, the posting opened; home, search and posting pass axe, none scrolls sideways`, async () => {
        const { baseUrl } = session();
        const w = words[lang];
        const { context, page, refused } = await visitor(session().page.context().browser()!, width, lang);
        try {
          await page.goto(`${baseUrl}${w.prefix}/`);
          expect(await pageFaults(page, lang)).toEqual([]);
          // The way to the workbench stays, discreetly, at the foot of the page.
          expect(await page.getByRole('link', { name: lang === 'en' ? 'Staff sign-in' : '工作人员入口' }).getAttribute('href')).toBe('/admin/');

          const cards = await findAccountantInSiming(page, baseUrl, lang);
          expect(await pageFaults(page, lang)).toEqual([]);
          const count = await cards.count();
          expect(count).toBeGreaterThan(0);
          // Every result is in 思明区, and the keyword and the district are shown as filters that can be taken off.
          for (const text of await cards.allInnerTexts()) expect(text).toContain('思明区');
          await expect.poll(() => page.locator('a.chip.remove').count()).toBe(2);
          const countLine = await page.locator('#result-count').innerText();
          expect(countLine).toContain(String(count));
          if (width === 375) await shot(page, `public-search-${lang}-${width}`);

          const accountant = cards.filter({ hasText: '会计' }).first();
          const title = await accountant.getByRole('heading').innerText();
          await accountant.getByRole('heading').getByRole('link').click();
          await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
          expect(await pageFaults(page, lang)).toEqual([]);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
          const facts = await page.locator('dl.facts').innerText();
          expect(facts).toContain('福建省厦门市思明区');
          expect(facts).toContain(w.pay);
          expect(await page.getByRole('heading', { name: w.duties }).count()).toBe(1);
          const apply = page.locator('section[aria-labelledby="how-to-apply"]');
          expect(await apply.getByRole('heading', { name: w.apply }).count()).toBe(1);
          expect(await apply.innerText()).toContain(w.online);
          // Search engines read the same posting as schema.org JobPosting.
          const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
          expect(ld['@type']).toBe('JobPosting');
          expect(ld['title']).toBe(title);
          if (width === 375) await shot(page, `public-posting-${lang}-${width}`);
          expect(refused).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('gives the search as a well-formed Atom feed of the same postings, linked from the search page, and a well-formed sitemap', async () => {
    const { baseUrl, page } = session();
    await page.goto(`${baseUrl}/jobs?district=350203`);
    const onPage = await page.locator('.results .job h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(onPage.length).toBeGreaterThan(0);
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(feedHref).toBe('/jobs/feed.atom?district=350203');
    const parsed = async (path: string) => {
      const text = await (await page.request.get(`${baseUrl}${path}`)).text();
      return page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const links = [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => entry.getElementsByTagName('link')[0]?.getAttribute('href'));
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`, links };
      }, text);
    };
    const feed = await parsed(feedHref!);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.links.sort()).toEqual([...onPage].sort());
    const sitemap = await parsed('/sitemap.xml');
    expect([sitemap.error, sitemap.root]).toEqual([null, 'http://www.sitemaps.org/schemas/sitemap/0.9 urlset']);
  });

  it('works with JavaScript disabled: the search form, the facets and the posting page need no script', async () => {
    const { baseUrl } = session();
    const { context, page } = await visitor(session().page.context().browser()!, 375, 'zh-CN', false);
    try {
      const cards = await findAccountantInSiming(page, baseUrl, 'zh-CN');
      expect(await cards.count()).toBeGreaterThan(0);
      // A facet folded away opens without script (a <details> element).
      await page.getByText('学历要求', { exact: true }).click();
      expect(await page.locator('details.facet[open]').count()).toBeGreaterThanOrEqual(2);
      await cards.filter({ hasText: '会计' }).first().getByRole('heading').getByRole('link').click();
      await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      expect(await page.locator('dl.facts').innerText()).toContain('思明区');
      // The language switch is a plain link to the same page under /en/.
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/\/en\/jobs\/[0-9a-f-]{36}$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('heading', { name: 'How to apply' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
