import { isPlatformError, type LocalizedText } from '../../engine/index.ts';

/** A refused application as the public site shows it: the code, whether someone acted first, the message and the details. */
export interface ApplicationRefusal {
  code: string;
  conflict: boolean;
  message: LocalizedText;
  details: Record<string, unknown>;
}

/** The refusal an error is, or undefined for a fault (not the applicant's to read: the error page shows it). */
export function applicationRefusalOf(error: unknown): ApplicationRefusal | undefined {
  if (!isPlatformError(error) || error.kind === 'fault') return undefined;
  return { code: error.code, conflict: error.kind === 'conflict', message: error.localized, details: (error.details ?? {}) as Record<string, unknown> };
}
