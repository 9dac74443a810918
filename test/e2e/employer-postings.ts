import type { Page } from 'playwright-core';

/** The contact phone the posting form is filled with: the employer's own pages show it, the public never does. */
export const POSTING_CONTACT_PHONE = '13950012345';

/** A China day `days` after today, as a date field takes it. */
export function chinaDayIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Fills the public posting form as an employer would, by its labels: an accountant in 思明区, open 30 days. */
export async function fillPosting(page: Page, title: string): Promise<void> {
  await page.getByLabel('岗位名称').fill(title);
  await page.getByLabel('职业（职业分类大典代码）').fill('2-06-03-00');
  await page.getByLabel('招聘人数').fill('1');
  await page.getByLabel('岗位职责').fill('负责企业客户的记账、报税与财务报表编制。');
  await page.getByLabel('文化程度要求').selectOption('20');
  await page.getByLabel('计薪方式').selectOption('monthly');
  await page.getByLabel('薪酬下限（元）').fill('6000');
  await page.getByLabel('薪酬上限（元）').fill('8000');
  await page.getByLabel('工作地点区划代码').fill('350203');
  await page.getByLabel('用工形式').selectOption('full-time');
  await page.getByLabel('有效期起始日').fill(chinaDayIn(0));
  await page.getByLabel('有效期截止日').fill(chinaDayIn(30));
  await page.getByLabel('联系人').fill('林女士');
  await page.getByLabel('联系电话').fill(POSTING_CONTACT_PHONE);
}

/**
 * The reviewer, signed in on `page`, opens the posting's case from the inbox, starts the review and
 * approves it with `opinion`; it is published (已发布) when this returns.
 */
export async function publishPosting(page: Page, caseNo: string, opinion: string): Promise<void> {
  await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: caseNo }).click();
  await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
  const actions = page.getByRole('group', { name: '可执行的操作' });
  await actions.getByRole('button', { name: '开始审核' }).click();
  await page.locator('.case-form').getByRole('button', { name: '开始审核' }).click();
  await actions.getByRole('button', { name: '审核通过并发布' }).click();
  await page.getByLabel('审核意见').fill(opinion);
  await page.locator('.case-form').getByRole('button', { name: '审核通过并发布' }).click();
  const confirmation = page.getByRole('dialog').filter({ hasText: '确认办理' });
  if (await confirmation.isVisible().catch(() => false)) await confirmation.getByRole('button', { name: '确认办理' }).click();
  await page.locator('.case-header').getByText('已发布', { exact: true }).waitFor();
}
