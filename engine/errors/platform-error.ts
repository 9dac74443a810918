import { errorKind, errorMessages, type ErrorCode, type ErrorKind, type LocalizedText } from './error-codes.ts';

/** Options for a {@link PlatformError}: what went wrong in detail, and why. */
export interface PlatformErrorOptions {
  /** Machine-readable details, e.g. failing fields or violated rules. */
  details?: unknown;
  /** A message more precise than the code's default. */
  message?: LocalizedText;
  cause?: unknown;
}

/**
 * The one error type of the platform: a literal code, a bilingual message and details.
 * The engine, plugins and runtime all throw it; its kind says what a caller may do about it, and
 * the HTTP layer maps the code to a status.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly code: ErrorCode;
  /** Whether it is a refusal, a conflict or a fault: what coordination, timers and the HTTP status read. */
  readonly kind: ErrorKind;
  readonly localized: LocalizedText;
  readonly details: unknown;

  constructor(code: ErrorCode, options: PlatformErrorOptions = {}) {
    const localized = options.message ?? errorMessages[code];
    super(`${code}: ${localized.en}`, { cause: options.cause });
    this.code = code;
    this.kind = errorKind(code);
    this.localized = localized;
    this.details = options.details;
  }
}

/** True when `error` is a {@link PlatformError} with the given code (any code when omitted). */
export function isPlatformError(error: unknown, code?: ErrorCode): error is PlatformError {
  return error instanceof PlatformError && (code === undefined || error.code === code);
}
