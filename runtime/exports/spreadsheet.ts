import ExcelJS from 'exceljs';

/** A table cell: text, a count or a value; null is an empty cell. */
export type Cell = string | number | null;

/** What a spreadsheet takes as the start of a formula (or a DDE call): = + - @, a tab, a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet opens as text, never as a formula: a cell starting with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP "CSV injection"). Numbers are left as they are.
 * Every CSV and XLSX export of the platform goes through this one function.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV field per RFC 4180, neutralised: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(cell: Cell): string {
  const safe = neutralise(cell);
  const text = safe === null ? '' : String(safe);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV of neutralised cells. For people (`forPeople`): a UTF-8 byte order mark, so Excel reads
 * Chinese right, and CRLF line ends; for a bank's system: plain UTF-8 with LF.
 */
export function toCsv(rows: readonly (readonly Cell[])[], options: { forPeople: boolean }): string {
  const lines = rows.map((row) => row.map(csvField).join(','));
  return options.forPeople ? `\uFEFF${lines.join('\r\n')}\r\n` : `${lines.join('\n')}\n`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX workbook of one sheet: a bold header, then the rows, text neutralised, counts and values as numbers. */
export async function toXlsx(sheetName: string, rows: readonly (readonly Cell[])[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters, without : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((cell) => neutralise(cell) ?? undefined));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : 18;
  });
  const buffer: ArrayBuffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
