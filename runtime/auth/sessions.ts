import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import { recordAccess, type AccessActor, type RequestOrigin } from '../audit/access-log.ts';
import { orgUnits, posts, sessions, userPosts, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { actorOfUser } from './account-row.ts';
import { clearFailures, countAttempt, lockKey, refuseWhileLocked, throttleKeys, uncountAttempt } from './login-throttle.ts';
import { verifyPassword } from './password.ts';
import { permissionsOf } from './permissions.ts';
import { checkSecondFactor } from './second-factor.ts';
import { jurisdictionOf, servedPathSql, type HeldPost, type SessionUser } from './session-user.ts';

/** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
const UNKNOWN_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Roles whose accounts need a second factor in production: they change what everyone else runs. */
const SECOND_FACTOR_ROLES = new Set(['admin', 'configurator']);

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type UserRow = typeof users.$inferSelect;

/** What a signed-in user must do before anything else, if anything: change the password, or set up the second factor. */
function restrictionOf(rt: RuntimeContext, user: UserRow, now: Date): SessionUser['restriction'] {
  // Demo accounts exist only in demo mode, with a password everyone knows: no rule would make them safer.
  if (user.demo) return null;
  const maxAge = rt.config.passwordMaxAgeDays * 86_400_000;
  if (user.mustChangePassword || (maxAge > 0 && now.getTime() - user.passwordChangedAt.getTime() > maxAge)) return 'password-change';
  if (rt.config.mode === 'production' && SECOND_FACTOR_ROLES.has(user.role) && !user.totpEnabledAt) return 'second-factor';
  return null;
}

/** The office that has a post, as the subquery below names it. */
const office = { id: sql`office.id`, path: sql`office.path` };

/** The posts a user holds, by code, read with the user in the same statement. */
const heldPosts = sql<HeldPost[]>`coalesce((
  SELECT json_agg(json_build_object('id', ${posts.id}, 'code', ${posts.code}, 'name', ${posts.name}, 'nameEn', ${posts.nameEn}, 'orgUnitId', ${posts.orgUnitId},
    'servesPath', ${servedPathSql(office)}) ORDER BY ${posts.code})
  FROM ${userPosts} JOIN ${posts} ON ${posts.id} = ${userPosts.postId} JOIN ${orgUnits} office ON ${office.id} = ${posts.orgUnitId}
  WHERE ${userPosts.userId} = ${users.id}), '[]'::json)`;

/** A user with org unit and posts, filtered by `where`; joins `sessions` when the filter needs it. */
async function findUser(rt: RuntimeContext, where: SQL, bySession = false) {
  // A session's last use comes with it, so a request notes its use only when a minute has passed.
  const base = rt.db
    .select({ user: users, org: orgUnits, posts: heldPosts, lastSeenAt: bySession ? sessions.lastSeenAt : sql<Date | null>`null` })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
  const [row] = await (bySession ? base.innerJoin(sessions, eq(sessions.userId, users.id)) : base).where(where).limit(1);
  if (!row) return undefined;
  const { user, org, posts: held, lastSeenAt } = row;
  // Inactive users, and demo users outside demo mode, cannot sign in or use a session.
  if (!user.active || (user.demo && rt.config.mode === 'production')) return undefined;
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnit: { id: org.id, name: org.name, kind: org.kind, path: org.path, cityCode: org.cityCode },
    jurisdictionPath: jurisdictionOf(org),
    posts: held,
    permissions: permissionsOf(user.role, org.kind),
    restriction: restrictionOf(rt, user, rt.clock()),
  };
  return { sessionUser, row: user, lastSeenAt };
}

/** A user by username, as a session would see them: for the platform's own work (the demo story), not a sign-in. */
export async function userByUsername(rt: RuntimeContext, username: string): Promise<SessionUser> {
  const found = await findUser(rt, eq(users.username, username));
  if (!found) throw new PlatformError('NOT_FOUND', { details: { username } });
  return found.sessionUser;
}

/** An active user by id, as a session would see them (posts included), or undefined: the colleague a task is handed to. */
export async function userById(rt: RuntimeContext, id: string): Promise<SessionUser | undefined> {
  return (await findUser(rt, eq(users.id, id)))?.sessionUser;
}

/** What a sign-in sends: the password, and the one-time code (or a recovery code) once a second factor is set up. */
export interface Credentials {
  username: string;
  password: string;
  otp?: string | undefined;
}

/**
 * Signs a user in and returns a fresh bearer token. A locked account or address is refused first
 * (429, nothing hashed); every attempt is counted against both before its password is checked and
 * taken back when right, so the configured number of wrong passwords in a row locks the account
 * even when they arrive all at once; an account with a second factor needs its code. Every sign-in,
 * failure and lock goes to the access log. Demo accounts are refused in production mode.
 */
