import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { crampedCells } from './layout.ts';

const TARGETS = ['系统覆盖', '信息管理', '信息发布', '对象覆盖', '服务功能', '业务管理', '信息监测', '网站建设', '信息采集', '经费管理'];
const STAGES = ['未启动', '部分达到', '已达到'];

describeInBrowser('informatisation assessment', (session) => {
  it('厦门市’s assessment shows the stage of each of the ten targets against the eastern 90 %, drills down to a district and back, and exports the table', async () => {
    const { page } = session();
    await session().signIn('evaluator');
    await page.getByRole('menuitem', { name: '信息化考核' }).click();
    await page.getByRole('heading', { name: '信息化考核评估' }).waitFor();
    expect(page.url()).toMatch(/#\/informatisation$/);

    // The province evaluator starts at 福建省 and drills into 厦门市.
    await page.getByTestId('assessed-unit').filter({ hasText: '福建省' }).waitFor();
    await page.getByRole('button', { name: '厦门市' }).click();
    await page.getByTestId('assessed-unit').filter({ hasText: '厦门市' }).waitFor();
    expect(page.url()).toContain('unit=350200');
    await page.getByText('福建省，东部地区：各项目标值 90%').waitFor();

    const rows = page.locator('.informatisation-targets tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(10);
    const cells = await Promise.all((await rows.all()).map(async (row) => row.getByRole('cell').allInnerTexts()));
    expect(cells.map((row) => row[0])).toEqual(TARGETS);
    for (const row of cells) {
      expect(row[4]).toBe('90%');
      expect(STAGES).toContain(row[5]);
    }
    // No public site exists yet: 网站建设 is reported as not started, with the reason.
    expect(cells[7]![5]).toBe('未启动');
    expect(cells[7]![1]).toContain('本平台尚未建设公众网站');
    await page.evaluate(() => window.scrollTo(0, 0));
    await session().screenshot('informatisation');

    // The CSV has a header and one line per target.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv).toHaveLength(11);
    expect(csv[1]).toContain('系统覆盖');

    // Down to 思明区, then back up to 厦门市.
    await page.getByRole('button', { name: '思明区' }).click();
    await page.getByTestId('assessed-unit').filter({ hasText: '思明区' }).waitFor();
    await expect.poll(() => rows.count()).toBe(10);
    await page.getByRole('button', { name: '返回上一级' }).click();
    await page.getByTestId('assessed-unit').filter({ hasText: '厦门市' }).waitFor();
  });

  it('lays the targets out at 1280 px without a column squeezed to a character a line', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.locator('.informatisation-targets tbody tr.ant-table-row').count()).toBe(10);
    await expect.poll(() => crampedCells(page.locator('.informatisation-targets'))).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows every menu title in English in full, none cut short', async () => {
    const { page } = session();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Fund statistics' }).waitFor();
    const cut = await page.locator('[role=menuitem], .ant-menu-title-content').evaluateAll((titles) => titles.filter((title) => title.scrollWidth > title.clientWidth).map((title) => title.textContent));
    expect(cut).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: '经费统计' }).waitFor();
  });
});
