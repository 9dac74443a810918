import { expect, it } from 'vitest';
import { accessibilityFaults } from './axe.ts';
import { describeInBrowser } from './browser.ts';
import { phoneFaults } from './layout.ts';

const TITLE = '关于举办2027年春季高校毕业生专场招聘会的通知';

describeInBrowser('the employment work website (就业工作网站): an article goes through review onto the public site', (session) => {
  it('the editor writes an announcement in the workbench, the reviewer publishes it from the inbox, and it is on the public site with its office; the pages pass axe', { timeout: 120_000 }, async () => {
    const { page, baseUrl } = session();
    // A step that cannot be taken fails at its own line, well inside the test's time.
    page.setDefaultTimeout(15_000);
    await session().signIn('caseworker');
    await page.getByRole('menuitem', { name: '新办业务' }).click();
    await page.getByRole('radio', { name: '就业工作网站信息发布' }).check();
    await page.getByLabel('统一社会信用代码或单位名称').fill('厦门市公共就业服务中心');
    await page.getByRole('button', { name: '选择 厦门市公共就业服务中心' }).click();
    await page.locator('.start-panel').getByRole('button', { name: /发起业务/ }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').at(-1)!;

    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '提交审核' }).click();
    const form = page.getByRole('region', { name: '办理', exact: true }).locator('form');
    await form.waitFor();
    await session().choose('栏目', '通知公告');
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('正文（Markdown）').fill('## 时间地点\n\n- 时间：3月14日 9:00—12:00\n- 地点：集美大学体育馆\n\n<script>alert(1)</script>');
    await form.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.case-header').getByText('审核', { exact: true }).waitFor();

    // The reviewer finds it in the inbox and publishes it.
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('reviewer');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    await page.locator(`a[href="#/cases/${caseId}"]`).first().click();
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '审核通过并发布' }).click();
    await page.getByLabel('审核意见').fill('内容准确，同意发布');
    await form.getByRole('button', { name: '审核通过并发布' }).click();
    await page.locator('.case-header').getByText('已发布', { exact: true }).waitFor();
    const records = page.getByRole('region', { name: '办理记录' });
    await records.getByText('审核通过并发布', { exact: true }).waitFor();
    const history = await records.textContent();
    expect(history).toContain('综合窗口经办员（经办员） · 信息发布编辑岗');
    expect(history).toContain('综合审核员（审核员） · 信息发布审核岗');

    // A visitor, without signing in, finds it from the site's header in its column.
    const visitor = await page.context().browser()!.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN' });
    try {
      const reader = await visitor.newPage();
      await reader.goto(`${baseUrl}/`);
      await reader.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '就业资讯' }).click();
      await reader.waitForURL(/\/news$/);
      expect(await accessibilityFaults(reader)).toEqual([]);
      await reader.getByRole('heading', { name: '通知公告' }).getByRole('link').click();
      await reader.waitForURL(/\/news\/announcements$/);
      expect([...(await accessibilityFaults(reader)), ...(await phoneFaults(reader))]).toEqual([]);
      await reader.getByRole('link', { name: TITLE }).click();
      await reader.waitForURL(new RegExp(`/news/articles/${caseId}$`));
      expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(TITLE);
      // The office of the case (the editor's) is named as the publisher.
      expect(await reader.locator('#article-office').innerText()).toBe('思明区公共就业服务中心');
      expect(await reader.getByRole('heading', { name: '时间地点' }).count()).toBe(1);
      expect(await reader.locator('.article-body script').count()).toBe(0);
      expect([...(await accessibilityFaults(reader)), ...(await phoneFaults(reader))]).toEqual([]);
      await reader.goto(`${baseUrl}/en/news/articles/${caseId}`);
      expect(await accessibilityFaults(reader)).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
