import { expect, it } from 'vitest';
import { DEMO_PUBLIC_ACCOUNTS } from '../../runtime/seed/demo-public-accounts.ts';
import { describeInBrowser } from './browser.ts';
import { fillPosting, publishPosting } from './employer-postings.ts';
import { pageFaults } from './public-pages.ts';

/** The demo employer (厦门鹭源财务咨询有限公司), as the sign-in page lists it in demo mode. */
const demoEmployer = DEMO_PUBLIC_ACCOUNTS.find((account) => account.kind === 'employer')!;

describeInBrowser('employer self-service: a posting goes live when a caseworker approves it and leaves when withdrawn', (session) => {
  it('the demo employer signs in, submits a posting, the reviewer approves it in the workbench, it is live; withdrawn, it is gone (410); every page passes axe', async () => {
    const { baseUrl } = session();
    const context = await session().page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const employer = await context.newPage();
    const title = `记账会计（${Date.now() % 100_000}）`;
    try {
      // Signed out, the employer's pages send to the sign-in form, which lists the demo accounts in demo mode.
      await employer.goto(`${baseUrl}/employer/postings`);
      await employer.waitForURL(/\/login\?/);
      expect(await employer.locator('#demo-accounts').innerText()).toContain(demoEmployer.login);
      await employer.getByLabel('统一社会信用代码').fill(demoEmployer.login);
      await employer.getByLabel('密码').fill(demoEmployer.password);
      await employer.getByRole('button', { name: '登录' }).click();
      await employer.waitForURL(/\/employer\/postings$/);
      expect(await pageFaults(employer, 'zh-CN')).toEqual([]);

      await employer.getByRole('link', { name: '发布新岗位' }).click();
      await employer.waitForURL(/\/employer\/postings\/new$/);
      expect(await pageFaults(employer, 'zh-CN')).toEqual([]);
      // Sent with a required field left empty, the form comes back with the field's message, nothing written.
      await fillPosting(employer, title);
      await employer.getByLabel('岗位职责').fill('');
      await employer.getByRole('button', { name: '提交审核' }).click();
      await employer.locator('#posting-duties-error').getByText('必填').waitFor();
      expect(await pageFaults(employer, 'zh-CN')).toEqual([]);
      await employer.getByLabel('岗位职责').fill('负责企业客户的记账、报税与财务报表编制。');
      await employer.getByRole('button', { name: '提交审核' }).click();
      await employer.waitForURL(/\/employer\/postings\/[0-9a-f-]{36}\?done=submitted$/);
      expect(await pageFaults(employer, 'zh-CN')).toEqual([]);
      const id = /postings\/([0-9a-f-]{36})/.exec(employer.url())![1]!;
      const caseNo = /业务编号 (\S+)/.exec(await employer.locator('#posting-state').innerText())![1]!;
      expect((await employer.request.get(`${baseUrl}/jobs/${id}`)).status()).toBe(404);

      // The reviewer finds it in the workbench's inbox and approves it.
      const { page } = session();
      await session().signIn('reviewer');
      await publishPosting(page, caseNo, '信息真实，予以发布');

      // Live on the site that same moment.
      await employer.goto(`${baseUrl}/jobs/${id}`);
      await expect.poll(() => employer.getByRole('heading', { level: 1 }).innerText()).toBe(title);
      await employer.goto(`${baseUrl}/employer/postings/${id}`);
      expect(await employer.locator('#review-remarks').innerText()).toContain('信息真实，予以发布');
      expect(await pageFaults(employer, 'zh-CN')).toEqual([]);

      // Withdrawn by the employer, it is gone.
      await employer.getByLabel('撤回原因').fill('岗位已招到合适人选以外的原因取消');
      await employer.getByRole('button', { name: '撤回岗位' }).click();
      await employer.waitForURL(/\?done=withdrawn$/);
      expect(await employer.locator('#posting-state').getAttribute('data-state')).toBe('withdrawn');
      expect((await employer.request.get(`${baseUrl}/jobs/${id}`)).status()).toBe(410);
      await employer.goto(`${baseUrl}/en/employer/postings`);
      expect(await pageFaults(employer, 'en')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
