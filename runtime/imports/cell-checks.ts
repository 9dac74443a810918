import { parseCitizenId, parseCreditCode } from '../../forms/index.ts';
import { isKnownAreaCode } from '../divisions/index.ts';
import { normalIdNumber } from '../privacy/index.ts';
import { issue, type RowIssue } from './import-reasons.ts';
import { unreadable, type RawCell } from './read-table.ts';

/** What a spreadsheet runs as a formula (or a DDE call) when a cell starts with it. */
const FORMULA_START = /^[=+\-@]/;

/**
 * The trimmed text of a cell, or undefined when empty (a finding when the field is required), or
 * null when refused: a formula, or text a spreadsheet would run as one (refused rather than
 * neutralised, so the record never holds a value the file did not say), unreadable characters, or
 * text longer than the field takes.
 */
export function textOf(field: string, cell: RawCell | undefined, issues: RowIssue[], options: { required: boolean; maxLength: number }): string | undefined | null {
  const text = cell?.text.trim() ?? '';
  if (text === '') {
    if (options.required) issues.push(issue(field, 'required'));
    return undefined;
  }
  if (cell!.type === 'formula' || FORMULA_START.test(text)) return issues.push(issue(field, 'formula')), null;
  if (unreadable(text)) return issues.push(issue(field, 'garbage')), null;
  if (text.length > options.maxLength) return issues.push(issue(field, 'too-long')), null;
  return text;
}

/** A checked citizen ID number (GB 11643) in its normal form with what it tells, or undefined with the finding. */
export function checkIdNumber(field: string, cell: RawCell | undefined, text: string, today: string, issues: RowIssue[]) {
  if (cell?.type === 'number' && text.replace(/\D/g, '').length >= 15) return void issues.push(issue(field, 'id-as-number'));
  const parsed = parseCitizenId(text, today);
  if (!parsed.ok) return void issues.push(issue(field, parsed.problem === 'format' ? 'id-format' : parsed.problem === 'birthDate' ? 'id-birth-date' : 'id-checksum'));
  if (!isKnownAreaCode(parsed.areaCode)) issues.push(issue(field, 'id-area-unknown', 'warning'));
  return { normal: normalIdNumber(text), gender: parsed.gender, birthDate: parsed.birthDate };
}

/** A division code of 6, 9 or 12 digits; its first six not in the current table is a warning (codes are retired over time). */
export function checkArea(field: string, text: string, issues: RowIssue[], lengths: readonly number[] = [6, 9, 12]): string | undefined {
  if (!/^\d+$/.test(text) || !lengths.includes(text.length)) return void issues.push(issue(field, 'area-format'));
  if (!isKnownAreaCode(text.slice(0, 6))) issues.push(issue(field, 'area-unknown', 'warning'));
  return text;
}

/** A day written YYYY-MM-DD (or YYYY/MM/DD, YYYY.MM.DD) that exists, and, unless `future`, not after today. */
export function checkDate(field: string, text: string, today: string, issues: RowIssue[], options: { future: boolean }): string | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!match) return void issues.push(issue(field, 'date-format'));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return void issues.push(issue(field, 'date-impossible'));
  const iso = date.toISOString().slice(0, 10);
  if (!options.future && iso > today) return void issues.push(issue(field, 'date-future'));
  return iso;
}

/** A unified social credit code (GB 32100, with the embedded GB 11714 check), upper case, or undefined with the finding. */
export function checkCreditCode(field: string, text: string, issues: RowIssue[]): string | undefined {
  const parsed = parseCreditCode(text);
  if (!parsed.ok) return void issues.push(issue(field, parsed.problem === 'format' ? 'credit-format' : parsed.problem === 'checksum' ? 'credit-checksum' : 'credit-organization-code'));
  return text.toUpperCase();
}

/** A mobile number: 11 digits starting with 1 and 3-9. */
export function checkPhone(field: string, text: string, issues: RowIssue[]): string | undefined {
  if (!/^1[3-9]\d{9}$/.test(text)) return void issues.push(issue(field, 'phone-format'));
  return text;
}
