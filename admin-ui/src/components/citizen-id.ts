import { parseCitizenId } from '../../../forms/identifiers/index.ts';
import type { Text } from '../i18n.ts';

/** What the forms that take a citizen ID number say of one that fails the check, zh-CN first: spread into a screen's message table. */
export const citizenIdTexts = {
  idLength: { 'zh-CN': '公民身份号码为18位（已输入 {n} 位）', en: 'A citizen ID number has 18 characters ({n} so far)' },
  idFormat: { 'zh-CN': '公民身份号码为17位数字加1位数字或X', en: 'A citizen ID number is 17 digits and a digit or X' },
  idBirthDate: { 'zh-CN': '号码中的出生日期 {date} 不存在或晚于今天', en: 'The birth date {date} in the number does not exist or is in the future' },
  idChecksum: { 'zh-CN': '校验位不符，请逐位核对号码', en: 'The check character does not match: check every digit' },
} satisfies Record<string, Text>;

/** A message table's translate function that holds {@link citizenIdTexts}. */
type CitizenIdTranslate = (key: keyof typeof citizenIdTexts, vars?: Record<string, string | number>) => string;

/**
 * What is wrong with a citizen ID number as it is being typed, in words, or null when it passes the
 * same GB 11643 check the server applies (length, digits, a real past birth date, check character).
 */
export function citizenIdProblem(value: string, t: CitizenIdTranslate): string | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{0,17}[\dX]?$/.test(id)) return t('idFormat');
  if (id.length < 18) return t('idLength', { n: id.length });
  const parsed = parseCitizenId(id);
  if (parsed.ok) return null;
  if (parsed.problem === 'birthDate') return t('idBirthDate', { date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` });
  return parsed.problem === 'checksum' ? t('idChecksum') : t('idFormat');
}
