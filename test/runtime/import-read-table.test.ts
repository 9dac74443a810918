import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../../runtime/imports/read-table.ts';

/** A workbook of Chinese text written by ExcelJS's streaming writer (inline strings, as large exports are). */
async function chineseWorkbook(rows: number): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(['姓名', '联系地址']).commit();
  for (let n = 0; n < rows; n++) sheet.addRow([`人员${n}`, `厦门市湖里区${n}号`]).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

type TempFileCallback = (error: Error | null, path: string, fd: number, cleanup: () => void) => void;
/** The temporary-file package ExcelJS's reader sets a worksheet aside in when it comes before the workbook part. */
const tmp = createRequire(import.meta.url)('tmp') as { file: (callback: TempFileCallback) => void };
const tmpFile = tmp.file;

describe('reading an import file', () => {
  afterEach(() => {
    tmp.file = tmpFile;
  });

  it('reads a workbook whose worksheets are stored before xl/workbook.xml (as ExcelJS writes them), however slow the disk', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('单位').addRows([['单位名称', '成立日期'], ['厦门甲公司', new Date(Date.UTC(2010, 4, 1))]]);
    workbook.addWorksheet('说明').addRow(['不读这一页']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    // A disk that takes 30 ms to open a temporary file: ExcelJS's own pass then lost xl/workbook.xml and the read failed.
    tmp.file = (callback) => tmpFile((error, path, fd, cleanup) => setTimeout(() => callback(error, path, fd, cleanup), 30));
    const tables = await Promise.all(Array.from({ length: 5 }, () => readTable(bytes)));
    for (const table of tables) expect([table.header, table.rows.map((row) => row.cells.map((cell) => cell.text))]).toEqual([['单位名称', '成立日期'], [['厦门甲公司', '2010-05-01']]]);
  });

  it('keeps every Chinese character of a large XLSX whole (none split into U+FFFD between chunks)', async () => {
    const table = await readTable(await chineseWorkbook(20_000));
    expect(table.rows).toHaveLength(20_000);
    expect(table.rows.filter((row) => row.cells.some((cell) => cell.text.includes('\ufffd'))).map((row) => row.rowNo)).toEqual([]);
    expect(table.rows[19_999]!.cells.map((cell) => cell.text)).toEqual(['人员19999', '厦门市湖里区19999号']);
  });

  it('reads CSV in UTF-8 with a byte order mark, and in GB 18030 as Excel saves it', async () => {
    const utf8 = await readTable(new TextEncoder().encode('\uFEFF姓名,联系地址\r\n张三,"厦门市, 思明区"\r\n'));
    expect([utf8.header, utf8.rows[0]!.cells.map((cell) => cell.text)]).toEqual([['姓名', '联系地址'], ['张三', '厦门市, 思明区']]);
    const gb = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // 姓名\n张三\n in GB 18030
    expect((await readTable(gb)).rows[0]!.cells[0]!.text).toBe('张三');
  });
});
