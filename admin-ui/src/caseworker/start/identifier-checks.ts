import { parseCitizenId, parseCreditCode } from '../../../../forms/identifiers/index.ts';
import type { useStartMessages } from './messages.ts';

/** The start screen's translate function. */
type T = ReturnType<typeof useStartMessages>;

/** What a valid citizen ID number tells (gender, birth date, area), for the user to compare with the document; null if invalid. */
export function citizenIdSummary(value: string, t: T): string | null {
  const parsed = parseCitizenId(value);
  return parsed.ok ? t('idDerived', { gender: t(parsed.gender), birthDate: parsed.birthDate, area: parsed.areaCode }) : null;
}

/** What is wrong with a unified social credit code as it is being typed, or null when both GB 32100 and GB 11714 checks pass. */
export function creditCodeProblem(value: string, t: T): string | null {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]*$/.test(code)) return t('codeFormat');
  if (code.length < 18) return t('codeLength', { n: code.length });
  const parsed = parseCreditCode(code);
  if (parsed.ok) return null;
  if (parsed.problem === 'checksum') return t('codeChecksum');
  return parsed.problem === 'organizationCode' ? t('codeOrganization') : t('codeFormat');
}

/** The registration area and organisation code inside a valid credit code; null if invalid. */
export function creditCodeSummary(value: string, t: T): string | null {
  const parsed = parseCreditCode(value);
  return parsed.ok ? t('codeDerived', { area: parsed.areaCode, org: parsed.organizationCode }) : null;
}
