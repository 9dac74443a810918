import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';

describeInBrowser('a person record corrected with a reason', (session) => {
  it('corrects the phone number and the residence (picked by name) of a case’s person in the edit tab, and the history shows the new values, who and why', async () => {
    const { page } = session();
    await session().signIn('caseworker');
    const benefit = page.getByRole('row').filter({ hasText: '失业保险金' }).filter({ hasText: '受理申领' }).first();
    const caseNo = (await benefit.getByRole('link').first().textContent())!.trim();
    await benefit.getByRole('button', { name: `办理 ${caseNo}` }).click();
    await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '服务对象信息' });

    await dialog.getByRole('tab', { name: '修改信息' }).click();
    const phone = dialog.getByLabel('手机号码');
    const corrected = (await phone.inputValue()) === '13905920001' ? '13905920002' : '13905920001';
    await phone.fill(corrected);
    // The residence is picked by name: a district other than the one on record.
    const residence = dialog.locator('.code-table-picker').filter({ has: page.getByLabel('常住地', { exact: true }) });
    const moved = (await residence.innerText()).includes('350206') ? '思明区 (350203)' : '湖里区 (350206)';
    await session().pickCode('常住地', moved.slice(0, 3), moved);
    await dialog.getByLabel('变更原因').fill('本人来电更正手机号码和常住地');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.getByText('已保存，变更已记入变更记录').waitFor();

    await dialog.getByRole('tab', { name: '变更记录' }).click();
    // One entry a field, each with the reason.
    const change = dialog.locator('.record-change').filter({ has: page.getByText('手机号码', { exact: true }) });
    await change.waitFor();
    const text = await change.innerText();
    expect(text).toContain(corrected);
    expect(text).toContain('综合窗口经办员');
    expect(text).toContain('本人来电更正手机号码和常住地');
    // The area changed by name, kept as its code: the history reads it back by name, the code beside.
    const area = dialog.locator('.record-change').filter({ has: page.getByText('常住地', { exact: true }) });
    await area.getByText(moved, { exact: true }).waitFor();
    expect(await area.innerText()).toContain(`→ ${moved}`);
    await session().screenshot('person-history');
    await page.keyboard.press('Escape');
  });

  it('merges a duplicate found by name in the merge tab (a reviewer): its case moves to the kept person', async () => {
    const { page, baseUrl } = session();
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('caseworker');
    // Two records of one person, the second under a mistyped ID number, each with a case.
    const opened = await page.evaluate(
      async ({ kept, duplicate }) => {
        const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
        const post = async (path: string, body: unknown) => (await fetch(`/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
        const keptPerson = await post('/persons', { idNumber: kept, name: '欧阳明远' });
        const duplicatePerson = await post('/persons', { idNumber: duplicate, name: '欧阳明远' });
        const keptCase = await post('/cases', { processId: 'job-seeking', subjectId: keptPerson.id });
        await post('/cases', { processId: 'unemployment-registration', subjectId: duplicatePerson.id });
        return keptCase.id as string;
      },
      { kept: citizenId('350203', '19870615', '031'), duplicate: citizenId('350203', '19870615', '013') },
    );
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('reviewer');
    await page.goto(`${baseUrl}/admin/#/cases/${opened}`);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '服务对象信息' });
    await dialog.getByRole('tab', { name: '合并重复记录' }).click();
    await dialog.getByRole('combobox', { name: '重复记录' }).fill('欧阳明远');
    await page.locator('.ant-select-item-option').filter({ hasText: '欧阳明远' }).first().click();
    await dialog.getByLabel('变更原因').fill('同一人重复登记，证件号码录入错误');
    await dialog.getByRole('button', { name: /^合\s*并$/ }).click();
    await dialog.getByText('已合并：转入 1 件业务、0 笔台账').waitFor();
    await dialog.getByRole('tab', { name: '变更记录' }).click();
    expect(await dialog.locator('.record-change').first().innerText()).toContain('同一人重复登记');
  });
});
