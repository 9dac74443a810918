import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** Yuan as the screen writes them (`1,500.00`) in fen. */
const fen = (text: string) => Math.round(Number(text.trim().replaceAll(',', '')) * 100);

describeInBrowser('fund statistics', (session) => {
  it('shows the province\u2019s approved money per city, fund, item and month, the total adding the rows up, and exports the same rows', async () => {
    const { page } = session();
    await session().signIn('evaluator');
    await page.getByRole('menuitem', { name: '经费统计' }).click();
    await page.getByRole('heading', { name: '经费统计' }).waitFor();
    expect(page.url()).toMatch(/#\/funds$/);

    // A province evaluator sees every city of the province: city, org unit, fund, item, month, then the approved amount.
    const rows = page.locator('.funds-page tbody tr.ant-table-row');
    await rows.first().waitFor();
    const cells = await Promise.all((await rows.all()).map(async (row) => row.getByRole('cell').allInnerTexts()));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.map((row) => row[0])).toContain('厦门市');
    for (const row of cells) expect(row[4]).toMatch(/^\d{4}-\d{2}$/);
    const approved = cells.reduce((sum, row) => sum + fen(row[5]!), 0);
    expect(approved).toBeGreaterThan(0);

    // The total row adds the approved amounts up to the fen.
    const total = await page.locator('.funds-page tfoot tr, .funds-page .ant-table-summary tr').filter({ hasText: '合计' }).first().getByRole('cell').allInnerTexts();
    expect(fen(total[1]!)).toBe(approved);
    await session().screenshot('fund-statistics');

    // The CSV carries a line per row of the screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv.length).toBeGreaterThanOrEqual(cells.length + 1);
  });
});
