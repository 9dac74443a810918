import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { publicAccounts } from '../../runtime/db/schema/index.ts';
import { demoSmsSender, sendVerificationCode, signUpCitizen, signUpEmployer, startSession, type PublicAccount } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { citizenId } from './fixtures.ts';

/** The password of every account made here: it passes the policy. */
export const PUBLIC_TEST_PASSWORD = 'Lvyuan#2026xm';

/** What a test needs to act as a signed-in public account: the account, the cookie header, and the form token. */
export interface PublicSession {
  account: PublicAccount;
  cookie: string;
  csrf: string;
}

let mobiles = 0;
/** A mobile number no other account of the run has, so no code is refused as sent too soon. */
function freshMobile(): string {
  mobiles += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(mobiles).padStart(4, '0')}`;
}

/** A form token and the cookies that carry it with a session. */
export function sessionCookies(token: string | null): { cookie: string; csrf: string } {
  const csrf = randomBytes(32).toString('base64url');
  return { cookie: [token ? `portal_session=${token}` : '', `portal_csrf=${csrf}`].filter(Boolean).join('; '), csrf };
}

/** A citizen signed up through the service (the code taken as the demo sender gives it) and signed in. */
export async function citizenSession(rt: RuntimeContext, options: { idNumber?: string; name?: string; cityCode?: string } = {}): Promise<PublicSession> {
  const mobile = freshMobile();
  const { shownCode } = await sendVerificationCode(rt, demoSmsSender, mobile, 'signup');
  const account = await signUpCitizen(rt, {
    cityCode: options.cityCode ?? '350200',
    name: options.name ?? '林小雨',
    idNumber: options.idNumber ?? citizenId('350203', '19930412', String(200 + mobiles).slice(-3)),
    mobile,
    code: shownCode!,
    password: PUBLIC_TEST_PASSWORD,
  });
  return { account, ...sessionCookies(await startSession(rt, account.id)) };
}

/**
 * An employer signed up through the service and signed in; verified (active, with its `employers`
 * row) when `employerId` is given, as a caseworker's check would leave it, else pending.
 */
export async function employerSession(rt: RuntimeContext, options: { creditCode: string; name: string; employerId?: string; cityCode?: string }): Promise<PublicSession> {
  const mobile = freshMobile();
  const { shownCode } = await sendVerificationCode(rt, demoSmsSender, mobile, 'signup');
  let account = await signUpEmployer(rt, { cityCode: options.cityCode ?? '350200', creditCode: options.creditCode, employerName: options.name, agentName: '陈经办', mobile, code: shownCode!, password: PUBLIC_TEST_PASSWORD });
  if (options.employerId) {
    await rt.db.update(publicAccounts).set({ status: 'active', employerId: options.employerId }).where(eq(publicAccounts.id, account.id));
    account = { ...account, status: 'active', employerId: options.employerId };
  }
  return { account, ...sessionCookies(await startSession(rt, account.id)) };
}

/** A form post of a signed-in (or not) browser, with its token. */
export function formPost(session: Pick<PublicSession, 'cookie' | 'csrf'>, fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  };
}

/** A file sent with a form, for a material of the step (`file:<material>`, as the online application pages name them). */
export interface SentFile {
  material: string;
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  type?: string;
}

/** A form post as a browser sends one with files (multipart), with the session's cookie and CSRF token. */
export function multipartPost(session: Pick<PublicSession, 'cookie' | 'csrf'>, fields: Record<string, string>, files: readonly SentFile[] = []): RequestInit {
  const body = new FormData();
  body.set('_csrf', session.csrf);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  for (const file of files) body.append(`file:${file.material}`, new File([file.bytes], file.name, { type: file.type ?? 'application/pdf' }));
  return { method: 'POST', headers: { cookie: session.cookie }, body };
}

/** A small, well-formed PDF, and an HTML page that a name ending in `.pdf` does not make one: the upload tests' files. */
export const SAMPLE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const SAMPLE_HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