export async function login(rt: RuntimeContext, credentials: Credentials, origin: RequestOrigin) {
  const now = rt.clock();
  const keys = throttleKeys(credentials.username, origin.address);
  const tried: AccessActor = { id: null, name: credentials.username, role: null, orgUnitId: null };
  await refuseWhileLocked(rt.db, keys, now);
  const { loginMaxFailures, addressMaxFailures, loginLockMinutes } = rt.config;
  // Counted before the password is checked: sign-ins at the same moment cannot all pass the check above.
  const attempts = { account: await countAttempt(rt.db, keys.account, loginLockMinutes, now), address: keys.address ? await countAttempt(rt.db, keys.address, loginLockMinutes, now) : 0 };
  if (attempts.account > loginMaxFailures) throw new PlatformError('AUTH_LOCKED', { details: { retryAfterSeconds: await lockKey(rt.db, keys.account, loginLockMinutes, now) } });
  if (keys.address && attempts.address > addressMaxFailures) throw new PlatformError('AUTH_THROTTLED', { details: { retryAfterSeconds: await lockKey(rt.db, keys.address, loginLockMinutes, now) } });
  const found = await findUser(rt, eq(users.username, credentials.username));
  const passwordOk = await verifyPassword(credentials.password, found?.row.passwordHash ?? UNKNOWN_USER_HASH);
  const secondFactor = found && passwordOk ? await checkSecondFactor(rt, found.row, credentials.otp, now) : 'none';
  if (!found || !passwordOk || secondFactor === 'wrong') {
    const locked = attempts.account >= loginMaxFailures;
    if (locked) await lockKey(rt.db, keys.account, loginLockMinutes, now);
    if (keys.address && attempts.address >= addressMaxFailures) await lockKey(rt.db, keys.address, loginLockMinutes, now);
    const actor = found ? actorOfUser(found.sessionUser) : tried;
    await recordAccess(rt.db, { actor, action: 'auth.failure', origin, at: now, details: { username: credentials.username, reason: !passwordOk || !found ? 'password' : 'second-factor' } });
    if (locked) await recordAccess(rt.db, { actor, action: 'auth.lock', origin, at: now, details: { username: credentials.username, minutes: loginLockMinutes } });
    throw new PlatformError('AUTH_INVALID_CREDENTIALS');
  }
  if (secondFactor === 'missing') {
    // The right password, the code still to come: not a failure.
    await uncountAttempt(rt.db, keys.account);
    if (keys.address) await uncountAttempt(rt.db, keys.address);
    throw new PlatformError('AUTH_OTP_REQUIRED');
  }
  await clearFailures(rt.db, keys.account);
  if (keys.address) await uncountAttempt(rt.db, keys.address);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + rt.config.sessionHours * 3_600_000);
  await rt.db.insert(sessions).values({ tokenHash: tokenHash(token), userId: found.sessionUser.id, createdAt: now, expiresAt, lastSeenAt: now, address: origin.address });
  await recordAccess(rt.db, { actor: actorOfUser(found.sessionUser), action: 'auth.login', origin, at: now, details: { secondFactor: secondFactor === 'ok' } });
  return { token, expiresAt: expiresAt.toISOString(), user: found.sessionUser };
}

/**
 * The user behind a bearer token, or undefined when the token is unknown, past its absolute end,
 * or idle longer than the configured minutes (such a session is ended). Use is noted to the minute.
 */
export async function authenticate(rt: RuntimeContext, token: string): Promise<SessionUser | undefined> {
  const now = rt.clock();
  const idleSince = new Date(now.getTime() - rt.config.sessionIdleMinutes * 60_000);
  const hash = tokenHash(token);
  const found = await findUser(rt, and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince))!, true);
  if (!found) {
    await rt.db.delete(sessions).where(and(eq(sessions.tokenHash, hash), lt(sessions.lastSeenAt, idleSince)));
    return undefined;
  }
  if (!found.lastSeenAt || found.lastSeenAt.getTime() < now.getTime() - 60_000) {
    await rt.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hash));
  }
  return found.sessionUser;
}

/** Ends a session; recorded. */
export async function logout(rt: RuntimeContext, user: SessionUser, token: string, origin: RequestOrigin): Promise<void> {
  await rt.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'auth.logout', origin, at: rt.clock() });
}

/** Ends every session of the user (a lost device, a shared computer); recorded. Returns how many ended. */
export async function logoutEverywhere(rt: RuntimeContext, user: SessionUser, origin: RequestOrigin): Promise<number> {
  const ended = await rt.db.delete(sessions).where(eq(sessions.userId, user.id)).returning({ hash: sessions.tokenHash });
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'auth.logout-all', origin, at: rt.clock(), details: { sessions: ended.length } });
  return ended.length;
}

/** Ends the user's other sessions (after a password change), keeping the one in use. */
export async function endOtherSessions(rt: RuntimeContext, userId: string, token: string): Promise<void> {
  await rt.db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${tokenHash(token)}`));
}
