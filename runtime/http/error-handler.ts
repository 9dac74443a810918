import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PlatformError, errorKind, type ErrorCode, type ErrorKind } from '../../engine/index.ts';
import { lostRace, sqlState } from '../db/index.ts';
import { describeError, log } from '../log/index.ts';

/** The status of each kind of error, for a code with no more precise one below. */
const statusOfKind: Record<ErrorKind, ContentfulStatusCode> = { refusal: 422, conflict: 409, fault: 500 };

/** Refusals that HTTP names more precisely than 422. A new code takes its kind's status unless listed here. */
const preciseStatus: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_OTP_REQUIRED: 401,
  AUTH_LOCKED: 429,
  AUTH_THROTTLED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  ROLE_NOT_PERMITTED: 403,
  MAKER_CHECKER_VIOLATION: 403,
  NOT_FOUND: 404,
  PROCESS_NOT_FOUND: 404,
  NO_JOB_SEEKING_REGISTRATION: 404,
  // The record exists, the case is in another state: the request clashes with what is there.
  DUPLICATE_RECORD: 409,
  TRANSITION_NOT_AVAILABLE: 409,
  ORG_UNIT_OUT_OF_REACH: 403,
  SELF_ADMINISTRATION: 403,
  // The rule holds as long as the others stand as they are: the request clashes with what is there.
  LAST_ADMINISTRATOR: 409,
  POST_IN_USE: 409,
  IMPORT_NOT_PENDING: 409,
  NOTICE_CLOSED: 409,
  NOTICE_OBJECTION_THROTTLED: 429,
  TASK_POST_REQUIRED: 403,
  TASK_SUPERVISOR_REQUIRED: 403,
  // The task is held by another, or closed: the request clashes with what is there.
  TASK_CLAIMED: 409,
  APPLICATION_EXISTS: 409,
  POSTING_NOT_OPEN: 409,
  APPLICATION_DECIDED: 409,
  APPLICATION_OTHER_CITY: 409,
  TASK_NOT_CLAIMED: 409,
  TASK_NOT_OPEN: 409,
  DOCUMENT_REVOKED: 409,
  ATTACHMENT_TYPE_REFUSED: 415,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_WITHDRAWN: 409,
  CASE_CLOSED: 409,
  ACCOUNT_NOT_ACTIVE: 403,
  SMS_UNAVAILABLE: 503,
  // Who signed cannot be told, or the signature does not hold: not authenticated.
  EXCHANGE_SIGNATURE_INVALID: 401,
  EXCHANGE_REQUEST_EXPIRED: 401,
  EXCHANGE_SENDER_UNKNOWN: 403,
  EXCHANGE_KEY_NOT_VALID: 403,
  EXCHANGE_RECEIVER_NOT_HERE: 421,
  EXCHANGE_MESSAGE_CONFLICT: 409,
  EXCHANGE_PEER_UNAVAILABLE: 503,
  EXCHANGE_MEMBER_UNKNOWN: 404,
  EXCHANGE_MEMBER_SERVED_HERE: 409,
  EXCHANGE_MEMBER_NOT_OURS: 409,
  EXCHANGE_MEMBER_UNREACHABLE: 409,
  EXCHANGE_MESSAGE_NOT_FOUND: 404,
  EXCHANGE_MESSAGE_NOT_DEAD: 409,
  EXCHANGE_RESPONSE_INVALID: 502,
  EXCHANGE_QUERY_REFUSED: 502,
};

/** The HTTP status of an error code, decided in this one place: its kind's, or a more precise one. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return preciseStatus[code] ?? statusOfKind[errorKind(code)];
}

function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof HTTPException && error.status === 413) return new PlatformError('PAYLOAD_TOO_LARGE');
  if (error instanceof HTTPException && error.status < 500) return new PlatformError('BAD_REQUEST', { details: { reason: error.message } });
  // A race lost where no service runs the transaction again is a conflict to retry, and a unique key
  // taken a record that exists: neither is a fault of the server.
  const state = sqlState(error);
  if (state === '23505') return new PlatformError('DUPLICATE_RECORD', { details: { sqlState: state }, cause: error });
  if (lostRace(error)) return new PlatformError('CONCURRENT_UPDATE', { details: { sqlState: state }, cause: error });
  return new PlatformError('INTERNAL_ERROR', { cause: error });
}

/** An error as the API says it: `{code, message: {zh, en}, details}` (no details of an internal error). */
export function errorBody(platformError: PlatformError) {
  return {
    code: platformError.code,
    message: { zh: platformError.localized['zh-CN'], en: platformError.localized.en },
    details: platformError.code === 'INTERNAL_ERROR' ? null : (platformError.details ?? null),
  };
}

/** The one `app.onError`: the error's body with the code's status. */
export function handleError(error: unknown, c: Context) {
  const platformError = toPlatformError(error);
  // Said without the error's message, which for a database error holds the SQL and its parameters.
  if (platformError.code === 'INTERNAL_ERROR') log.error('unexpected error', { requestId: (c.var as { origin?: { requestId: string | null } }).origin?.requestId ?? null, ...describeError(error) });
  const body = errorBody(platformError);
  const retryAfter = (platformError.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
  return c.json(body, statusOf(platformError.code));
}
