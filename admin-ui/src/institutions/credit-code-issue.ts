import { parseCreditCode } from '../../../forms/identifiers/index.ts';
import type { Locale } from '../i18n.ts';

const PROBLEMS = {
  format: { 'zh-CN': '统一社会信用代码为18位数字或大写字母（不含I、O、S、V、Z）', en: 'A credit code is 18 digits or capitals (no I, O, S, V, Z)' },
  checksum: { 'zh-CN': '统一社会信用代码校验位不正确', en: 'The credit code’s check character is wrong' },
  organizationCode: { 'zh-CN': '统一社会信用代码中的组织机构代码校验不正确', en: 'The organisation code inside the credit code fails its check' },
} as const;

/** What is wrong with a credit code by the server's own checks (GB 32100, GB 11714), in words; null when it passes. */
export function creditCodeIssue(value: string, locale: Locale): string | null {
  const parsed = parseCreditCode(value);
  return parsed.ok ? null : PROBLEMS[parsed.problem][locale];
}
