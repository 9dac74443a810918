import type { ImportReason } from '../db/schema/index.ts';

/**
 * Every finding of a dry run by its code, with the bilingual reason the report gives. One table, so
 * that the report, the API and the screen say the same thing for the same problem.
 */
export const importReasons = {
  required: { 'zh-CN': '必填项为空', en: 'A required value is empty' },
  formula: {
    'zh-CN': '以 = + - @ 开头或为公式的单元格不予导入（表格软件会将其当作公式执行；改写会悄悄改变数据，故拒收），请填写实际值',
    en: 'A cell that is a formula or starts with = + - @ is refused (a spreadsheet would run it; changing it would silently alter the data): enter the value itself',
  },
  garbage: { 'zh-CN': '含有无法识别的字符（控制字符或乱码）', en: 'Holds characters that cannot be read (control characters or mis-encoded text)' },
  'too-long': { 'zh-CN': '内容超过长度上限', en: 'Longer than allowed' },
  'id-format': { 'zh-CN': '公民身份号码须为 18 位（末位可为 X）', en: 'A citizen ID number has 18 characters (the last may be X)' },
  'id-as-number': {
    'zh-CN': '身份号码以数字格式保存，已丢失精度：请将该列设为文本后重新导出',
    en: 'The ID number was stored as a number and lost digits: format the column as text and export again',
  },
  'id-birth-date': { 'zh-CN': '身份号码中的出生日期不存在或晚于今天', en: 'The birth date in the ID number does not exist or is in the future' },
  'id-checksum': { 'zh-CN': '身份号码校验位错误（GB 11643）', en: 'The ID number\u2019s check character is wrong (GB 11643)' },
  'id-area-unknown': { 'zh-CN': '身份号码的地址码不在现行区划代码中（可能已撤销），仍可导入', en: 'The ID number\u2019s area code is not a current division code (perhaps retired); it may still be imported' },
  'phone-format': { 'zh-CN': '手机号码须为 11 位、以 1 开头', en: 'A mobile number has 11 digits and starts with 1' },
  'area-format': { 'zh-CN': '区划代码须为 6 位（街道 9 位、社区 12 位）数字', en: 'A division code has 6 digits (9 for a street, 12 for a community)' },
  'area-unknown': {
    'zh-CN': '区划代码不在现行代码表中（可能已撤销），仍可导入',
    en: 'The division code is not in the current code table (perhaps retired); it may still be imported',
  },
  'date-format': { 'zh-CN': '日期须为 YYYY-MM-DD', en: 'A date is written YYYY-MM-DD' },
  'date-impossible': { 'zh-CN': '日期不存在（如 2023-02-30）', en: 'The date does not exist (such as 2023-02-30)' },
  'date-future': { 'zh-CN': '日期不能晚于今天', en: 'The date may not be in the future' },
  'credit-format': { 'zh-CN': '统一社会信用代码须为 18 位，不含 I O S V Z', en: 'A unified social credit code has 18 characters, without I O S V Z' },
  'credit-checksum': { 'zh-CN': '统一社会信用代码校验位错误（GB 32100）', en: 'The credit code\u2019s check character is wrong (GB 32100)' },
  'credit-organization-code': {
    'zh-CN': '统一社会信用代码中的组织机构代码校验错误（早期试点代码须在窗口登记并说明理由）',
    en: 'The organisation code inside the credit code fails its check (an early pilot code is registered at a window, with a reason)',
  },
  'duplicate-in-file': { 'zh-CN': '与文件中前面第 {row} 行重复', en: 'Repeats row {row} of the file' },
  'duplicate-in-database': { 'zh-CN': '本市已登记该记录，不再导入', en: 'Already registered in the city: not imported again' },
  'state-not-allowed': { 'zh-CN': '登记状态不在该业务允许导入的状态之中', en: 'The state is not one this registration may be imported in' },
  'date-order': { 'zh-CN': '注销（终止）日期早于登记日期', en: 'The end date is before the registration date' },
  'reason-unknown': { 'zh-CN': '注销（终止）原因不在该业务规定的原因之中', en: 'The reason is not one the process allows' },
  'person-unknown': { 'zh-CN': '本市未登记该人员：请先登记或导入人员信息', en: 'The person is not registered in the city: register or import the person first' },
  'office-unknown': { 'zh-CN': '经办机构不是本市的机构编号', en: 'The office is not an org unit id of the city' },
  'registered-elsewhere': { 'zh-CN': '该人员在其他城市有有效登记，不能导入为有效登记', en: 'The person holds a registration in force in another city: it may not be imported as in force' },
  'already-active': { 'zh-CN': '该人员在本市已有有效登记（或文件中前面已有一条有效登记）', en: 'The person already has a registration in force in the city (or an earlier row of the file gives one)' },
  'employer-unknown': { 'zh-CN': '本市未登记该用人单位：请先登记或导入用人单位信息', en: 'The employer is not registered in the city: register or import the employer first' },
  'form-invalid': { 'zh-CN': '不符合业务表单对该项的要求', en: 'Not what the process\u2019s form takes for this field' },
  'code-unknown': { 'zh-CN': '代码不在该项所用的代码表中', en: 'The code is not in the code table this field uses' },
  'value-order': { 'zh-CN': '不能小于「{other}」', en: 'May not be below \u201c{other}\u201d' },
  'date-past': { 'zh-CN': '日期不能早于今天', en: 'The date may not be in the past' },
} as const satisfies Record<string, ImportReason>;

/** A finding's code. */
export type ImportIssueCode = keyof typeof importReasons;

/** A finding of a dry run on one field of one row. */
export interface RowIssue {
  field: string;
  severity: 'error' | 'warning';
  code: ImportIssueCode;
  reason: ImportReason;
}

/** A finding with its reason, `{row}` filled in where the reason names another row. */
export function issue(field: string, code: ImportIssueCode, severity: 'error' | 'warning' = 'error', row?: number): RowIssue {
  const text = importReasons[code];
  const fill = (s: string) => (row === undefined ? s : s.replace('{row}', String(row)));
  return { field, severity, code, reason: { 'zh-CN': fill(text['zh-CN']), en: fill(text.en) } };
}
