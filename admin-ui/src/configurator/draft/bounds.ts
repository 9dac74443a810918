import type { ListParameterSpec, NumberParameterSpec } from '../types.ts';

/** What the bounds are read from: a parameter's unit and, for a number, its ministry minimum and maximum. */
type Bounded = Pick<NumberParameterSpec, 'unit' | 'min' | 'max'> | Pick<ListParameterSpec, 'unit'>;

/** A numeric parameter's bounds, or null for a code list (its values come from the catalogue). */
export function numericBounds(parameter: Bounded): { min: number; max: number } | null {
  return parameter.unit === 'codes' ? null : { min: parameter.min, max: parameter.max };
}

/**
 * Whether a value a level sets lies outside the ministry's bounds: a whole number below the
 * minimum or above the maximum. The input keeps what was typed (it never clamps it silently), so
 * the refusal can be shown beside it with the bounds, and verification blocks publishing.
 */
export function outOfBounds(parameter: Bounded, value: unknown): boolean {
  const bounds = numericBounds(parameter);
  return bounds !== null && typeof value === 'number' && (value < bounds.min || value > bounds.max);
}
