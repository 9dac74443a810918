import { expect, it } from 'vitest';
import { maskCitizenId } from '../../forms/index.ts';
import { citizenId, withWrongCheck } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';

describeInBrowser('starting a case', (session) => {
  // A Xiamen (思明区) man of working age, not among the demo persons.
  const idNumber = citizenId('350203', '19910315', '913');
  const name = '叶明轩';

  it('registers a new person with live ID checks, starts an unemployment registration, finds the person by name and initials, is refused a second registration and a second case', async () => {
    const { page } = session();
    await session().signIn('caseworker');
    await page.getByRole('menuitem', { name: '新办业务' }).click();
    await page.getByRole('heading', { name: '新办业务' }).waitFor();
    await page.getByRole('radio', { name: '失业登记' }).check();
    expect(page.url()).toMatch(/#\/cases\/new\?process=unemployment-registration$/);

    const idField = page.getByLabel('公民身份号码', { exact: true });
    await idField.fill(idNumber.slice(0, 10));
    await page.getByText('公民身份号码为18位（已输入 10 位）').waitFor();
    await idField.fill(withWrongCheck(idNumber));
    await page.getByText('校验位不符，请逐位核对号码').waitFor();
    await idField.fill(idNumber);
    await page.getByText('男，1991-03-15 出生，地区代码 350203').waitFor();
    await page.getByText('校验位不符，请逐位核对号码').waitFor({ state: 'detached' });

    await page.getByLabel('姓名', { exact: true }).fill(name);
    await page.getByLabel('手机号码').fill('1391234');
    await page.getByText('手机号码为11位，以13–19开头').waitFor();
    await page.getByLabel('手机号码').fill('13912345678');
    // The 户籍地 is picked by name; its code is what is sent.
    await session().pickCode('户籍地区划代码', '思明', '思明区 (350203)');
    const registering = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/persons'));
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    expect((await registering).postDataJSON()).toMatchObject({ hukouArea: '350203' });

    const panel = page.locator('.start-panel');
    await panel.getByText(name).waitFor();
    expect(await panel.textContent()).toContain(maskCitizenId(idNumber));
    await panel.getByRole('button', { name: /发起业务/ }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    // The case page has replaced the start screen (not merely hidden it while its code loads).
    await page.locator('section[aria-labelledby="start-title"]').waitFor({ state: 'detached' });
    const caseUrl = page.url();

    await page.getByRole('menuitem', { name: '新办业务' }).click();
    await page.getByRole('radio', { name: '失业登记' }).check();
    const rows = page.getByRole('table', { name: '查找结果' }).locator('tr.ant-table-row');
    /** Types into the search box and waits for the server's answer to exactly that text. */
    const search = async (q: string) => {
      const answered = page.waitForResponse((response) => response.url().includes(`/api/persons?q=${encodeURIComponent(q)}&`));
      await page.getByLabel('证件号码、姓名或拼音首字母').fill(q);
      await answered;
    };
    // Registering the person again is refused on the ID number, which points at the existing record, now listed.
    await page.getByLabel('公民身份号码', { exact: true }).fill(idNumber);
    await page.getByLabel('姓名', { exact: true }).fill(name);
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.getByText('该记录已列在查找结果中，可直接选择。').waitFor();
    expect(await page.getByLabel('证件号码、姓名或拼音首字母').inputValue()).toBe(idNumber);
    await expect.poll(() => rows.count()).toBe(1);
    await search(name);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(maskCitizenId(idNumber));
    expect(await rows.first().textContent()).not.toContain(idNumber);
    await search('ymx');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(name);

    // The person now has a running registration: a second one is refused with the server's message and a link to it.
    await rows.first().getByRole('button', { name: `选择 ${name}` }).click();
    await session().screenshot('start-case');
    await page.locator('.start-panel').getByRole('button', { name: /发起业务/ }).click();
    await page.getByText('该对象已有正在办理的同类业务').waitFor();
    await page.getByRole('button', { name: /打开正在办理的 UR/ }).click();
    await page.waitForURL(caseUrl);
  });
});
