import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** The case as the API has it now, read with the signed-in user's token. */
async function caseNow(page: Page, baseUrl: string, caseId: string): Promise<{ state: string; version: number }> {
  const token = await page.evaluate(() => localStorage.getItem('pes.token'));
  const response = await fetch(`${baseUrl}/api/cases/${caseId}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { state: string; version: number };
}

/** The error message a field's input is described by (its `aria-describedby`), found by the field's label. */
async function fieldError(page: Page, label: string) {
  const describedBy = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
  return page.locator(`#${describedBy!.split(' ')[0]}`);
}

/**
 * Waits for what a submitted form led to: `done` when the step was taken, or an error in the form or
 * a refusal beside it, which fails the test with what the page says instead of a bare timeout.
 */
async function submitted(page: Page, done: Locator) {
  const refusal = page.locator('.case-form .ant-form-item-has-error, .case-refusal');
  await done.or(refusal).first().waitFor();
  expect(await refusal.allInnerTexts()).toEqual([]);
}

describeInBrowser('a caseworker completes an unemployment registration', (session) => {
  it('from login to registered: a browser-side refusal first, then submission, review and approval', async () => {
    const { page, baseUrl } = session();
    const sentSteps: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/cases\/[^/]+\/events$/.test(request.url())) sentSteps.push(request.url());
    });

    // The caseworker opens the draft registration waiting in the inbox.
    await session().signIn('caseworker');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    const draft = page.getByRole('row').filter({ hasText: '失业登记' }).filter({ hasText: '受理' }).first();
    const link = draft.getByRole('link').first();
    const caseNo = (await link.textContent())!.trim();
    const caseId = (await link.getAttribute('href'))!.replace('#/cases/', '');
    await link.click();
    await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
    expect(await caseNow(page, baseUrl, caseId)).toMatchObject({ state: 'draft' });

    // The registration form, prefilled from the case, refuses a bad mobile number in the browser.
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '提交登记' }).click();
    const form = page.getByRole('region', { name: '办理', exact: true }).locator('form');
    await form.waitFor();
    expect(await page.getByLabel('原单位统一社会信用代码').inputValue()).toBe('91350100M000100Y43');
    await page.getByLabel('手机号码').fill('1391234');
    await session().pickCode('常住地区划代码', '思明区', '思明区 (350203)');
    await session().choose('文化程度', '大学本科／专科教育');
    await session().choose('退休年龄类别', '男职工（原60周岁）');
    await page.getByLabel('解除劳动关系证明编号').fill('JC-2026-1120');
    await form.getByRole('button', { name: '提交登记' }).click();
    const phoneError = await fieldError(page, '手机号码');
    await phoneError.getByText('请输入有效的11位手机号码').waitFor();
    expect(await (await fieldError(page, '常住地区划代码')).count()).toBe(0);
    expect(sentSteps).toEqual([]);
    expect(await caseNow(page, baseUrl, caseId)).toMatchObject({ state: 'draft', version: 1 });

    // Corrected, the error goes as the person types, and the step is taken.
    await page.getByLabel('手机号码').fill('13912345678');
    await phoneError.getByText('请输入有效的11位手机号码').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: '提交登记' }).click();
    const header = page.locator('.case-header');
    await submitted(page, header.getByText('审核', { exact: true }));
    expect(sentSteps).toHaveLength(1);
    expect(await caseNow(page, baseUrl, caseId)).toMatchObject({ state: 'submitted', version: 2 });
    await page.getByText('当前环节没有您可执行的操作').waitFor();

    // The reviewer finds it in the inbox and approves it.
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('reviewer');
    await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: caseNo }).click();
    await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '审核通过' }).click();
    await page.getByLabel('审核意见').fill('材料齐全，符合登记条件，予以登记');
    await form.getByRole('button', { name: '审核通过' }).click();
    // Registration is a legal status: the step is sent once confirmed.
    const confirmation = page.getByRole('dialog').filter({ hasText: '确认办理“审核通过”？' });
    await confirmation.getByText('变更本人的失业登记状态', { exact: true }).waitFor();
    await confirmation.getByRole('button', { name: '确认办理' }).click();
    await submitted(page, header.getByText('已登记失业', { exact: true }));
    expect(await caseNow(page, baseUrl, caseId)).toMatchObject({ state: 'registered', version: 3 });
    // The keyboard carries on from the actions' heading, not from the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-actions-title');

    // The history lists both steps with who took them, at which post, and what they entered.
    const history = page.getByRole('region', { name: '办理记录' });
    await history.getByText('审核通过', { exact: true }).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(3);
    const text = await history.textContent();
    expect(text).toMatch(/提交登记\s*受理 → 审核/);
    expect(text).toMatch(/审核通过\s*审核 → 已登记失业/);
    expect(text).toContain('综合窗口经办员（经办员） · 失业登记窗口');
    expect(text).toContain('综合审核员（审核员） · 失业登记审核岗');
    expect(text).toContain('13912345678');
    // The residence picked by name is kept as its code, read back with its name.
    expect(text).toContain('思明区 (350203)');
    expect(text).toContain('材料齐全，符合登记条件，予以登记');
    await page.getByText('“审核通过”已办理').waitFor({ state: 'detached' });
    await session().screenshot('case-page');
  });
});
