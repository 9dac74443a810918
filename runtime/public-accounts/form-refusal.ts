import { isPlatformError, type LocalizedText } from '../../engine/index.ts';
import type { FieldError } from '../../forms/index.ts';

export type { FieldError };

/** Why a public form was refused, as a page shows it beside the fields: the code, its message, the fields it names. */
export interface FormRefusal {
  code: string;
  message: LocalizedText;
  /** The schema's field errors, when the form was malformed. */
  fields: FieldError[];
  /** The one field the refusal is about (`idNumber` taken, `code` wrong), when it names one. */
  field: string | undefined;
  /** Seconds to wait, for a throttled or locked request. */
  retryAfterSeconds: number | undefined;
}

/**
 * A refusal the public may be shown (a rule or the request said no, or someone acted first), or
 * undefined for anything else (a fault, which a page must not explain and the log keeps).
 */
export function formRefusalOf(error: unknown): FormRefusal | undefined {
  if (!isPlatformError(error) || error.kind === 'fault') return undefined;
  const details = (error.details ?? {}) as { errors?: FieldError[]; field?: string; retryAfterSeconds?: number };
  return { code: error.code, message: error.localized, fields: details.errors ?? [], field: details.field, retryAfterSeconds: details.retryAfterSeconds };
}
