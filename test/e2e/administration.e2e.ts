import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

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
    await session().choose('标准岗位', '失业登记窗口');
    // A multiple select keeps its list open after a pick: closed, it covers nothing.
    await page.keyboard.press('Escape');
    await office.getByRole('button', { name: '添加岗位' }).last().click();
    await office.getByRole('cell', { name: 'unemployment-window', exact: true }).waitFor();
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
    await page.goto(`${baseUrl}/`);
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
});
