import type { EffectiveParameter } from '../types.ts';

/** A numeric parameter's bounds, or null for a code list (its values come from the catalogue). */
export function numericBounds(parameter: EffectiveParameter): { min: number; max: number } | null {
  return parameter.unit === 'codes' ? null : { min: parameter.min, max: parameter.max };
}

/**
 * Whether a value a level sets lies outside the ministry's bounds: a whole number below the
 * minimum or above the maximum. The input keeps what was typed (it never clamps it silently), so
 * the refusal can be shown beside it with the bounds, and verification blocks publishing.
 */
export function outOfBounds(parameter: EffectiveParameter, value: unknown): boolean {
  const bounds = numericBounds(parameter);
  return bounds !== null && typeof value === 'number' && (value < bounds.min || value > bounds.max);
}
