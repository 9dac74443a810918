import { readFileSync } from 'node:fs';
import { PlatformError, type LocalizedText } from '../../engine/index.ts';

/** At least this many characters. */
export const MIN_PASSWORD_LENGTH = 10;

const common = new Set(
  readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** One rule a password breaks. */
export interface PasswordProblem {
  rule: 'length' | 'classes' | 'username' | 'common';
  reason: LocalizedText;
}

/**
 * What a password breaks of the policy (GB/T 22239-2019 8.1.4.1: identification with complexity
 * requirements): at least {@link MIN_PASSWORD_LENGTH} characters, three of the four classes
 * (lower case, upper case, digits, other), not containing the username, not a common password.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({ rule: 'length', reason: { 'zh-CN': `密码至少 ${MIN_PASSWORD_LENGTH} 位`, en: `At least ${MIN_PASSWORD_LENGTH} characters` } });
  }
  if (classes.filter((c) => c.test(password)).length < 3) {
    problems.push({ rule: 'classes', reason: { 'zh-CN': '须包含小写字母、大写字母、数字、符号中的至少三类', en: 'At least three of: lower case, upper case, digits, symbols' } });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ rule: 'username', reason: { 'zh-CN': '密码不得包含用户名', en: 'It must not contain the username' } });
  }
  if (common.has(password.toLowerCase())) {
    problems.push({ rule: 'common', reason: { 'zh-CN': '这是常见密码，请另设', en: 'It is a common password' } });
  }
  return problems;
}

/** Refuses a password that breaks the policy, with every rule it breaks (`PASSWORD_POLICY`, 422). */
export function requireStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new PlatformError('PASSWORD_POLICY', { details: { field: 'password', problems } });
}
