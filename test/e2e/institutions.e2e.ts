import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** A valid credit code (GB 32100 and GB 11714 checks) the demo seed does not register. */
const CODE = '52350212MJ07091076';

describeInBrowser('institutions: a city administrator registers a training institution and suspends it', (session) => {
  it('registers an institution on screen, finds it by its filters, suspends it with a reason and shows the history', async () => {
    const { page } = session();
    await session().signIn('admin');
    await page.getByRole('menuitem', { name: '机构名录' }).click();
    await page.getByRole('heading', { name: '机构名录', exact: true }).waitFor();
    // The demo register: the lapsed school is marked as such.
    const lapsed = page.getByRole('row').filter({ hasText: '厦门市思明区新星职业培训学校' });
    await lapsed.getByText('已过期').waitFor();

    await page.getByRole('button', { name: '登记机构' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '登记机构' });
    await drawer.getByLabel('统一社会信用代码').fill(`${CODE.slice(0, 17)}0`);
    await drawer.getByText('统一社会信用代码校验位不正确').waitFor();
    await drawer.getByLabel('统一社会信用代码').fill(CODE);
    await drawer.getByLabel('机构名称').fill('厦门市翔安区职业技能培训学校');
    await session().choose('机构类型', '职业培训机构');
    await drawer.getByLabel('许可证（备案）编号').fill('教民135021370009号');
    await drawer.getByLabel('有效期起').fill('2025-01-01');
    await drawer.getByLabel('有效期止').fill('2028-12-31');
    await drawer.getByLabel('核准职业（工种）范围').fill('4-03-02，9-99-99');
    await drawer.getByRole('button', { name: '保存' }).click();
    // An unknown occupation code is refused by the server and nothing is registered.
    await drawer.getByText('表单填写有误').waitFor();
    await drawer.getByText('9-99-99', { exact: true }).waitFor();
    await drawer.getByLabel('核准职业（工种）范围').fill('4-03-02');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });

    await page.getByLabel('信用代码、许可证号或名称').fill(CODE);
    await page.getByLabel('信用代码、许可证号或名称').press('Enter');
    const row = page.getByRole('row').filter({ hasText: CODE });
    await row.getByText('正常').waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);

    await row.getByRole('button', { name: '厦门市翔安区职业技能培训学校' }).click();
    const details = page.locator('.ant-drawer').filter({ hasText: '变更记录' });
    await details.getByText('4-03-02', { exact: true }).waitFor();
    await details.getByRole('button', { name: '暂停' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '暂停：厦门市翔安区职业技能培训学校' });
    await dialog.getByLabel('原因').fill('年检不合格，暂停办学');
    await dialog.getByRole('button', { name: '暂停' }).click();
    await dialog.waitFor({ state: 'detached' });
    await details.getByText('正常 → 暂停').waitFor();
    await details.getByText('原因：年检不合格，暂停办学').waitFor();
    await session().screenshot('institutions');
    await details.locator('.ant-drawer-close').click();
    await row.getByText('暂停').waitFor();
  });

  it('offers the registered training institutions in the case form, and refuses a class at one whose licence has lapsed', async () => {
    const { page, baseUrl } = session();
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('caseworker');
    // A new training case for a demo trainee, opened through the API with the page's own sign-in.
    const caseId = await page.evaluate(async () => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
      const persons = (await (await fetch('/api/persons?q=' + encodeURIComponent('蔡佳琪'), { headers })).json()) as { items: { id: string }[] };
      const opened = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ processId: 'training-subsidy', subjectId: persons.items[0]!.id }) });
      return ((await opened.json()) as { id: string }).id;
    });
    await page.goto(`${baseUrl}/admin/#/cases/${caseId}`);
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '开班培训' }).click();
    const form = page.locator('.case-form');
    await form.getByLabel('备案培训班编号').fill('XM2026-1204');
    await session().choose('培训机构（统一社会信用代码）', '厦门市思明区新星职业培训学校 · 52350203MJ0507089A');
    await session().pickCode('培训职业（职业分类大典代码）', '4-03-02-01', '中式烹调师 (4-03-02-01)');
    await session().choose('职业资格（技能）等级', '四级／中级工');
    // The date picker takes a typed day once Enter confirms it.
    await form.getByLabel('开班日期').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await form.getByLabel('开班日期').press('Enter');
    await form.getByRole('button', { name: '开班培训' }).click();
    await form.getByRole('alert').getByText('开班日期不在培训机构资质（办学许可）有效期内').waitFor();
    await session().screenshot('institution-lapsed-refused');
  });

  it('shows a lapsed institution as lapsed only, in the list and in its drawer', async () => {
    const { page, baseUrl } = session();
    // Whatever the test before left open is gone with a reload.
    await page.goto(`${baseUrl}/admin/#/institutions`);
    await page.reload();
    const lapsed = page.getByRole('row').filter({ hasText: '厦门市思明区新星职业培训学校' });
    await lapsed.getByText('已过期').waitFor();
    // One status, agreeing with the validity: not 正常 beside 已过期.
    expect(await lapsed.getByText('正常').count()).toBe(0);
    await lapsed.getByRole('button', { name: '厦门市思明区新星职业培训学校' }).click();
    const details = page.locator('.ant-drawer').filter({ hasText: '变更记录' });
    await details.getByText('已过期', { exact: true }).waitFor();
    expect(await details.getByText('正常', { exact: true }).count()).toBe(0);
    await details.locator('.ant-drawer-close').click();
  });

  it('filters the register by a day picked in the app\'s date picker', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/institutions`);
    await page.reload();
    await page.getByRole('row').filter({ hasText: '厦门市思明区新星职业培训学校' }).waitFor();
    // The day is the app's own picker (zh-CN, YYYY-MM-DD), not the browser's mm/dd/yyyy input.
    const day = page.getByLabel('在该日有效');
    expect(await day.getAttribute('type')).not.toBe('date');
    await page.locator('.ant-picker').filter({ has: day }).waitFor();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await day.click();
    await page.locator('.ant-picker-dropdown').getByText('今天').waitFor();
    await day.fill(today);
    await day.press('Enter');
    await expect.poll(() => day.inputValue()).toBe(today);
    await expect.poll(() => page.getByRole('row').filter({ hasText: '厦门市思明区新星职业培训学校' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
  });
});
