import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { employers, persons } from '../db/schema/index.ts';
import { sealIdNumber } from '../privacy/index.ts';
import { checkCreditCode, checkIdNumber, textOf } from './cell-checks.ts';
import type { CheckContext, ImportField } from './import-kind.ts';
import type { RowIssue } from './import-reasons.ts';
import type { RawCell } from './read-table.ts';

/**
 * Whom the rows of a legacy import name, as the process's subject: its column, the check of that
 * cell (the row's subject key: a person's blind index, never the number, or an employer's credit
 * code), the records of the city the keys find, and the same key in SQL over the subject's table
 * (`s`), so that rows already imported are found by it.
 */
export interface LegacySubject {
  field: ImportField;
  check(cells: ReadonlyMap<string, RawCell>, context: CheckContext, issues: RowIssue[]): string | undefined;
  find(db: Executor, cityCode: string, keys: readonly string[]): Promise<Map<string, string>>;
  /** The subject's table, joined as `s` on the case's subject. */
  table: SQL;
  keySql: SQL;
}

/** A person by citizen ID number, found by its blind index: registered in the city by a window or a persons import. */
const person: LegacySubject = {
  field: { id: 'idNumber', title: { 'zh-CN': '公民身份号码', en: 'ID number' }, required: true, mask: 'id' },
  check(cells, { cipher, today }, issues) {
    const text = textOf('idNumber', cells.get('idNumber'), issues, { required: true, maxLength: 32 });
    const id = text ? checkIdNumber('idNumber', cells.get('idNumber'), text, today, issues) : undefined;
    return id ? sealIdNumber(cipher, id.normal).idNumberIndex : undefined;
  },
  async find(db, cityCode, keys) {
    const found = await db.select({ id: persons.id, key: persons.idNumberIndex }).from(persons).where(and(eq(persons.cityCode, cityCode), inArray(persons.idNumberIndex, [...keys])));
    return new Map(found.map((row) => [row.key!, row.id]));
  },
  table: sql`${persons}`,
  keySql: sql.raw('s.id_number_index'),
};

/** An employer by unified social credit code: registered in the city by a window or an employers import. */
const employer: LegacySubject = {
  field: { id: 'creditCode', title: { 'zh-CN': '用人单位统一社会信用代码', en: 'Employer credit code' }, required: true },
  check(cells, _context, issues) {
    const text = textOf('creditCode', cells.get('creditCode'), issues, { required: true, maxLength: 32 });
    return text ? checkCreditCode('creditCode', text, issues) : undefined;
  },
  async find(db, cityCode, keys) {
    const found = await db.select({ id: employers.id, key: employers.creditCode }).from(employers).where(and(eq(employers.cityCode, cityCode), inArray(employers.creditCode, [...keys])));
    return new Map(found.map((row) => [row.key, row.id]));
  },
  table: sql`${employers}`,
  keySql: sql.raw('s.credit_code'),
};

/** The subject of a process by its type. */
export const legacySubjects: Readonly<Record<'person' | 'employer', LegacySubject>> = { person, employer };
