import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** The path, query and hash the page is on now, without the origin. */
const where = (url: string) => {
  const { pathname, search, hash } = new URL(url);
  return `${pathname}${search}${hash}`;
};

describeInBrowser('the workbench at /admin/, the public site at /', (session) => {
  it('shows the public home at /, whose link opens the workbench at /admin/, where signing in works', async () => {
    // Before: / was the workbench's sign-in form.
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: '找一份好工作' }).waitFor();
    expect(where(page.url())).toBe('/');
    expect(await page.getByLabel('用户名').count()).toBe(0);

    await page.getByRole('link', { name: '工作人员入口' }).click();
    await page.getByLabel('用户名').waitFor();
    expect(where(page.url())).toBe('/admin/');
    await page.getByLabel('用户名').fill('caseworker');
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    expect(where(page.url())).toBe('/admin/#/tasks');
  });

  it('sends an old bookmark of the workbench (/#/cases, with its query) to the same screen at /admin/', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/#/cases`);
    await page.waitForURL(`${baseUrl}/admin/#/cases`);
    await page.getByRole('table', { name: '业务办件' }).waitFor();
    await page.getByRole('menu').waitFor();

    await page.goto(`${baseUrl}/#/cases?q=zsy`);
    await page.waitForURL(`${baseUrl}/admin/#/cases?q=zsy`);
    expect(await page.getByLabel('查询办件', { exact: true }).inputValue()).toBe('zsy');
    // The move replaces the old address: back does not land on / to be sent forward again.
    await page.goBack();
    expect(where(page.url())).toBe('/admin/#/cases');
  });

  it('redirects /index.html and /admin to /admin/, keeping the hash', async () => {
    const { page, baseUrl } = session();
    for (const [from, to] of [
      ['/index.html#/tasks', '/admin/#/tasks'],
      ['/admin#/cases', '/admin/#/cases'],
    ] as const) {
      await page.goto(`${baseUrl}${from}`);
      await page.getByRole('menu').waitFor();
      expect([from, where(page.url())]).toEqual([from, to]);
    }
    await page.getByRole('table', { name: '业务办件' }).waitFor();
  });
});
