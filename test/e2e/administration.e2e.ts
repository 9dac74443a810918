import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { crampedCells } from './layout.ts';

describeInBrowser('administration: a city administrator staffs a street service point', (session) => {
  it('creates the office and its post on screen, then a caseworker holding it, who signs in, changes the temporary password and sees the post', async () => {
    const { page, baseUrl } = session();
    await session().signIn('admin');
    await page.getByRole('menuitem', { name: '机构与岗位' }).click();
    await page.getByRole('heading', { name: '机构与岗位', exact: true }).waitFor();
    await page.getByRole('heading', { name: '厦门市 · 市' }).waitFor();

    // The tree opens a level at a time: the city, then 思明区, then its street 厦港街道.
    const tree = page.locator('.org-tree');
    const node = (name: string) => tree.locator('.ant-tree-treenode').filter({ has: page.getByTitle(name, { exact: true }) });
    // The level stayed closed after a click on its switcher in two of about twelve runs here (the cause not
    // found; the tree may still be animating its first level): it is opened again, three times at most, as `choose` picks again.
    for (let attempt = 1; ; attempt += 1) {
      if (!(await node('思明区').getAttribute('class'))?.includes('switcher-open')) await node('思明区').locator('.ant-tree-switcher').click();
      try {
        await tree.getByTitle('厦港街道', { exact: true }).waitFor({ timeout: 3_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await tree.getByTitle('厦港街道', { exact: true }).click();
    await page.getByRole('heading', { name: '厦港街道 · 街道乡镇' }).waitFor();
    await page.getByText('该机构下尚无服务机构').waitFor();

    await page.getByRole('button', { name: '新建服务机构' }).click();
    await page.getByLabel('服务机构名称').fill('厦港街道劳动保障服务站');
    await page.getByRole('button', { name: /^创\s*建$/ }).click();
    const office = page.getByRole('region', { name: '厦港街道劳动保障服务站' });
    await office.waitFor();
    await office.getByRole('button', { name: '添加岗位' }).click();
    await office.getByRole('group', { name: '标准岗位' }).getByRole('checkbox', { name: '失业登记窗口' }).check();
    await office.getByRole('button', { name: '添加岗位' }).last().click();
    await office.getByRole('cell', { name: 'unemployment-window', exact: true }).waitFor();
    // The post the office has is still listed, not to be chosen twice.
    await office.getByRole('button', { name: '添加岗位' }).click();
    await expect.poll(() => office.getByRole('group', { name: '标准岗位' }).getByRole('checkbox', { name: '失业登记窗口' }).isDisabled()).toBe(true);
    await office.getByRole('button', { name: /^取\s*消$/ }).click();
    await session().screenshot('admin-org');

    // A user placed at the street, holding the service point's post.
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByRole('heading', { name: '用户管理', exact: true }).waitFor();
    await page.getByLabel('用户名', { exact: true }).fill('xiagang.window');
    await page.getByLabel('姓名', { exact: true }).fill('林小雨');
    await session().choose('岗位', '厦港街道劳动保障服务站 · 失业登记窗口');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^创\s*建$/ }).click();
    const shown = page.locator('.ant-modal').filter({ hasText: '临时密码' });
    await shown.getByText('林小雨（xiagang.window）').waitFor();
    const password = (await shown.getByLabel('临时密码').textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    await session().screenshot('admin-temporary-password');
    await shown.getByRole('button', { name: '已记下' }).click();
    await page.getByRole('row').filter({ hasText: 'xiagang.window' }).getByText('待改密码').waitFor();

    // The new caseworker signs in with it and must change it before anything else.
    await page.getByRole('button', { name: '退出' }).click();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('xiagang.window');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: true }).fill('Xiagang#2026ok');
    await page.getByLabel('再次输入新密码').fill('Xiagang#2026ok');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('menu').waitFor();
    await page.locator('.who').filter({ hasText: '林小雨 · 厦港街道 · 失业登记窗口' }).waitFor();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
  });

  it('offers every post of the catalogue in the new-office form, each one to be chosen', async () => {
    const { page } = session();
    // Whatever the test before left open is gone with a reload.
    await page.reload();
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('admin');
    await page.getByRole('menuitem', { name: '机构与岗位' }).click();
    await page.getByRole('heading', { name: '厦门市 · 市' }).waitFor();
    const catalogue = await page.evaluate(async () => {
      const response = await fetch('/api/admin/org/post-catalogue', { headers: { Authorization: `Bearer ${localStorage.getItem('pes.token')}` } });
      return ((await response.json()) as { items: { name: { 'zh-CN': string } }[] }).items.map((post) => post.name['zh-CN']);
    });
    expect(catalogue).toHaveLength(20);
    await page.getByRole('button', { name: '新建服务机构' }).click();
    const offered = page.getByRole('group', { name: '标准岗位' }).getByRole('checkbox');
    expect(await offered.evaluateAll((boxes) => boxes.map((box) => box.closest('label')!.textContent!.trim()))).toEqual(catalogue);
    for (const name of catalogue) await page.getByRole('group', { name: '标准岗位' }).getByRole('checkbox', { name, exact: true }).check();
    expect(await offered.evaluateAll((boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).length)).toBe(20);
    await page.getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('finds the unit of a new user by name or by code in the unit picker', async () => {
    const { page } = session();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const picker = page.getByLabel('所属机构', { exact: true });
    const chosen = (label: string) => page.locator('.ant-select').filter({ has: picker }).getByText(label, { exact: true });
    // Typed, found and clicked: under the load of a whole clean-clone browser stage (never alone), the
    // search once went unanswered and, in two runs, the click on a found unit did not take. As `choose`
    // does for antd pickers, the whole pick is made again, three times at most.
    const pick = async (text: string, option: Locator, label: (title: string) => string) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await picker.click();
          await picker.fill(text);
          await option.waitFor({ timeout: 5_000 });
          const shown = label((await option.getAttribute('title'))!);
          await option.click({ timeout: 5_000 });
          await chosen(shown).waitFor({ timeout: 5_000 });
          return;
        } catch (error) {
          if (attempt === 3) throw error;
          await picker.fill('');
        }
      }
    };
    await pick('厦港', page.locator('.ant-select-tree').getByTitle('厦港街道 350203001', { exact: true }), () => '厦港街道');
    await pick('350203001001', page.locator('.ant-select-tree').getByTitle(/350203001001$/), (title) => title.replace(/ 350203001001$/, ''));
    await page.locator('.ant-drawer').getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('pre-fills a new user\'s unit handed over in the address only when it lies in the administrator\'s reach', async () => {
    const { page, baseUrl } = session();
    // 福州市 (350100) is outside 厦门市: not pre-filled, and said so.
    // Loaded afresh, as a link from elsewhere would be.
    await page.goto(`${baseUrl}/admin/#/admin/users?new=350100&unitName=${encodeURIComponent('福州市')}`);
    await page.reload();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '新建用户' });
    await drawer.getByRole('alert').getByText('机构 350100 不在您的管理范围内').waitFor();
    const unit = page.locator('.ant-select').filter({ has: page.getByLabel('所属机构', { exact: true }) });
    expect(await unit.locator('.ant-select-selection-item').count()).toBe(0);
    await drawer.getByRole('button', { name: /^取\s*消$/ }).click();
    // 厦港街道 is within reach: pre-filled with the name the server knows, whatever the address said.
    await page.goto(`${baseUrl}/admin/#/admin/users?new=350203001&unitName=${encodeURIComponent('别的名字')}`);
    await page.reload();
    await unit.getByText('厦港街道', { exact: true }).waitFor();
    expect(await drawer.getByRole('alert').count()).toBe(0);
    await drawer.getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('lays the users table out at 1280 px without a column squeezed to a character a line', async () => {
    const { page, baseUrl } = session();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/admin/#/admin/users`);
    await page.reload();
    // The demo caseworker holds many posts: the longest line of the table.
    await page.getByRole('row').filter({ hasText: 'unemployment-clerk' }).waitFor();
    await expect.poll(() => crampedCells(page.locator('.ant-table'))).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
