import { readFileSync } from 'node:fs';
import { PlatformError, type LocalizedText } from '../../engine/index.ts';

/** A code table as shipped: which standard, which edition, in force from when, how complete. */
export interface CodeTable {
  id: string;
  title: LocalizedText;
  standard: string;
  edition: string;
  /** The date the edition came into force (China date); null where the sources do not record it. */
  effectiveFrom: string | null;
  /** What is known about the file's completeness; see `data/SOURCES.md`. */
  completeness: string;
  file: string;
}

/** One entry; `id` is stable across editions of the file: the table id and the code. */
export interface CodeEntry {
  id: string;
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

/** The shipped tables (sources, editions and completeness in `data/SOURCES.md`). */
export const codeTables: readonly CodeTable[] = [
  {
    id: 'occupation-2022',
    title: { 'zh-CN': '中华人民共和国职业分类大典（2022年版）', en: 'Occupational Classification of the PRC (2022 edition)' },
    standard: '职业分类大典',
    edition: '2022',
    effectiveFrom: null,
    completeness: 'partial: 8 major, 72 of 79 middle, 432 of 449 minor groups, 1,632 of 1,636 occupations',
    file: 'occupation-2022.csv',
  },
  {
    id: 'occupation-gbt6565-2015',
    title: { 'zh-CN': '职业分类与代码 GB/T 6565-2015', en: 'Classification and codes of occupations GB/T 6565-2015' },
    standard: 'GB/T 6565',
    edition: '2015',
    effectiveFrom: '2015-10-01',
    completeness: 'complete at the three levels the standard has (8 / 73 / 428)',
    file: 'occupation-gbt6565-2015.csv',
  },
  {
    id: 'industry-gb4754-2017',
    title: { 'zh-CN': '国民经济行业分类 GB/T 4754-2017', en: 'Industrial classification for national economic activities GB/T 4754-2017' },
    standard: 'GB/T 4754',
    edition: '2017',
    effectiveFrom: '2017-10-01',
    completeness: '20 sections, 97 divisions, 473 groups, 1,381 classes (amendment No. 1 status unverified)',
    file: 'industry-gb4754-2017.csv',
  },
  {
    id: 'education-gb4658',
    title: { 'zh-CN': '学历代码 GB/T 4658-2006', en: 'Codes of educational attainment GB/T 4658-2006' },
    standard: 'GB/T 4658',
    edition: '2006',
    effectiveFrom: '2007-03-01',
    completeness: 'complete',
    file: 'education-gb4658.csv',
  },
  {
    id: 'hukou-type',
    title: { 'zh-CN': '户口性质', en: 'Household registration type' },
    standard: '国发〔2014〕25号',
    edition: '2014',
    effectiveFrom: '2014-07-24',
    completeness: 'platform table: the two historical types and the unified 居民户口 of the 2014 reform',
    file: 'hukou-type.csv',
  },
  {
    id: 'registration-type-2011',
    title: { 'zh-CN': '企业登记注册类型（经济类型）', en: 'Enterprise registration (ownership) type' },
    standard: '国统字〔2011〕86号',
    edition: '2011',
    effectiveFrom: null,
    completeness: 'complete at the three levels of the 2011 rule: 3 groups, 18 types, 10 subtypes (个体经营 not included)',
    file: 'registration-type-2011.csv',
  },
];

const loaded = new Map<string, CodeEntry[]>();

/** Parses a shipped table (UTF-8, header row, no quoted fields: a quote is refused rather than misread). */
function parse(table: CodeTable): CodeEntry[] {
  const text = readFileSync(new URL(`./data/${table.file}`, import.meta.url), 'utf8');
  const [, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    if (line.includes('"')) throw new Error(`${table.file}: quoted fields are not expected: ${line}`);
    const [code, name, level, parent] = line.split(',') as [string, string, string, string];
    return { id: `${table.id}:${code}`, code, name, level: Number(level), parent: parent || null };
  });
}

/** The entries of a table, loaded once; NOT_FOUND for an unknown table. */
export function codeEntries(tableId: string): readonly CodeEntry[] {
  const table = codeTables.find((t) => t.id === tableId);
  if (!table) throw new PlatformError('NOT_FOUND', { details: { codeTable: tableId } });
  let entries = loaded.get(tableId);
  if (!entries) loaded.set(tableId, (entries = parse(table)));
  return entries;
}

const indexed = new Map<string, Map<string, CodeEntry>>();

/** An entry of a table by its code, or undefined (indexed once per table). */
export function codeEntry(tableId: string, code: string): CodeEntry | undefined {
  let byCode = indexed.get(tableId);
  if (!byCode) indexed.set(tableId, (byCode = new Map(codeEntries(tableId).map((entry) => [entry.code, entry]))));
  return byCode.get(code);
}

/** The name of a code in a table, or undefined. */
export function codeName(tableId: string, code: string): string | undefined {
  return codeEntry(tableId, code)?.name;
}
