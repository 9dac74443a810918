import type { Locale, Text as Localized } from './i18n.ts';

/** The error body every API refusal carries. */
export interface ApiErrorBody {
  code: string;
  message: { zh: string; en: string };
  details: unknown;
}

/** A refused API call, with the server's code and bilingual message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message.en);
  }
}

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

/** No answer from the platform: the network failed, or something in between answered instead (status 0 when nothing did). */
function unreachable(status: number): ApiError {
  return new ApiError(status, {
    code: 'SERVER_UNREACHABLE',
    message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and retry' },
    details: null,
  });
}

/** Calls the API with the stored bearer token; throws {@link ApiError} on a refusal, or when the server cannot be reached. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const token = session.get();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }).catch(() => {
    throw unreachable(0);
  });
  if (response.status === 204) return null as T;
  const payload: unknown = await response.json().catch(() => {
    throw unreachable(response.status);
  });
  if (!response.ok) {
    noticeExpiry(response.status, payload as ApiErrorBody, token);
    throw new ApiError(response.status, payload as ApiErrorBody);
  }
  return payload as T;
}

export type { Localized };

/** A refusal or failure as a person reads it: the server's message in the current language. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) return locale === 'zh-CN' ? error.body.message.zh : error.body.message.en;
  return error instanceof Error ? error.message : String(error);
}

/** Fetches an export (CSV, XLSX) with the bearer token and hands it to the browser as a download. */
export async function download(path: string, fileName: string): Promise<void> {
  const token = session.get();
  const response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw unreachable(0);
  });
  if (!response.ok) {
    const refusal: unknown = await response.json().catch(() => {
      throw unreachable(response.status);
    });
    noticeExpiry(response.status, refusal as ApiErrorBody, token);
    throw new ApiError(response.status, refusal as ApiErrorBody);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: 'caseworker' | 'reviewer' | 'configurator' | 'evaluator' | 'admin' | 'auditor';
  /** `kind` is the level the user sits at: ministry, province, city, district, ... */
  orgUnit: { id: string; name: string; kind?: string };
  posts: { code: string; name: string; nameEn: string }[];
  /** What the user may do (the server's permission table, by role and level). */
  permissions: string[];
  /** What the user must do first: change a temporary or expired password, or set up the second factor. */
  restriction: 'password-change' | 'second-factor' | null;
}

export interface Subject {
  type: 'person' | 'employer';
  id: string;
  name: string;
  identifier: string;
}

export interface TaskItem {
  id: string;
  caseId: string;
  caseNo: string;
  /** How the case came in: `online` for a citizen's application on the public site. */
  channel: CaseItem['channel'];
  processTitle: Localized;
  stateTitle: Localized;
  subject: Subject | null;
  dueAt: string;
  /** Counted Monday to Friday through a year whose holiday schedule is not entered yet. */
  dueProvisional: boolean;
  overdue: boolean;
  /** The post the task is offered to; null when its role alone decides. */
  post: string | null;
  /** Who claimed the task: only they may act on it until they release it or it is reassigned. */
  claimedBy: { id: string; name: string } | null;
  claimedAt: string | null;
  /** The caller may reassign it (the office supervisor, or the task's escalation post). */
  mayReassign: boolean;
}

export interface CaseItem {
  id: string;
  caseNo: string;
  processId: string;
  processTitle: Localized;
  state: string;
  stateTitle: Localized;
  status: 'active' | 'final';
  subject: Subject | null;
  /** How the case came in: a service window, coordination by another case, an import from the earlier system. */
  channel: 'window' | 'coordination' | 'import' | 'online' | 'national' | 'exchange';
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}
