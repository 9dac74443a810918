import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { SCREENS } from './layout.ts';

type Locale = 'zh-CN' | 'en';
const TEXT = {
  'zh-CN': { username: '用户名', password: '密码', signIn: /登\s*录/, dashboard: '绩效看板', drill: (name: string) => `下钻到${name}`, back: (name: string) => `返回${name}`, market: '市场监测', performance: '绩效考核', month: '月份' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', dashboard: 'Performance dashboard', drill: (name: string) => `Drill into ${name}`, back: (name: string) => `Back to ${name}`, market: 'Market monitoring', performance: 'Performance', month: 'Month' },
} as const;

async function openDashboard(page: Page, baseUrl: string, width: number, locale: Locale): Promise<void> {
  const text = TEXT[locale];
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${baseUrl}/admin/`);
  await page.evaluate((chosen) => {
    localStorage.removeItem('pes.token');
    localStorage.setItem('pes.locale', chosen);
  }, locale);
  await page.goto(`${baseUrl}/admin/#/dashboard`);
  await page.reload();
  await page.getByLabel(text.username).fill('evaluator');
  await page.getByLabel(text.password).fill('demo');
  await page.getByRole('button', { name: text.signIn }).click();
  await page.getByRole('heading', { name: text.dashboard }).waitFor();
}

const hashQuery = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

describeInBrowser('the evaluator dashboard keeps its drill level and filters in the URL', (session) => {
  for (const { width, locale } of SCREENS) {
    it(`at ${width} px in ${locale}: reload, back and a copied link keep the city drilled into, the period, and the tab`, async () => {
      // Before: a reload went back to the province, the last 90 days and the first tab; back left the dashboard.
      const { page, baseUrl } = session();
      const text = TEXT[locale];
      await openDashboard(page, baseUrl, width, locale);
      const toCity = page.getByRole('button', { name: text.drill('厦门市') });
      await toCity.click();
      await page.getByRole('button', { name: text.drill('思明区') }).waitFor();
      expect(hashQuery(page).getAll('unit')).toEqual(['350200:厦门市']);

      await page.locator('.ant-segmented').first().getByText(text.month, { exact: true }).click();
      await expect.poll(() => hashQuery(page).get('period')).toMatch(/^\d{4}-\d{2}$/);
      const month = hashQuery(page).get('period')!;

      await page.reload();
      await page.getByRole('button', { name: text.back('福建省') }).first().waitFor();
      expect(await page.locator('[aria-current="location"]').first().innerText()).toBe('厦门市');
      expect(hashQuery(page).get('period')).toBe(month);
      expect(await page.locator('#evaluator-period').inputValue()).toBe(month);

      await page.getByRole('tab', { name: text.market }).click();
      await expect.poll(() => hashQuery(page).get('tab')).toBe('market');
      // The thresholds in force carry their unit; the 求人倍率 one reads as a ratio (before: a bare 80 beside a ratio of 2).
      const note = page.getByText(locale === 'zh-CN' ? /^现行阈值/ : /^Thresholds in force/);
      await note.waitFor();
      expect(await note.innerText()).toContain(locale === 'zh-CN' ? '超过阈值 10%' : 'threshold 10%');
      expect(await note.innerText()).toContain(locale === 'zh-CN' ? '0.80 倍（80%）' : '0.80 (80%)');
      const link = page.url();
      await page.goto(`${baseUrl}/admin/#/tasks`);
      await page.goto(link);
      await expect.poll(() => page.getByRole('tab', { name: text.market, selected: true }).count()).toBe(1);
      await page.getByRole('button', { name: text.back('福建省') }).first().waitFor();

      // Back, one step at a time: the inbox, the market tab, the performance tab in that month, the default period, the province.
      await page.goBack();
      await page.goBack();
      await page.goBack();
      await expect.poll(() => page.getByRole('tab', { name: text.performance, selected: true }).count()).toBe(1);
      expect([hashQuery(page).get('period'), hashQuery(page).get('tab')]).toEqual([month, null]);
      await page.goBack();
      await page.goBack();
      await page.getByRole('button', { name: text.drill('厦门市') }).waitFor();
      expect(hashQuery(page).getAll('unit')).toEqual([]);
      await session().screenshot(`dashboard-url-${width}-${locale}`);
    });
  }
});
