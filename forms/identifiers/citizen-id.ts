/** Why a citizen ID number was refused. */
export type CitizenIdProblem = 'format' | 'birthDate' | 'checksum';

/** What a valid GB 11643-1999 citizen ID number tells about its holder. */
export interface CitizenId {
  areaCode: string;
  /** ISO date, e.g. `1949-12-31`. */
  birthDate: string;
  gender: 'male' | 'female';
}

export type CitizenIdResult = ({ ok: true } & CitizenId) | { ok: false; problem: CitizenIdProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The GB 11643 check character for the first 17 digits. */
export function citizenIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks an 18-character citizen ID number (lower-case x accepted) and derives birth date
 * and gender. `today` bounds the birth date so that a future date is refused.
 */
export function parseCitizenId(raw: string, today: string = new Date().toISOString().slice(0, 10)): CitizenIdResult {
  const id = raw.trim().toUpperCase();
  if (!SHAPE.test(id)) return { ok: false, problem: 'format' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < 1800 || !isRealDate(year, month, day) || birthDate > today) return { ok: false, problem: 'birthDate' };
  if (citizenIdCheckCharacter(id) !== id[17]) return { ok: false, problem: 'checksum' };
  const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, areaCode: id.slice(0, 6), birthDate, gender };
}

/** True for a well-formed citizen ID number with a correct check character. */
export function isCitizenId(raw: string): boolean {
  return parseCitizenId(raw).ok;
}

/** Masks a citizen ID number for lists: area and check kept, birth date and sequence hidden. */
export function maskCitizenId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14, 17).replace(/./g, '*')}${id[17]}` : '*'.repeat(id.length);
}
