import { isPlatformError, type LocalizedText } from '../../engine/index.ts';
import type { FieldError } from '../../forms/index.ts';

/**
 * A refusal as a public page shows it: its code, its bilingual message, what it names (the schema's
 * failing fields, the one field it is about, the rules it broke in `details`), and the page's status.
 */
export interface PublicRefusal {
  code: string;
  /** Someone acted first (kind `conflict`): the same request may succeed on what is now there. */
  conflict: boolean;
  message: LocalizedText;
  details: Readonly<Record<string, unknown>>;
  /** The schema's failing fields (`FORM_INVALID`), by dotted path. */
  fields: FieldError[];
  /** The one field the refusal is about (an ID number taken, a code wrong), when it names one. */
  field: string | undefined;
  /** Seconds to wait, for a throttled or locked request. */
  retryAfterSeconds: number | undefined;
  /** 404 for a record out of reach, 409 where the request clashes with what is there, else 422. */
  status: 404 | 409 | 422;
}

/** Refusals answered 409 though of kind `refusal`: the record is there, or in another state; sending again meets the same. */
const CLASHES = new Set(['APPLICATION_EXISTS', 'POSTING_NOT_OPEN', 'APPLICATION_DECIDED', 'APPLICATION_OTHER_CITY', 'DUPLICATE_RECORD']);

/**
 * The refusal an error is, for the public site (which reads no engine code), or undefined for a
 * fault: a page must not explain the platform's failures, the log keeps them.
 */
export function publicRefusalOf(error: unknown): PublicRefusal | undefined {
  if (!isPlatformError(error) || error.kind === 'fault') return undefined;
  const details = (error.details ?? {}) as Record<string, unknown> & { fields?: FieldError[]; errors?: FieldError[]; field?: unknown; retryAfterSeconds?: unknown };
  const conflict = error.kind === 'conflict';
  return {
    code: error.code,
    conflict,
    message: error.localized,
    details,
    // The engine's step and the online applications say `fields`; the accounts' own checks say `errors`.
    fields: details.fields ?? details.errors ?? [],
    field: typeof details.field === 'string' ? details.field : undefined,
    retryAfterSeconds: typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined,
    status: error.code === 'NOT_FOUND' ? 404 : conflict || CLASHES.has(error.code) ? 409 : 422,
  };
}

/**
 * For a `catch`: undefined when the error is a record out of reach or not there (`NOT_FOUND`), which
 * a page answers with its 404; anything else is thrown on (a fault is not to be shown as "not found").
 */
export function noneIfNotFound(error: unknown): undefined {
  if (publicRefusalOf(error)?.code === 'NOT_FOUND') return undefined;
  throw error;
}
