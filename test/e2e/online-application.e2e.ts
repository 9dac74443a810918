import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PUBLIC_ACCOUNTS } from '../../runtime/seed/demo-public-accounts.ts';
import { describeInBrowser } from './browser.ts';
import { pageFaults } from './public-pages.ts';

/** A China day `days` from today, as a date field takes it. */
function chinaDayIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A small PDF: what the server takes for one by its first bytes. */
const proof = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The demo citizen (李明轩), as the sign-in page lists it in demo mode. */
const demoCitizen = DEMO_PUBLIC_ACCOUNTS.find((account) => account.kind === 'citizen')!;

/** Fills the 失业登记 form as a citizen would, by its labels. */
async function fillRegistration(page: Page, address: string): Promise<void> {
  await page.getByLabel('失业人员类别').selectOption('school-leaver');
  await page.getByLabel('失业时间').fill(chinaDayIn(-20));
  await page.getByLabel('退休年龄类别').selectOption('male-60');
  await page.getByLabel('文化程度').selectOption('20');
  await page.getByLabel('手机号码').fill('13812345678');
  await page.getByLabel('常住地区划代码').fill('350203');
  await page.getByLabel('联系地址').fill(address);
}

/** Sends the workbench's form of an action; a step that changes a legal status (`confirmed`) is sent once confirmed in the dialog it opens. */
async function sendStep(page: Page, action: string, fields: Record<string, string>, confirmed = false): Promise<void> {
  await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: action }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.locator('.case-form').getByRole('button', { name: action }).click();
  if (!confirmed) return;
  const confirmation = page.getByRole('dialog').filter({ hasText: '确认办理' });
  await confirmation.getByRole('button', { name: '确认办理' }).click();
  await confirmation.waitFor({ state: 'hidden' });
}

/**
 * The inbox's row of a case, paging on while it is not on the page shown: other files on the same
 * server may have put tasks due earlier before it.
 */
async function inboxRow(page: Page, caseNo: string) {
  const row = page.getByRole('row').filter({ hasText: caseNo });
  const rows = page.locator('.ant-table-row');
  for (;;) {
    await rows.first().waitFor();
    if ((await row.count()) > 0) return row;
    const next = page.locator('.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') throw new Error(`${caseNo} is not in the inbox`);
    const first = await rows.first().innerText();
    await next.click();
    await expect.poll(() => rows.first().innerText()).not.toBe(first);
  }
}

describeInBrowser('an online application (网上经办): 失业登记 from the public site to the workbench and back', (session) => {
  it('the demo citizen applies with a PDF; the reviewer finds it marked online with the file and returns it; the citizen sees why and resends; approved, the citizen sees the decision; every public page passes axe', async () => {
    const { baseUrl, page } = session();
    const context = await page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const citizen = await context.newPage();
    try {
      // The services offered online, open to anyone; applying asks to sign in first.
      await citizen.goto(`${baseUrl}/apply`);
      expect(await citizen.getByRole('link', { name: '一次性创业补贴' }).count()).toBe(1);
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      await citizen.getByRole('link', { name: '失业登记' }).click();
      await citizen.waitForURL(/\/login\?/);
      expect(await citizen.locator('#demo-accounts').innerText()).toContain(demoCitizen.login);
      await citizen.getByLabel('公民身份号码').fill(demoCitizen.login);
      await citizen.getByLabel('密码').fill(demoCitizen.password);
      await citizen.getByRole('button', { name: '登录' }).click();
      await citizen.waitForURL(/\/apply\/unemployment-registration$/);
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);

      // Sent with a required field empty, the form comes back with the field's message and what was typed.
      await fillRegistration(citizen, '思明区湖滨南路1号');
      await citizen.getByLabel('失业人员类别').selectOption('');
      await citizen.getByRole('button', { name: '提交申请' }).click();
      await citizen.locator('#f-category-error').getByText('必填').waitFor();
      expect(await citizen.getByLabel('联系地址').inputValue()).toBe('思明区湖滨南路1号');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      await citizen.getByLabel('失业人员类别').selectOption('school-leaver');
      await citizen.getByLabel('身份证明').setInputFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: proof });
      await citizen.getByRole('button', { name: '提交申请' }).click();
      await citizen.waitForURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
      const applicationUrl = citizen.url().replace(/\?.*$/, '');
      const caseNo = (await citizen.locator('#application-no').innerText()).trim();
      expect(await citizen.locator('#application-submitted').innerText()).toContain(caseNo);
      expect(await citizen.locator('#application-phase').getAttribute('data-phase')).toBe('review');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      await citizen.goto(`${baseUrl}/my/applications`);
      expect(await citizen.locator(`li[data-case-no="${caseNo}"]`).innerText()).toContain('审核中');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      // The subsidy's form too: its amount asked in yuan, its materials to upload.
      await citizen.goto(`${baseUrl}/apply/start-up-subsidy`);
      await citizen.getByLabel('营业执照').waitFor();
      await citizen.getByLabel('申请金额（元）').waitFor();
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);

      // The reviewer finds it in the inbox marked online, and the applicant's file beside the step it came with.
      await session().signIn('reviewer');
      const row = await inboxRow(page, caseNo);
      await row.getByText('网上申请', { exact: true }).waitFor();
      expect(await row.innerText()).toContain('失业登记');
      await row.getByRole('link', { name: caseNo }).click();
      await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
      const files = page.getByRole('region', { name: '办理记录' }).getByRole('list', { name: '附件' });
      await files.getByText('身份证.pdf').waitFor();
      expect(await files.textContent()).toContain('李明轩');

      await sendStep(page, '退回补正', { 退回原因: '联系地址缺少门牌号', 需补正的内容或材料: '请补充门牌号后重新提交' });
      await page.locator('.case-header').getByText('受理', { exact: true }).waitFor();

      // The citizen reads why, corrects the address and sends it again.
      await citizen.goto(applicationUrl);
      expect(await citizen.locator('#application-phase').getAttribute('data-phase')).toBe('returned');
      const returned = await citizen.locator('#office-step').innerText();
      expect(returned).toContain('联系地址缺少门牌号');
      expect(returned).toContain('请补充门牌号后重新提交');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      await citizen.getByLabel('联系地址').fill('思明区湖滨南路1号201室');
      await citizen.getByRole('button', { name: '补正后重新提交' }).click();
      await citizen.waitForURL(applicationUrl);
      expect(await citizen.locator('#application-phase').getAttribute('data-phase')).toBe('review');

      // The reviewer approves the corrected application.
      await page.reload();
      await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
      await page.locator('.case-header').getByText('审核', { exact: true }).waitFor();
      // 审核通过 registers the person unemployed: the workbench lists what it does and asks to confirm.
      await sendStep(page, '审核通过', { 审核意见: '材料齐全，予以登记' }, true);
      await page.locator('.case-header').getByText('已登记失业', { exact: true }).waitFor();

      // The citizen sees the decision, in both languages.
      await citizen.goto(applicationUrl);
      expect(await citizen.locator('#application-phase').innerText()).toContain('已办结：准予办理');
      expect(await pageFaults(citizen, 'zh-CN')).toEqual([]);
      await citizen.goto(applicationUrl.replace(baseUrl, `${baseUrl}/en`));
      expect(await citizen.locator('#application-phase').innerText()).toContain('Decided: granted');
      expect(await pageFaults(citizen, 'en')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
