import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { phoneFaults, untranslated } from './layout.ts';

/** A demo employer (厦门鹭江餐饮管理有限公司) that the vacancy postings are for. */
const EMPLOYER = '91350203MA2Y3K1B9C';

/** The day in China, `days` from today. */
const chinaDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The posting form's texts in each language (the desktop test runs in zh-CN, the phone one in English). */
const TEXT = {
  'zh-CN': { actions: '可执行的操作', submit: '提交岗位信息', occupation: '职业（职业分类大典代码）', area: '工作地点区划代码' },
  en: { actions: 'Actions you may take', submit: 'Submit the posting', occupation: 'Occupation code', area: 'Work area code' },
} as const;

describeInBrowser('code table pickers in a case form', (session) => {
  /** Opens a new vacancy posting for the demo employer through the API and its 提交岗位信息 form on the case page. */
  async function postingForm(text: (typeof TEXT)[keyof typeof TEXT] = TEXT['zh-CN']) {
    const { page, baseUrl } = session();
    const caseId = await page.evaluate(async (creditCode) => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
      const employers = (await (await fetch(`/api/employers?q=${creditCode}`, { headers })).json()) as { items: { id: string }[] };
      const opened = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ processId: 'vacancy-posting', subjectId: employers.items[0]!.id }) });
      return ((await opened.json()) as { id: string }).id;
    }, EMPLOYER);
    await page.goto(`${baseUrl}/admin/#/cases/${caseId}`);
    await page.getByRole('group', { name: text.actions }).getByRole('button', { name: text.submit }).click();
    const form = page.locator('.case-form');
    await form.getByLabel(text.occupation, { exact: true }).waitFor();
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
    // This field's menu: the occupation's may still be fading out, visible, with its own items.
    const results = page.locator('.code-table-popup:visible').filter({ hasText: '正餐服务 (6210)' }).locator('.ant-cascader-menu-item');
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

  it('on a phone (375 px) in English: keeps the picker’s menus within its width, four levels deep, and chooses a street of a county opened from its menus', async () => {
    const { page } = session();
    const text = TEXT.en;
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      const form = await postingForm(text);
      await form.getByLabel(text.occupation, { exact: true }).click();
      const popup = page.locator('.code-table-popup:visible');
      for (const name of ['专业技术人员', '经济和金融专业人员', '会计专业人员']) await popup.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
      await popup.locator('.ant-cascader-menu').nth(3).waitFor();
      const box = (await popup.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.keyboard.press('Escape');

      // A county's streets load when it is opened; a street is chosen by its menus.
      const area = form.getByLabel(text.area, { exact: true });
      await area.click();
      // The area's menu, not the occupation's, which may still be fading out with four menus of its own.
      const areaPopup = page.locator('.code-table-popup:visible').filter({ hasText: '福建省' });
      for (const name of ['福建省', '厦门市', '思明区']) await areaPopup.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
      const firstStreet = areaPopup.locator('.ant-cascader-menu').nth(3).locator('.ant-cascader-menu-item').first();
      await firstStreet.waitFor();
      const street = (await firstStreet.innerText()).trim();
      await firstStreet.click();
      await page.keyboard.press('Escape');
      const chosen = form.locator('.code-table-picker').getByText(new RegExp(`^${street} \\(350203\\d{3}\\)$`));
      await chosen.waitFor();
      // Shown whole: the picker is wide enough for the street's name and code, not cut to 厦港….
      const cut = (shown: HTMLElement) => {
        for (let at: HTMLElement | null = shown; at && !at.classList.contains('code-table-picker'); at = at.parentElement) if (at.scrollWidth > at.clientWidth) return true;
        return false;
      };
      expect(await chosen.evaluate(cut)).toBe(false);
      expect(await untranslated(form, [street, '专业技术人员', '经济和金融专业人员', '会计专业人员'])).toEqual([]);
      expect(await phoneFaults(page)).toEqual([]);
      await session().screenshot('code-pickers-phone');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
