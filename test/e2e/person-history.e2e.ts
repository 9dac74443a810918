import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('a person record corrected with a reason', (session) => {
  it('corrects the phone number of a case’s person in the edit tab, and the history shows the new number, who and why', async () => {
    const { page } = session();
    await session().signIn('caseworker');
    const benefit = page.getByRole('row').filter({ hasText: '失业保险金' }).filter({ hasText: '受理申领' }).first();
    const caseNo = (await benefit.getByRole('link').textContent())!.trim();
    await benefit.getByRole('button', { name: `办理 ${caseNo}` }).click();
    await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '服务对象信息' });

    await dialog.getByRole('tab', { name: '修改信息' }).click();
    const phone = dialog.getByLabel('手机号码');
    const corrected = (await phone.inputValue()) === '13905920001' ? '13905920002' : '13905920001';
    await phone.fill(corrected);
    await dialog.getByLabel('变更原因').fill('本人来电更正手机号码');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.getByText('已保存，变更已记入变更记录').waitFor();

    await dialog.getByRole('tab', { name: '变更记录' }).click();
    const change = dialog.locator('.record-change').first();
    await change.waitFor();
    const text = await change.innerText();
    expect(text).toContain('手机号码');
    expect(text).toContain(corrected);
    expect(text).toContain('失业登记经办员');
    expect(text).toContain('本人来电更正手机号码');
    await session().screenshot('person-history');
  });
});
