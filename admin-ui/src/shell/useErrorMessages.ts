import type { Localized } from '../api.ts';
import { useCatalogue } from './useCatalogue.ts';

const NONE: Record<string, Localized> = {};

/** The platform's error catalogue (`GET /error-codes`): each code's message; empty until it arrives. */
export function useErrorMessages(): Record<string, Localized> {
  return useCatalogue('/error-codes', NONE);
}
