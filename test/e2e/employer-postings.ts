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
