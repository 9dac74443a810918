import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { PlatformError } from '../../engine/index.ts';

/** One cell as read: its text, and what the file said it was (a number loses digits past 15, a formula is refused). */
export interface RawCell {
  text: string;
  type: 'text' | 'number' | 'date' | 'formula';
}

/** A file read into its header and data rows; `rowNo` is the row's number in the file (the header is row 1). */
export interface RawTable {
  type: 'csv' | 'xlsx';
  header: string[];
  rows: { rowNo: number; cells: RawCell[] }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** C0 control characters other than tab and line ends, and the replacement character of a failed decoding. */
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

function invalid(reason: string): PlatformError {
  return new PlatformError('IMPORT_FILE_INVALID', { details: { reason } });
}

/** Text of a CSV file: UTF-8 (a byte order mark dropped), else GB 18030 as Excel saves Chinese CSV; neither is refused. */
function decode(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // Try the next encoding.
    }
  }
  throw invalid('neither UTF-8 nor GB 18030 text');
}

/** RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (quoted) throw invalid('a quoted field is not closed');
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function readCsv(bytes: Uint8Array): RawTable {
  const text = decode(bytes);
  const [header = [], ...lines] = parseCsv(text);
  const rows = lines
    .map((cells, i) => ({ rowNo: i + 2, cells: cells.map((text): RawCell => ({ text, type: 'text' })) }))
    .filter((row) => row.cells.some((cell) => cell.text.trim() !== ''));
  return { type: 'csv', header: header.map((h) => h.trim()), rows };
}

/** A cell's value as text; a date as its day (Excel keeps dates as UTC midnight); a formula flagged, never evaluated. */
function cellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return { text: '', type: 'text' };
  if (typeof value === 'number') return { text: String(value), type: 'number' };
  if (typeof value === 'boolean') return { text: String(value), type: 'text' };
  if (typeof value === 'string') return { text: value, type: 'text' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), type: 'date' };
  if ('formula' in value || 'sharedFormula' in value) return { text: `=${'formula' in value ? value.formula : value.sharedFormula}`, type: 'formula' };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join(''), type: 'text' };
  if ('text' in value) return { text: String(value.text), type: 'text' };
  if ('error' in value) return { text: String(value.error), type: 'formula' };
  return { text: '', type: 'text' };
}

/** Text of a stream of bytes decoded as a whole: a character split between two chunks stays one character. */
async function* utf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): AsyncGenerator<unknown>;
}
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Uint8Array, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * ExcelJS's reader, fed the parts of a workbook held in memory through the archive's central
 * directory: the workbook and its relations, shared strings and styles first, then the worksheets in
 * their order, each decompressed as a stream. ExcelJS's own pass over the archive in stored order
 * sets a worksheet stored before `xl/workbook.xml` (as ExcelJS itself writes) aside in a temporary
 * file, and while that file is written the archive's stream loses its later entries: the workbook
 * part then never arrives and the upload failed as unreadable now and then (exceljs issue 3064).
 * Text is decoded as a stream too: decoding each decompressed chunk on its own split a Chinese
 * character between two chunks into two U+FFFD (found by the import benchmark).
 */
class CentralDirectoryReader extends BaseReader {
  readonly #archive: Buffer;

  constructor(bytes: Uint8Array, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
    super(bytes, options);
    this.#archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  override async *parse(): AsyncGenerator<unknown> {
    const { files } = await unzipper.Open.buffer(this.#archive);
    const part = (path: string) => files.find((file) => file.path === path)?.stream();
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await this._parseRels(rels);
    const workbook = part('xl/workbook.xml');
    if (workbook) await this._parseWorkbook(workbook);
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) yield* this._parseSharedStrings(sharedStrings.setEncoding('utf8'));
    const styles = part('xl/styles.xml');
    if (styles) await this._parseStyles(styles);
    const sheets = files.flatMap((file) => WORKSHEET.exec(file.path)?.[1] ?? []).sort((a, b) => Number(a) - Number(b));
    for (const sheetNo of sheets) yield* this._parseWorksheet(utf8(part(`xl/worksheets/sheet${sheetNo}.xml`)!), sheetNo);
  }
}

/** The first worksheet of an XLSX workbook, read row by row (rows are not kept as ExcelJS objects). */
async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const rows: RawTable['rows'] = [];
  let header: string[] | undefined;
  try {
    const reader = new CentralDirectoryReader(bytes, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const cells = Array.from({ length: values.length }, (_, i) => cellOf(values[i]));
        if (!header) header = cells.map((cell) => cell.text.trim());
        else if (cells.some((cell) => cell.text.trim() !== '')) rows.push({ rowNo: row.number, cells });
      }
      break;
    }
  } catch (error) {
    throw new PlatformError('IMPORT_FILE_INVALID', { details: { reason: 'the workbook cannot be read' }, cause: error });
  }
  return { type: 'xlsx', header: header ?? [], rows };
}

/**
 * Reads an uploaded file: an XLSX workbook (by its ZIP signature, first worksheet) or CSV text.
 * Anything else, or a file with no header, is refused (`IMPORT_FILE_INVALID`) before a row is read.
 */
export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  if (!isZip && bytes.includes(0)) throw invalid('binary content');
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  if (table.header.every((h) => h === '')) throw invalid('no header row');
  return table;
}

/** Whether a text holds characters no record holds (control characters, a failed decoding). */
export function unreadable(text: string): boolean {
  return UNREADABLE.test(text);
}
