import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';

/** What the person record holds that the registration form asks for again. */
const RECORD = { phone: '13905927311', residenceArea: '350203001', address: '厦门市思明区莲前西路 311 号' };
/** The record's areas as every screen names them: the division's name, its code beside. */
const HUKOU_SHOWN = '思明区 (350203)';
const RESIDENCE_SHOWN = '厦港街道 (350203001)';

describeInBrowser('the person and case screens of a new case', (session) => {
  it('shows the state a new case is in as current in its history, with no left time', async () => {
    const { page, baseUrl } = session();
    await session().signIn('caseworker');
    // A person on record with a phone, residence and address, and a registration just opened for them.
    const caseId = await page.evaluate(async (record) => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
      const post = async (path: string, body: unknown) => (await fetch(`/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
      const person = await post('/persons', { ...record.fields, idNumber: record.idNumber, name: '林晓岚', hukouArea: '350203' });
      return (await post('/cases', { processId: 'unemployment-registration', subjectId: person.id })).id as string;
    }, { fields: RECORD, idNumber: citizenId('350203', '19910517', '028') });
    await page.goto(`${baseUrl}/admin/#/cases/${caseId}`);

    const history = page.getByRole('region', { name: '办理记录' });
    const first = history.getByRole('listitem').first();
    await first.getByText('创建', { exact: true }).waitFor();
    const text = await first.innerText();
    expect(text).toContain('至今');
    expect(text).not.toContain('离开');
  });

  it('prefills the registration form with the phone, residence and address on the person record, still editable', async () => {
    const { page } = session();
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '提交登记' }).click();
    const form = page.getByRole('region', { name: '办理', exact: true }).locator('form');
    await form.waitFor();
    expect(await form.getByLabel('手机号码').inputValue()).toBe(RECORD.phone);
    // The residence (a street) is in its picker by name, the code beside it.
    await form.locator('.code-table-picker').filter({ has: page.getByLabel('常住地区划代码', { exact: true }) }).getByText(RESIDENCE_SHOWN, { exact: true }).waitFor();
    expect(await form.getByLabel('联系地址').inputValue()).toBe(RECORD.address);
    await form.getByLabel('手机号码').fill('13905927312');
    expect(await form.getByLabel('手机号码').inputValue()).toBe('13905927312');
    // A field the record has nothing for stays empty.
    expect(await form.getByLabel('解除劳动关系证明编号').inputValue()).toBe('');
  });

  it('labels each field of the payment account form and says what to enter as the bank', async () => {
    const { page } = session();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '服务对象信息' });
    await dialog.getByRole('button', { name: '保存账户' }).waitFor();
    expect(await dialog.getByLabel('收款账户类型', { exact: true }).count()).toBe(1);
    const account = dialog.getByLabel('收款账号', { exact: true });
    expect(await account.count()).toBe(1);
    expect(await account.inputValue()).toBe('');
    const bank = dialog.getByLabel('开户银行', { exact: true });
    expect(await bank.inputValue()).toBe('');
    expect(await bank.getAttribute('placeholder')).toMatch(/银行.*支行/);
    // The record's areas read by name.
    const details = dialog.getByRole('tabpanel', { name: '基本信息' });
    expect(await details.getByRole('row').filter({ hasText: '户籍地' }).innerText()).toContain(HUKOU_SHOWN);
    expect(await details.getByRole('row').filter({ hasText: '常住地' }).innerText()).toContain(RESIDENCE_SHOWN);
    await page.keyboard.press('Escape');
  });

  it('shows the person’s areas on the person page by name, the code beside', async () => {
    const { page } = session();
    await page.locator('.case-header').getByRole('link', { name: '档案', exact: true }).click();
    const record = page.locator('section[aria-labelledby="person-title"]');
    await record.getByRole('row').filter({ hasText: '常住地' }).getByText(RESIDENCE_SHOWN, { exact: true }).waitFor();
    expect(await record.getByRole('row').filter({ hasText: '户籍地' }).innerText()).toContain(HUKOU_SHOWN);
  });
});
