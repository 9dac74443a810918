import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { pageFaults } from './public-pages.ts';

/**
 * Issue 17 item 8, 公示, as a visitor meets it: the demo's start-up subsidy under public notice is on
 * the site with the name masked (周立军 → 周*军), in both languages; an objection sent from its page
 * with a wrong phone is refused beside the field, then sent, and the notice leaves the site. Every
 * page passes axe-core (no serious or critical finding) and none scrolls sideways on a phone.
 */
describeInBrowser('public notices (公示): a visitor reads a notice and objects to it', (session) => {
  it('shows the demo notice masked in zh-CN and English, refuses a bad phone beside its field, takes the objection, and the notice is gone', async () => {
    const { baseUrl } = session();
    const context = await session().page.context().browser()!.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: '公示公告' }).click();
      await page.waitForURL(/\/notices$/);
      expect(await pageFaults(page, 'zh-CN')).toEqual([]);
      const notice = page.locator('.results .job', { hasText: '周*军' });
      expect(await notice.innerText()).toContain('一次性创业补贴拟发放名单');
      expect(await page.locator('body').innerText()).not.toContain('周立军');

      await notice.getByRole('link').click();
      await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
      const address = page.url();
      expect(await pageFaults(page, 'zh-CN')).toEqual([]);
      expect(await page.locator('dl.facts').innerText()).toContain('周*军');

      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/\/en\/notices\//);
      expect(await pageFaults(page, 'en')).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Start-up subsidy: proposed recipients');

      await page.goto(address);
      await page.getByLabel('您的姓名').fill('陈美玲');
      // 11 digits that are no mobile number: the browser's pattern would stop it, so the form goes as a script would send it.
      await page.getByLabel('手机号码').evaluate((input) => input.removeAttribute('pattern'));
      await page.getByLabel('手机号码').fill('12345678901');
      await page.getByLabel('异议理由').fill('据我所知，申请人此前已开办过汽车美容店，并非首次创业。');
      await page.getByRole('button', { name: '提交异议' }).click();
      await page.locator('#objection-phone-error').waitFor();
      expect(await page.locator('#objection-phone-error').innerText()).toBe('请输入有效的11位手机号码');
      expect(await page.getByLabel('异议理由').inputValue()).toContain('并非首次创业');
      expect(await pageFaults(page, 'zh-CN')).toEqual([]);

      await page.getByLabel('手机号码').fill('13805920011');
      await page.getByRole('button', { name: '提交异议' }).click();
      await page.waitForURL(/\/notices\/objection-received$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('异议已收到');
      expect(await pageFaults(page, 'zh-CN')).toEqual([]);

      // The case went back to verification: its notice is off the site.
      await page.goto(`${baseUrl}/notices`);
      expect(await page.locator('.results .job', { hasText: '周*军' }).count()).toBe(0);
      expect((await page.goto(address))!.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
