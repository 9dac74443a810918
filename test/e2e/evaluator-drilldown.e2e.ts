import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** The data rows of a table (no header, no total row) as their cells' texts. */
async function dataRows(page: Page, table: Locator): Promise<string[][]> {
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).filter({ hasNotText: '合计' });
  return Promise.all((await rows.all()).map(async (row) => (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim())));
}

/** The total row's cells. */
async function totalRow(table: Locator): Promise<string[]> {
  return (await table.getByRole('row').filter({ hasText: '合计' }).getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

/** The sum of a numeric column. */
const sum = (rows: string[][], column: number) => rows.reduce((total, row) => total + Number(row[column]), 0);

describeInBrowser('evaluator dashboard', (session) => {
  it('shows the province on-time rate with its fraction, drills down to the city, lists the late steps and exports', async () => {
    const { page } = session();
    await session().signIn('evaluator');
    await page.getByRole('heading', { name: '绩效看板' }).waitFor();
    expect(page.url()).toMatch(/#\/dashboard$/);

    // The headline figure for the user's province: the on-time rate with numerator and denominator.
    const card = page.getByRole('group', { name: '失业登记按时办结率' });
    const fraction = card.getByText(/^分子 \d+ \/ 分母 \d+$/);
    await fraction.waitFor();
    const [, numerator, denominator] = (await fraction.innerText()).match(/分子 (\d+) \/ 分母 (\d+)/)!.map(Number) as [number, number, number];
    expect(denominator).toBeGreaterThan(numerator);
    expect(await card.innerText()).toContain(`${Math.round((numerator / denominator) * 10_000) / 100}%`);

    // One level down from the province: the cities, adding up to the province's figure.
    const table = page.getByRole('table', { name: /下钻分析/ });
    const toCity = table.getByRole('button', { name: '下钻到厦门市' });
    await toCity.waitFor();
    const cities = await dataRows(page, table);
    expect([sum(cities, 1), sum(cities, 2)]).toEqual([numerator, denominator]);
    expect((await totalRow(table)).slice(1, 3)).toEqual([String(numerator), String(denominator)]);
    const xiamen = cities.find(([name]) => name === '厦门市')!.slice(1, 3).map(Number) as [number, number];

    // Into 厦门市: its districts add up to its own row one level up; the trail leads back to the province.
    await toCity.click();
    await table.getByRole('button', { name: '下钻到思明区' }).waitFor();
    expect(await page.getByRole('button', { name: '返回福建省' }).isVisible()).toBe(true);
    const districts = await dataRows(page, table);
    expect([sum(districts, 1), sum(districts, 2)]).toEqual(xiamen);
    expect((await totalRow(table)).slice(1, 3)).toEqual(xiamen.map(String));
    await session().screenshot('dashboard');

    // The export carries the same rows as the screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^unemployment-registration-on-time-rate_350200_.+_unit\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const siming = districts.find(([name]) => name === '思明区')!;
    expect(csv).toContain(`思明区,${siming[1]},${siming[2]},`);

    // Behind the city's figure: every step that missed its deadline (denominator minus numerator for an on-time rate).
    await page.getByRole('button', { name: '厦门市的超期记录' }).click();
    const drawer = page.getByRole('dialog');
    const records = drawer.getByRole('table');
    await drawer.getByText(`共 ${xiamen[1] - xiamen[0]} 条`).waitFor();
    const late = records.locator('tbody tr.ant-table-row');
    expect(await late.count()).toBe(xiamen[1] - xiamen[0]);
    for (const row of await late.all()) {
      // The case number names the step; an evaluator sees the records, not the cases and the persons in them.
      expect(await row.getByRole('cell').first().innerText()).toMatch(/^[A-Z]{2,3}\d{10,}$/);
      expect(Number(await row.getByRole('cell').last().innerText())).toBeGreaterThan(0);
    }
    expect(await records.getByRole('link').count()).toBe(0);
  });

  it('lists every record behind a rate that is not about deadlines, and shows no old figures when a request fails', async () => {
    // Still signed in from the first test, like the market test below.
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/dashboard/referral-success-rate`);
    await page.reload();

    // A success rate has no late steps: its records button lists the steps it counts, its denominator.
    const card = page.getByRole('group', { name: '职业介绍成功率' });
    const fraction = card.getByText(/^分子 \d+ \/ 分母 \d+$/);
    await fraction.waitFor();
    const denominator = Number((await fraction.innerText()).match(/分母 (\d+)/)![1]);
    expect(denominator).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: /下钻分析/ });
    expect(await table.getByRole('button', { name: /的超期记录$/ }).count()).toBe(0);
    await table.getByRole('button', { name: '福建省的办理记录' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`共 ${denominator} 条`).waitFor();
    expect(await drawer.getByRole('table').locator('tbody tr.ant-table-row').count()).toBe(Math.min(denominator, 10));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The drill-down of another period is refused: the error shows, never the last period's rows.
    await table.getByRole('button', { name: '下钻到厦门市' }).waitFor();
    await page.route('**/api/indicators/*/drilldown?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'INTERNAL', message: { zh: '服务暂不可用', en: 'Unavailable' } }) }),
    );
    await page.getByText('季度', { exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '服务暂不可用' }).waitFor();
    expect(await dataRows(page, table)).toEqual([['暂无数据']]);
    await page.unrouteAll();
    await page.getByRole('alert').filter({ hasText: '服务暂不可用' }).getByRole('button').click();
    await table.getByRole('button', { name: '下钻到厦门市' }).waitFor();
  });

  it('monitors the market: the months and the units below count the same registrations, the supply table adds up', async () => {
    const { page } = session();
    await page.reload();
    await page.getByRole('tab', { name: '市场监测' }).click();

    const months = page.getByRole('table', { name: '失业监测' });
    await months.getByRole('cell', { name: /^\d{4}-\d{2}$/ }).first().waitFor();
    const byMonth = await dataRows(page, months);
    expect(byMonth).toHaveLength(6);
    const units = page.getByRole('table', { name: '下级单位' });
    await units.getByRole('button', { name: '下钻到厦门市' }).waitFor();
    const byUnit = await dataRows(page, units);
    // Registered and exited over the same six months: counted per month or per city, the same people.
    expect(sum(byMonth, 1)).toBeGreaterThan(0);
    expect([sum(byUnit, 1), sum(byUnit, 2)]).toEqual([sum(byMonth, 1), sum(byMonth, 2)]);

    // Supply and demand by city: the total row adds the cities' demand and job seekers up.
    const supply = page.getByRole('table', { name: '职业供求' });
    await supply.getByRole('cell', { name: '厦门市' }).waitFor();
    const rows = await dataRows(page, supply);
    const total = await totalRow(supply);
    expect([Number(total[1]), Number(total[3])]).toEqual([sum(rows, 1), sum(rows, 3)]);
    expect(Number(total[1])).toBeGreaterThan(0);
  });
});
