import { and, eq, inArray } from 'drizzle-orm';
import { employers } from '../db/schema/index.ts';
import { sealIdNumber } from '../privacy/index.ts';
import { checkCreditCode, checkDate, checkIdNumber, textOf } from './cell-checks.ts';
import type { CheckedRow, ImportKindSpec } from './import-kind.ts';
import type { RowIssue } from './import-reasons.ts';

/**
 * Employers from a city's files, written as a window registers them: the credit code checked
 * (GB 32100 and its GB 11714 organisation code; a pilot code failing a check is registered at a
 * window, where a reviewer records why), the legal representative's ID number sealed, the
 * establishment date a real day not in the future; unique by credit code in the city.
 */
export const employerImport: ImportKindSpec = {
  kind: 'employers',
  title: { 'zh-CN': '用人单位', en: 'Employers' },
  fields: [
    { id: 'creditCode', title: { 'zh-CN': '统一社会信用代码', en: 'Credit code' }, required: true },
    { id: 'name', title: { 'zh-CN': '单位名称', en: 'Name' }, required: true },
    { id: 'legalRepIdNumber', title: { 'zh-CN': '法定代表人身份号码', en: 'Legal representative ID number' }, required: false, mask: 'id' },
    { id: 'establishedOn', title: { 'zh-CN': '成立日期', en: 'Established on' }, required: false },
  ],
  keyField: 'creditCode',
  check(cells, { cipher, today }): CheckedRow {
    const issues: RowIssue[] = [];
    const codeText = textOf('creditCode', cells.get('creditCode'), issues, { required: true, maxLength: 32 });
    const creditCode = codeText ? checkCreditCode('creditCode', codeText, issues) : undefined;
    const name = textOf('name', cells.get('name'), issues, { required: true, maxLength: 100 });
    const repText = textOf('legalRepIdNumber', cells.get('legalRepIdNumber'), issues, { required: false, maxLength: 32 });
    const rep = repText ? checkIdNumber('legalRepIdNumber', cells.get('legalRepIdNumber'), repText, today, issues) : undefined;
    const dateText = textOf('establishedOn', cells.get('establishedOn'), issues, { required: false, maxLength: 20 });
    const establishedOn = dateText ? checkDate('establishedOn', dateText, today, issues, { future: false }) : undefined;
    if (!creditCode || issues.some((found) => found.severity === 'error')) return { issues };
    const sealed = rep ? sealIdNumber(cipher, rep.normal) : undefined;
    return {
      issues,
      key: creditCode,
      values: {
        creditCode,
        name,
        legalRepIdNumber: sealed?.idNumber ?? null,
        legalRepIdNumberIndex: sealed?.idNumberIndex ?? null,
        legalRepIdNumberMasked: sealed?.idNumberMasked ?? null,
        establishedOn: establishedOn ?? null,
      },
    };
  },
  async existing(db, cityCode, keys) {
    const rows = await db.select({ key: employers.creditCode }).from(employers).where(and(eq(employers.cityCode, cityCode), inArray(employers.creditCode, [...keys])));
    return new Set(rows.map((row) => row.key));
  },
  target: {
    table: 'employers',
    conflict: ['city_code', 'credit_code'],
    columns: [
      { column: 'credit_code', key: 'creditCode', type: 'text' },
      { column: 'name', key: 'name', type: 'text' },
      { column: 'legal_rep_id_number', key: 'legalRepIdNumber', type: 'text' },
      { column: 'legal_rep_id_number_index', key: 'legalRepIdNumberIndex', type: 'text' },
      { column: 'legal_rep_id_number_masked', key: 'legalRepIdNumberMasked', type: 'text' },
      { column: 'established_on', key: 'establishedOn', type: 'date' },
    ],
    stamped: ['created_at'],
  },
};
