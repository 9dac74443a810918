import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { citizenIdCheckCharacter } from '../../forms/index.ts';
import { describeInBrowser } from './browser.ts';

const ROWS = 10_000;

/** The n-th person's valid ID number: born on one of ten days of 1966 in 湖里区 (none of the demo's). */
function idNumber(n: number): string {
  const first17 = `350206196601${String(1 + Math.floor(n / 1000)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/** Every twentieth row is bad (5 %), in one of five ways, each naming its field. */
const BAD: { field: string; code: string; row: (n: number) => (string | number)[] }[] = [
  { field: 'idNumber', code: 'id-checksum', row: (n) => [`${idNumber(n).slice(0, 17)}${idNumber(n)[17] === '0' ? '1' : '0'}`, `人员${n}`, '13900000000', '350206'] },
  { field: 'idNumber', code: 'id-birth-date', row: (n) => [`35020619660230${String(n % 1000).padStart(3, '0')}1`, `人员${n}`, '13900000000', '350206'] },
  { field: 'phone', code: 'phone-format', row: (n) => [idNumber(n), `人员${n}`, '1390000', '350206'] },
  { field: 'name', code: 'formula', row: (n) => [idNumber(n), '=1+1', '13900000000', '350206'] },
  { field: 'hukouArea', code: 'area-format', row: (n) => [idNumber(n), `人员${n}`, '13900000000', '35A206'] },
];

async function workbook(): Promise<{ bytes: Buffer; expected: string[] }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员');
  sheet.addRow(['公民身份号码', '姓名', '手机号码', '户籍地区划代码']);
  const expected: string[] = [];
  for (let n = 0; n < ROWS; n++) {
    if (n % 20 === 7) {
      const bad = BAD[Math.floor(n / 20) % BAD.length]!;
      sheet.addRow(bad.row(n));
      expected.push(`${n + 2}:${bad.field}`);
    } else sheet.addRow([idNumber(n), `人员${n}`, `139${String(n).padStart(8, '0')}`, '350206']);
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), expected };
}

describeInBrowser('bulk import', (session) => {
  it('a 10,000-row XLSX with 5 % bad rows: dry run, a report naming every bad row and field, review by another reviewer, commit with progress', async () => {
    const { page } = session();
    const { bytes, expected } = await workbook();
    await session().signIn('caseworker');
    await page.getByRole('menuitem', { name: '批量导入' }).click();
    await page.getByRole('heading', { name: '批量导入', level: 2 }).waitFor();
    expect(page.url()).toMatch(/#\/imports$/);

    await page.getByTestId('import-file').setInputFiles({ name: 'persons-10000.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByRole('button', { name: '试导入' }).click();
    const drawer = page.locator('.imports-drawer');
    await drawer.getByText('persons-10000.xlsx').first().waitFor({ timeout: 60_000 });
    const figures = drawer.locator('.ant-descriptions');
    await figures.getByText('10000', { exact: true }).waitFor();
    expect(await figures.innerText()).toMatch(/有错误\s*500/);
    expect(await figures.innerText()).toMatch(/可导入\s*9500/);
    // The findings table pages through the same rows: its first line is row 9's ID number.
    await drawer.locator('tbody tr.ant-table-row').first().getByText('身份号码校验位错误（GB 11643）').waitFor();

    // The XLSX report names every bad row and its field, and nothing else.
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载报告（XLSX）' }).click()]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const titles: Record<string, string> = { idNumber: '公民身份号码 ID number', phone: '手机号码 Mobile phone', name: '姓名 Name', hukouArea: '户籍地区划代码 Household registration area' };
    const reported: string[] = [];
    report.worksheets[0]!.eachRow((row, number) => {
      const cells = row.values as unknown[];
      if (number > 1 && typeof cells[1] === 'number') reported.push(`${cells[1]}:${Object.keys(titles).find((field) => titles[field] === cells[2])}`);
    });
    expect(reported).toEqual(expected);
    await session().screenshot('bulk-import-report');

    // The uploader is not offered approval (a caseworker may not approve); a reviewer approves and the commit runs.
    expect(await drawer.getByRole('button', { name: '审核通过并入库' }).count()).toBe(0);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('reviewer');
    await page.getByRole('menuitem', { name: '批量导入' }).click();
    await page.getByRole('button', { name: 'persons-10000.xlsx' }).click();
    await drawer.getByRole('button', { name: '审核通过并入库' }).click();
    await page.getByRole('button', { name: '确认入库' }).click();
    await drawer.locator('.ant-progress').waitFor();
    await figures.getByText('9500 / 9500').waitFor({ timeout: 120_000 });
    await drawer.locator('.ant-progress-status-success').waitFor();
    expect(await figures.innerText()).toMatch(/审核人\s*综合审核员/);
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('tbody tr.ant-table-row').filter({ hasText: 'persons-10000.xlsx' }).filter({ hasText: '已入库' }).waitFor();
  }, 240_000);
});
