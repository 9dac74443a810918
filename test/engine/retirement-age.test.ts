import { describe, expect, it } from 'vitest';
import { hasReachedRetirement, statutoryRetirement, type RetirementCategory } from '../../engine/index.ts';

// Worked examples from shared/data/retirement-age-2025.md.
const vectors: [RetirementCategory, string, number, string][] = [
  ['male-60', '1964-12', 0, '2024-12'],
  ['male-60', '1965-01', 1, '2025-02'],
  ['male-60', '1965-04', 1, '2025-05'],
  ['male-60', '1965-05', 2, '2025-07'],
  ['male-60', '1965-12', 3, '2026-03'],
  ['male-60', '1970-06', 17, '2031-11'],
  ['male-60', '1976-08', 35, '2039-07'],
  ['male-60', '1976-09', 36, '2039-09'],
  ['male-60', '2000-12', 36, '2063-12'],
  ['female-55', '1969-12', 0, '2024-12'],
  ['female-55', '1970-01', 1, '2025-02'],
  ['female-55', '1971-04', 4, '2026-08'],
  ['female-55', '1975-03', 16, '2031-07'],
  ['female-55', '1981-09', 36, '2039-09'],
  ['female-50', '1974-12', 0, '2024-12'],
  ['female-50', '1975-01', 1, '2025-02'],
  ['female-50', '1975-03', 2, '2025-05'],
  ['female-50', '1978-06', 21, '2030-03'],
  ['female-50', '1984-10', 59, '2039-09'],
  ['female-50', '1984-11', 60, '2039-11'],
  ['female-50', '1995-12', 60, '2050-12'],
];

describe('statutory retirement age (2025 gradual delay)', () => {
  it.each(vectors)('%s born %s: delay %i months, retires %s', (category, birth, delay, month) => {
    const retirement = statutoryRetirement(birth, category);
    expect(retirement.delayMonths).toBe(delay);
    expect(retirement.retirementMonth).toBe(month);
  });

  it('counts a person as retired from the retirement month on', () => {
    expect(hasReachedRetirement('1965-12-15', 'male-60', '2026-02-28')).toBe(false);
    expect(hasReachedRetirement('1965-12-15', 'male-60', '2026-03-01')).toBe(true);
  });
});
