import type { ValidateFunction } from 'ajv';
import type { LegacyImportColumn, LocalizedText } from '../../engine/index.ts';
import { createAjv, toFieldErrors } from '../../forms/index.ts';
import { codeEntry } from '../code-tables/index.ts';
import type { DeclaredLegacyImport } from '../plugins/index.ts';
import { checkDate, textOf } from './cell-checks.ts';
import { issue, type RowIssue } from './import-reasons.ts';
import type { RawCell } from './read-table.ts';

/** Separators between the codes of a list cell (desired occupations): comma, semicolon or 、, either width, or spaces. */
const LIST = /[,，;；、\s]+/;

const validators = new WeakMap<DeclaredLegacyImport, ValidateFunction>();

/**
 * The check of a row's case data: the declared columns' own schemas from the meaning's form, none
 * required here (an empty required cell is reported as such before) and nothing else allowed, compiled
 * once per declaration with the platform's one Ajv factory.
 */
function validatorOf(declared: DeclaredLegacyImport): ValidateFunction {
  let validate = validators.get(declared);
  if (!validate) validators.set(declared, (validate = createAjv().compile({ type: 'object', additionalProperties: false, properties: declared.fieldSchemas })));
  return validate;
}

/** A cell's text as the form's field takes it: a whole number for an integer, codes for a list, a normal date, else the text. */
function typed(schema: Record<string, unknown>, text: string, field: string, today: string, issues: RowIssue[]): unknown {
  if (schema['type'] === 'integer' || schema['type'] === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (schema['type'] === 'array') return text.split(LIST).filter((code) => code !== '');
  if (schema['format'] === 'date') return checkDate(field, text, today, issues, { future: true });
  return text;
}

/** A finding whose reason names the other column: the value is below the one it may not be below. */
function belowOther(field: string, other: LocalizedText): RowIssue {
  const found = issue(field, 'value-order');
  return { ...found, reason: { 'zh-CN': found.reason['zh-CN'].replace('{other}', other['zh-CN']), en: found.reason.en.replace('{other}', other.en) } };
}

/**
 * The case data of a row by the declared columns: each cell read as its form field takes it and
 * judged by the form's schema (a failing field's finding carries the form's own bilingual message),
 * a code looked up in its code table, a value not below the column it names, a date not past where
 * so declared. `date` is the row's date (the declaration's `dateField`), compared as a column.
 */
export function checkColumns(declared: DeclaredLegacyImport, cells: ReadonlyMap<string, RawCell>, date: string | undefined, today: string, issues: RowIssue[]): Record<string, unknown> {
  const columns: readonly LegacyImportColumn[] = declared.declaration.columns ?? [];
  const data: Record<string, unknown> = {};
  for (const column of columns) {
    const text = textOf(column.field, cells.get(column.field), issues, { required: column.required, maxLength: 2000 });
    if (text) {
      const value = typed(declared.fieldSchemas[column.field]!, text, column.field, today, issues);
      if (value !== undefined) data[column.field] = value;
    }
  }
  const validate = validatorOf(declared);
  const failed = new Set<string>();
  if (!validate(data)) {
    for (const error of toFieldErrors(validate.errors)) {
      const field = error.field.split('.')[0]!;
      if (failed.has(field)) continue;
      failed.add(field);
      issues.push({ ...issue(field, 'form-invalid'), reason: error.text });
    }
  }
  const valueOf = (field: string) => (field === declared.declaration.dateField ? date : failed.has(field) ? undefined : data[field]);
  for (const column of columns) {
    const value = valueOf(column.field);
    if (value === undefined) continue;
    const codes = Array.isArray(value) ? (value as string[]) : [String(value)];
    if (column.codeTable && codes.some((code) => !codeEntry(column.codeTable!, code))) issues.push(issue(column.field, 'code-unknown'));
    const other = column.notBelow === undefined ? undefined : valueOf(column.notBelow);
    if (other !== undefined && (value as number | string) < (other as number | string)) {
      const title = columns.find((c) => c.field === column.notBelow)?.title ?? { 'zh-CN': column.notBelow!, en: column.notBelow! };
      issues.push(belowOther(column.field, title));
    }
    if (column.notPast && typeof value === 'string' && value < today) issues.push(issue(column.field, 'date-past'));
  }
  return data;
}
