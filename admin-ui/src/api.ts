import type { Locale, Text as Localized } from './i18n.ts';

import { ApiError, createClient, errorMessage, isApiErrorBody, unreachable, unwrap, type Answer, type ApiErrorBody, type CallResult } from '../../client/index.ts';

export { ApiError, type ApiErrorBody };

const TOKEN_KEY = 'pes.token';

export const session = {
  get: () => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** The window event the API client raises when the server no longer knows the session: the shell goes to sign-in. */
export const SESSION_EXPIRED = 'pes:session-expired';

/**
 * A refusal for want of a sign-in, of a call that carried a token: the session has expired or was
 * ended elsewhere. The token is forgotten and the shell told, so that no screen is left saying
 * 请先登录 with a 重试 that cannot succeed.
 */
function noticeExpiry(status: number, body: ApiErrorBody, sentToken: string | null): void {
  if (status !== 401 || body.code !== 'AUTH_REQUIRED' || sentToken === null || session.get() !== sentToken) return;
  session.clear();
  window.dispatchEvent(new Event(SESSION_EXPIRED));
}

/**
 * The platform's API, typed from its OpenAPI document (`client/`), with the stored bearer token:
 * every screen calls it through {@link call}.
 */
export const client = createClient('', { token: () => session.get() });

/**
 * The data of a call of {@link client}; throws {@link ApiError} on a refusal, or when the server
 * cannot be reached. A refusal for want of a sign-in of a call that carried a token ends the session.
 */
export async function call<D>(pending: Promise<CallResult<D>>): Promise<D> {
  const sentToken = session.get();
  try {
    return await unwrap(pending);
  } catch (error) {
    if (error instanceof ApiError) noticeExpiry(error.status, error.body, sentToken);
    throw error;
  }
}

/**
 * Calls the API at a URL built by the caller (`/cases?…`, below `/api`) through {@link client}, for
 * the calls whose query the caller builds as text; `T` is named from the generated types
 * (`Answer<'/api/cases', 'get'>`), never written by hand.
 */
export function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const request = client.request as (method: string, url: string, init: { body?: unknown }) => Promise<CallResult<T>>;
  return call(request(method.toLowerCase(), `/api${path}`, body === undefined ? {} : { body }));
}

export type { Localized };

/** A refusal or failure as a person reads it: the server's message in the current language. */
export function errorText(error: unknown, locale: Locale): string {
  return errorMessage(error, locale === 'zh-CN' ? 'zh' : 'en');
}

/** Fetches an export (CSV, XLSX) with the bearer token and hands it to the browser as a download. */
export async function download(path: string, fileName: string): Promise<void> {
  const token = session.get();
  const response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw unreachable(0);
  });
  if (!response.ok) {
    // As unwrap reads a refusal: the platform's error body, or something else answered (a proxy's page or JSON).
    const refusal: unknown = await response.json().catch(() => null);
    const error = isApiErrorBody(refusal) ? new ApiError(response.status, refusal) : unreachable(response.status);
    noticeExpiry(error.status, error.body, token);
    throw error;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** The signed-in user (`GET /api/auth/me`). */
export type SessionUser = Answer<'/api/auth/me', 'get'>;

/** Whom a case or task is about. */
export type Subject = NonNullable<CaseItem['subject']>;

/** A task of the inbox (`GET /api/tasks`). */
export type TaskItem = Answer<'/api/tasks', 'get'>['items'][number];

/** A case of the case list (`GET /api/cases`). */
export type CaseItem = Answer<'/api/cases', 'get'>['items'][number];

/** A page of a list: its items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}
