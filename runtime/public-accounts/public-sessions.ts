import { and, eq, gt, lt, or } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import { clearFailures, countAttempt, lockKey, refuseWhileLocked, throttleKeys, uncountAttempt, verifyPassword } from '../auth/index.ts';
import { publicAccounts, publicSessions } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { loginBlindIndex, NO_ORIGIN, recordPublicAccess } from './access-events.ts';
import { loginIndexOf, publicAccountOf } from './account-service.ts';
import type { PublicAccount, PublicAccountKind } from './types.ts';

/** Compared against when no account has the login, so that timing does not tell which ones exist. */
const NO_ACCOUNT_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Disabled accounts, and demo accounts outside demo mode, can neither sign in nor use a session. */
function usable(rt: RuntimeContext, row: typeof publicAccounts.$inferSelect): boolean {
  return row.status !== 'disabled' && !(row.demo && rt.config.mode === 'production');
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a sign-in form sends: which kind of account, the city, the ID number or credit code, the password. */
export interface PublicSignIn {
  kind: PublicAccountKind;
  cityCode: string;
  login: string;
  password: string;
}

/**
 * Signs a public account in and returns a fresh session token for its cookie. Throttled as staff
 * sign-ins are (the same counters, under keys of their own): a locked login or address is refused
 * first (429), every attempt is counted before the password is checked. A refused or disabled
 * account cannot sign in; a pending or refused employer can, to see where the check stands. Every
 * sign-in, failure and lock goes to the access log, as staff ones do: the account when one has the
 * login, else the login's blind index, never what was typed.
 */
export async function signIn(rt: RuntimeContext, input: PublicSignIn, origin: RequestOrigin): Promise<{ token: string; account: PublicAccount }> {
  const now = rt.clock();
  const { address } = origin;
  const loginIndex = input.login.trim() ? loginIndexOf(rt, input.kind, input.login) : '-';
  const keys = throttleKeys(`public:${input.kind}:${input.cityCode}:${loginIndex}`, address ? `public:${address}` : null);
  await refuseWhileLocked(rt.db, keys, now);
  const { loginMaxFailures, addressMaxFailures, loginLockMinutes } = rt.config;
  const attempts = { account: await countAttempt(rt.db, keys.account, loginLockMinutes, now), address: keys.address ? await countAttempt(rt.db, keys.address, loginLockMinutes, now) : 0 };
  if (attempts.account > loginMaxFailures) throw new PlatformError('AUTH_LOCKED', { details: { retryAfterSeconds: await lockKey(rt.db, keys.account, loginLockMinutes, now) } });
  if (keys.address && attempts.address > addressMaxFailures) throw new PlatformError('AUTH_THROTTLED', { details: { retryAfterSeconds: await lockKey(rt.db, keys.address, loginLockMinutes, now) } });
  const [row] = await rt.db.select().from(publicAccounts).where(and(eq(publicAccounts.cityCode, input.cityCode), eq(publicAccounts.kind, input.kind), eq(publicAccounts.loginIndex, loginIndex)));
  const passwordOk = await verifyPassword(input.password, row?.passwordHash ?? NO_ACCOUNT_HASH);
  if (!row || !passwordOk || !usable(rt, row)) {
    const locked = attempts.account >= loginMaxFailures;
    if (locked) await lockKey(rt.db, keys.account, loginLockMinutes, now);
    if (keys.address && attempts.address >= addressMaxFailures) await lockKey(rt.db, keys.address, loginLockMinutes, now);
    const event = { kind: input.kind, cityCode: input.cityCode, account: row ?? null, origin };
    const login = loginBlindIndex(rt, input.kind, loginIndex);
    await recordPublicAccess(rt, { ...event, action: 'public.failure', details: { login, reason: !row || !passwordOk ? 'password' : row.status === 'disabled' ? 'disabled' : 'demo' } });
    if (locked) await recordPublicAccess(rt, { ...event, action: 'public.lock', details: { login, minutes: loginLockMinutes } });
    throw new PlatformError('AUTH_INVALID_CREDENTIALS');
  }
  await clearFailures(rt.db, keys.account);
  if (keys.address) await uncountAttempt(rt.db, keys.address);
  const token = await startSession(rt, row.id);
  await recordPublicAccess(rt, { action: 'public.login', kind: row.kind, cityCode: row.cityCode, account: row, origin });
  return { token, account: publicAccountOf(row) };
}

/** A new session for an account; the token goes into the cookie, its hash into the database. */
export async function startSession(rt: RuntimeContext, accountId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = rt.clock();
  await rt.db.insert(publicSessions).values({ tokenHash: tokenHash(token), accountId, createdAt: now, lastSeenAt: now });
  return token;
}

/**
 * The account behind a session cookie's token, or undefined when the token is unknown, older than
 * the configured hours, idle longer than the configured minutes (such a session is ended), or its
 * account is disabled. Use is noted to the minute.
 */
export async function accountOfSession(rt: RuntimeContext, token: string): Promise<PublicAccount | undefined> {
  const now = rt.clock();
  const idleSince = new Date(now.getTime() - rt.config.sessionIdleMinutes * 60_000);
  const bornSince = new Date(now.getTime() - rt.config.sessionHours * 3_600_000);
  const hash = tokenHash(token);
  const [found] = await rt.db
    .select({ account: publicAccounts, lastSeenAt: publicSessions.lastSeenAt })
    .from(publicSessions)
    .innerJoin(publicAccounts, eq(publicAccounts.id, publicSessions.accountId))
    .where(and(eq(publicSessions.tokenHash, hash), gt(publicSessions.lastSeenAt, idleSince), gt(publicSessions.createdAt, bornSince)));
  if (!found || !usable(rt, found.account)) {
    await rt.db.delete(publicSessions).where(and(eq(publicSessions.tokenHash, hash), or(lt(publicSessions.lastSeenAt, idleSince), lt(publicSessions.createdAt, bornSince))));
    return undefined;
  }
  if (found.lastSeenAt.getTime() < now.getTime() - 60_000) await rt.db.update(publicSessions).set({ lastSeenAt: now }).where(eq(publicSessions.tokenHash, hash));
  return publicAccountOf(found.account);
}

/** Ends a session; recorded for the account it was. */
export async function endSession(rt: RuntimeContext, token: string, origin: RequestOrigin = NO_ORIGIN): Promise<void> {
  const [ended] = await rt.db.delete(publicSessions).where(eq(publicSessions.tokenHash, tokenHash(token))).returning({ accountId: publicSessions.accountId });
  if (!ended) return;
  const [row] = await rt.db.select().from(publicAccounts).where(eq(publicAccounts.id, ended.accountId));
  if (row) await recordPublicAccess(rt, { action: 'public.logout', kind: row.kind, cityCode: row.cityCode, account: row, origin });
}
