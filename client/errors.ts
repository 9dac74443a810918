import type { components } from './schema.d.ts';

/**
 * The body of every refusal, as the document describes it: a stable code (one of `GET
 * /api/error-codes`, or {@link SERVER_UNREACHABLE} when the platform did not answer), the message in
 * Chinese and English, and details that depend on the code (the issues of a `BAD_REQUEST`, the
 * version of a `CASE_VERSION_CONFLICT`).
 */
export type ApiErrorBody = Omit<components['schemas']['Error'], 'code'> & { code: components['schemas']['Error']['code'] | typeof SERVER_UNREACHABLE };

/** A refused or failed call: the HTTP status (0 when nothing answered) and the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message.en);
    this.name = 'ApiError';
  }

  /** The error's code, such as `CASE_VERSION_CONFLICT`. */
  get code(): ApiErrorBody['code'] {
    return this.body.code;
  }
}

/** The code given to a call the platform did not answer (the network failed, or something in between answered instead). */
export const SERVER_UNREACHABLE = 'SERVER_UNREACHABLE' as const;

/** Whether `value` has the shape of the platform's error body. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: { zh?: unknown; en?: unknown } | null };
  return typeof code === 'string' && typeof message === 'object' && message !== null && typeof message.zh === 'string' && typeof message.en === 'string';
}

/** The error a call that got no answer of the platform's own ends in (status 0 when nothing answered). */
export function unreachable(status: number): ApiError {
  return new ApiError(status, {
    code: SERVER_UNREACHABLE,
    message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and retry' },
    details: null,
  });
}

/** An error's message in a language: the platform's own for an {@link ApiError}, else the error's text. */
export function errorMessage(error: unknown, language: 'zh' | 'en'): string {
  if (error instanceof ApiError) return error.body.message[language];
  return error instanceof Error ? error.message : String(error);
}

/** What every call of the client answers (openapi-fetch's result, as far as {@link unwrap} reads it). */
export interface CallResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call, or an {@link ApiError}: the platform's refusal with its status, or
 * `SERVER_UNREACHABLE` when the network failed or the answer was not the platform's (a proxy's
 * error page). A call answered without a body (204) gives `undefined`, as its type says.
 */
export async function unwrap<D>(call: Promise<CallResult<D>>): Promise<D> {
  let result: CallResult<D>;
  try {
    result = await call;
  } catch {
    throw unreachable(0);
  }
  const { response } = result;
  if (!response.ok) throw isApiErrorBody(result.error) ? new ApiError(response.status, result.error) : unreachable(response.status);
  return result.data as D;
}
