import ExcelJS from 'exceljs';
import type { SessionUser } from '../auth/index.ts';
import { drillDown, type IndicatorQuery } from '../indicators/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A table cell: text, a count or a value; null is an empty cell. */
export type Cell = string | number | null;

/** The columns of an exported drill-down, zh-CN first with English. */
export const EXPORT_HEADER = ['代码 Code', '名称 Name', '分子 Numerator', '分母 Denominator', '值 Value'] as const;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with a UTF-8 byte order mark, so Excel reads the Chinese names right. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** An XLSX workbook of one sheet: a bold header, then the rows with counts and values as numbers. */
export async function toXlsx(sheetName: string, rows: readonly (readonly Cell[])[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters, without : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : 18;
  });
  const buffer: ArrayBuffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The drill-down rows (`drillDown`'s numbers, unchanged) as a table with its header. */
export async function drillDownTable(rt: RuntimeContext, user: SessionUser, indicator: string, query: IndicatorQuery & { by: 'unit' | 'post' }): Promise<Cell[][]> {
  const result = await drillDown(rt, user, indicator, query);
  return [[...EXPORT_HEADER], ...result.rows.map((r) => [r.key, r.name, r.numerator, r.denominator, r.value])];
}

/** 导出 An indicator's drill-down as a CSV or XLSX file: the body, its content type and a file name. */
export async function exportDrillDown(
  rt: RuntimeContext,
  user: SessionUser,
  indicator: string,
  query: IndicatorQuery & { by: 'unit' | 'post' },
  format: 'csv' | 'xlsx',
): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string; fileName: string }> {
  const table = await drillDownTable(rt, user, indicator, query);
  const base = `${indicator}_${query.orgUnitId}_${query.from}_${query.to}_${query.by}`.replace(/[^\w.-]/g, '_');
  if (format === 'csv') return { body: toCsv(table), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: await toXlsx(indicator, table), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
}
