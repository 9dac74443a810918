import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** A demo employer (厦门鹭江餐饮管理有限公司) that the vacancy postings are for. */
const EMPLOYER = '91350203MA2Y3K1B9C';

/** The day in China, `days` from today. */
const chinaDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describeInBrowser('code table pickers in a case form', (session) => {
  /** Opens a new vacancy posting for the demo employer through the API and its 提交岗位信息 form on the case page. */
  async function postingForm() {
    const { page, baseUrl } = session();
    const caseId = await page.evaluate(async (creditCode) => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
      const employers = (await (await fetch(`/api/employers?q=${creditCode}`, { headers })).json()) as { items: { id: string }[] };
      const opened = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ processId: 'vacancy-posting', subjectId: employers.items[0]!.id }) });
      return ((await opened.json()) as { id: string }).id;
    }, EMPLOYER);
    await page.goto(`${baseUrl}/#/cases/${caseId}`);
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '提交岗位信息' }).click();
    const form = page.locator('.case-form');
    await form.getByLabel('职业（职业分类大典代码）', { exact: true }).waitFor();
    return form;
  }

  it('posts a vacancy with an occupation, an industry and an area picked by name, and shows their names beside the codes on the case page', { timeout: 120_000 }, async () => {
    const { page } = session();
    await session().signIn('caseworker');
    const form = await postingForm();
    await form.getByLabel('用人单位统一社会信用代码').fill(EMPLOYER);
    await form.getByLabel('岗位名称').fill('总账会计');
    // Searched by name: the 小类 and the 细类 of the same name are told apart by their codes.
    await session().pickCode('职业（职业分类大典代码）', '会计', '会计专业人员 (2-06-03-00)');
    // The industry field takes only a class (4 digits): its group of the same name is not offered.
    await form.getByLabel('用人单位所属行业（GB/T 4754-2017 小类）', { exact: true }).click();
    await form.getByLabel('用人单位所属行业（GB/T 4754-2017 小类）', { exact: true }).fill('正餐');
    const results = page.locator('.code-table-popup:visible .ant-cascader-menu-item');
    await results.filter({ hasText: '正餐服务 (6210)' }).waitFor();
    expect(await results.allInnerTexts()).toEqual(['正餐服务 (6210)']);
    await results.first().click();
    await form.locator('.code-table-picker').getByText('正餐服务 (6210)', { exact: true }).waitFor();
    // An area by its code.
    await session().pickCode('工作地点区划代码', '350203', '思明区 (350203)');
    await form.getByLabel('招聘人数').fill('2');
    await form.getByLabel('岗位职责').fill('负责总账核算与月度报表');
    await session().choose('文化程度要求', '大学本科／专科教育');
    await session().choose('计薪方式', '月薪');
    await form.getByLabel('薪酬下限（分）').fill('600000');
    await form.getByLabel('薪酬上限（分）').fill('900000');
    await session().choose('用工形式', '全日制用工');
    for (const [label, day] of [['有效期起始日', chinaDay()], ['有效期截止日', chinaDay(30)]] as const) {
      await form.getByLabel(label).fill(day);
      await form.getByLabel(label).press('Enter');
    }
    await form.getByLabel('联系人').fill('陈会计');
    await form.getByLabel('联系电话').fill('13905920001');
    await form.getByRole('button', { name: '提交岗位信息' }).click();

    // The history shows each code with its name.
    const history = page.getByRole('region', { name: '办理记录' });
    const step = history.getByRole('listitem').filter({ hasText: '提交岗位信息' });
    await step.getByText('会计专业人员 (2-06-03-00)').waitFor();
    const text = await step.innerText();
    expect(text).toContain('正餐服务 (6210)');
    expect(text).toContain('思明区 (350203)');
    await session().screenshot('code-pickers-history');
  });

  it('keeps the picker’s menus within a phone’s width, four levels deep, and chooses a street of a county opened from its menus', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      const form = await postingForm();
      await form.getByLabel('职业（职业分类大典代码）', { exact: true }).click();
      const popup = page.locator('.code-table-popup:visible');
      for (const name of ['专业技术人员', '经济和金融专业人员', '会计专业人员']) await popup.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
      await popup.locator('.ant-cascader-menu').nth(3).waitFor();
      const box = (await popup.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.keyboard.press('Escape');

      // A county's streets load when it is opened; a street is chosen by its menus.
      const area = form.getByLabel('工作地点区划代码', { exact: true });
      await area.click();
      for (const name of ['福建省', '厦门市', '思明区']) await popup.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
      await popup.locator('.ant-cascader-menu').nth(3).locator('.ant-cascader-menu-item').first().waitFor();
      const street = (await popup.locator('.ant-cascader-menu').nth(3).locator('.ant-cascader-menu-item').first().innerText()).trim();
      await popup.locator('.ant-cascader-menu').nth(3).locator('.ant-cascader-menu-item').first().click();
      await page.keyboard.press('Escape');
      await form.locator('.code-table-picker').getByText(new RegExp(`^${street} \\(350203\\d{3}\\)$`)).waitFor();
      await session().screenshot('code-pickers-phone');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
