import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { call, openDraft, saveAndPublish } from './configurator.ts';
import { pageFaults, shot, visitor } from './public-pages.ts';

const PROCESS = 'unemployment-registration';
const GUIDE = `/guides/${PROCESS}?city=350200`;

describeInBrowser('service guides (办事指南): generated from the definition in force for the city', (session) => {
  // A whole story across the workbench and the public site in two languages: 40 s on a quiet machine, past the
  // default 60 s once on a machine loaded by other work.
  it('厦门市’s configurator shortens the review in the workbench; the public 失业登记 guide shows it at once, in both languages, and passes axe on a phone', { timeout: 120_000 }, async () => {
    const { baseUrl, page } = session();
    const { context, page: citizen, refused } = await visitor(page.context().browser()!, 375, 'zh-CN');
    await session().signIn('configurator');
    // Other files on this server may have left a 失业登记 draft: start from none, and leave the ministry's flow in force after.
    await call(page, 'PUT', `/processes/${PROCESS}/overlay`, { operations: [], parameters: [], locks: [] });
    try {
      // A citizen finds the guide from the header.
      await citizen.goto(`${baseUrl}/`);
      await citizen.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '办事指南' }).click();
      await citizen.getByRole('link', { name: '失业登记', exact: true }).click();
      await citizen.waitForURL(/\/guides\/unemployment-registration\?city=\d{6}$/);
      await citizen.goto(`${baseUrl}${GUIDE}`);
      const review = citizen.locator('li[data-state="submitted"]');
      expect(await review.innerText()).toContain('3 个工作日');
      expect(await citizen.locator('#total-limit').innerText()).toBe('4 个工作日');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);

      await openDraft(page, '流程配置', '流程配置', '失业登记', '草稿编辑');
      await page.getByRole('tab', { name: '流程调整' }).click();
      await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '审核', exact: true }).click();
      await page.getByLabel('办理时限（工作日）').fill('2');
      await page.getByRole('button', { name: '修改时限' }).click();
      const version = await saveAndPublish(page);

      await citizen.reload();
      expect(await review.innerText()).toContain('2 个工作日');
      expect(await citizen.locator('#total-limit').innerText()).toBe('3 个工作日');
      expect(await citizen.getByText(`第 ${version} 版（现行）`).count()).toBe(1);
      await shot(citizen, 'public-guide-zh-CN-375');
      await citizen.getByRole('link', { name: 'English' }).click();
      await citizen.waitForURL(/\/en\/guides\/unemployment-registration\?city=350200$/);
      expect(await review.innerText()).toContain('2 working days');
      expect(await pageFaults(citizen, 'en')).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
      await call(page, 'PUT', `/processes/${PROCESS}/overlay`, { operations: [], parameters: [], locks: [] });
      await call(page, 'POST', `/processes/${PROCESS}/overlay/publish`).catch(() => undefined);
    }
  });
});
