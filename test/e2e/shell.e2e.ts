import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { SCREENS } from './layout.ts';

type Locale = 'zh-CN' | 'en';
const LOCALES: Locale[] = ['zh-CN', 'en'];
const TEXT = {
  'zh-CN': { username: '用户名', password: '密码', signIn: /登\s*录/, expired: '登录已失效，请重新登录；登录后回到刚才的页面', app: '公共就业服务平台', tasks: '待办任务', cases: '业务办件', start: '新办业务', case: '办件详情', signInTitle: '登录' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', expired: 'Your session has ended: sign in again to return to where you were', app: 'Public Employment Services', tasks: 'Tasks', cases: 'Cases', start: 'Start a case', case: 'Case', signInTitle: 'Sign in' },
} as const;

/** Opens the UI at `width` in `locale` (as the language switch leaves it) and signs in from the form. */
async function openSignedIn(page: Page, baseUrl: string, width: number, locale: Locale, username: string, hash = ''): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${baseUrl}/admin/`);
  await page.evaluate((chosen) => {
    localStorage.removeItem('pes.token');
    localStorage.setItem('pes.locale', chosen);
  }, locale);
  await page.goto(`${baseUrl}/admin/${hash}`);
  await page.reload();
  await signInFromForm(page, locale, username);
}

async function signInFromForm(page: Page, locale: Locale, username: string): Promise<void> {
  const text = TEXT[locale];
  await page.getByLabel(text.username).fill(username);
  await page.getByLabel(text.password).fill('demo');
  await page.getByRole('button', { name: text.signIn }).click();
  // Signed in when the form is gone (the menu itself sits in a drawer on a phone).
  await page.getByRole('button', { name: text.signIn }).waitFor({ state: 'detached' });
}

/** Ends the page's session on the server, as an expiry or a sign-out elsewhere does; the page still holds its token. */
async function endSessionElsewhere(page: Page, baseUrl: string): Promise<void> {
  const token = await page.evaluate(() => localStorage.getItem('pes.token'));
  const response = await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBeLessThan(300);
}

describeInBrowser('the shell: an expired session, the tab title, the menu', (session) => {
  for (const { width, locale } of SCREENS) {
    it(`at ${width} px in ${locale}, a session that ended sends the next screen to sign-in, and back to it with its query after`, async () => {
      // Before: the screen said 请先登录 with a 重试 that could not succeed, and stayed there.
      const { page, baseUrl } = session();
      const text = TEXT[locale];
      await openSignedIn(page, baseUrl, width, locale, 'caseworker', '#/tasks');
      await page.getByRole('heading', { name: text.tasks }).waitFor();
      await endSessionElsewhere(page, baseUrl);

      await page.evaluate(() => {
        window.location.hash = '/cases/new?process=unemployment-registration';
      });
      await page.getByTestId('session-expired').getByText(text.expired).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('pes.token'))).toBeNull();
      expect(await page.getByText(locale === 'zh-CN' ? '请先登录' : 'Authentication is required').count()).toBe(0);
      expect(await page.title()).toBe(`${text.signInTitle} - ${text.app}`);

      await signInFromForm(page, locale, 'caseworker');
      await page.getByRole('heading', { name: text.start }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/cases/new?process=unemployment-registration');
      await expect.poll(() => page.getByRole('radio', { checked: true }).count()).toBe(1);
      expect(await page.getByTestId('session-expired').count()).toBe(0);
      await session().screenshot(`shell-after-expiry-${width}-${locale}`);
    });

    it(`at ${width} px in ${locale}, the tab names the screen in the UI language`, async () => {
      // Before: every tab said 公共就业服务平台, whatever the screen and language.
      const { page, baseUrl } = session();
      const text = TEXT[locale];
      await openSignedIn(page, baseUrl, width, locale, 'caseworker', '#/tasks');
      await page.getByRole('heading', { name: text.tasks }).waitFor();
      await expect.poll(() => page.title()).toBe(`${text.tasks} - ${text.app}`);
      await page.evaluate(() => (window.location.hash = '/cases'));
      await expect.poll(() => page.title()).toBe(`${text.cases} - ${text.app}`);
      await page.evaluate(() => (window.location.hash = '/cases/new'));
      await expect.poll(() => page.title()).toBe(`${text.start} - ${text.app}`);
      // The case list is a table on a desktop and cards on a phone: its first case number either way.
      const caseLink = page.getByLabel(text.cases, { exact: true }).getByRole('link').first();
      await page.evaluate(() => (window.location.hash = '/cases'));
      await caseLink.waitFor();
      await caseLink.click();
      await expect.poll(() => page.title()).toBe(`${text.case} - ${text.app}`);
    });
  }

  for (const locale of LOCALES) {
    it(`in ${locale}, the menu marks the one entry the screen belongs to`, async () => {
      const { page, baseUrl } = session();
      const text = TEXT[locale];
      await openSignedIn(page, baseUrl, 1366, locale, 'caseworker', '#/tasks');
      const selected = () => page.locator('.ant-menu-item-selected').allInnerTexts();
      await page.getByRole('menuitem', { name: text.start }).click();
      await page.getByRole('heading', { name: text.start }).waitFor();
      await expect.poll(selected).toEqual([text.start]);
      await page.getByRole('menuitem', { name: text.cases }).click();
      await expect.poll(selected).toEqual([text.cases]);
      await page.getByRole('menuitem', { name: text.tasks }).click();
      await expect.poll(selected).toEqual([text.tasks]);
    });
  }
});
