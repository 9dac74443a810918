/** Why a unified social credit code was refused. */
export type CreditCodeProblem = 'format' | 'checksum' | 'organizationCode';

export type CreditCodeResult = { ok: true; areaCode: string; organizationCode: string } | { ok: false; problem: CreditCodeProblem };

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The GB 32100 check character for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character of the 8-character organisation code body. */
export function organizationCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks an 18-character unified social credit code: alphabet, its own check character,
 * and the embedded organisation code's check (positions 9-17). Some early pilot codes fail
 * the organisation code check yet are legal; callers decide whether to allow an override.
 */
export function parseCreditCode(raw: string): CreditCodeResult {
  const code = raw.trim().toUpperCase();
  if (!SHAPE.test(code)) return { ok: false, problem: 'format' };
  if (creditCodeCheckCharacter(code) !== code[17]) return { ok: false, problem: 'checksum' };
  const organizationCode = code.slice(8, 17);
  if (organizationCodeCheckCharacter(organizationCode) !== organizationCode[8]) {
    return { ok: false, problem: 'organizationCode' };
  }
  return { ok: true, areaCode: code.slice(2, 8), organizationCode };
}

/** True for a unified social credit code whose check characters are both correct. */
export function isCreditCode(raw: string): boolean {
  return parseCreditCode(raw).ok;
}
