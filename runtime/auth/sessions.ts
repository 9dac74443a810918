import { and, eq, gt, type SQL } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import { orgUnits, posts, sessions, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { verifyPassword } from './password.ts';
import { permissionsOf } from './permissions.ts';
import type { SessionUser } from './session-user.ts';

/** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
const UNKNOWN_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A user with org unit and post, filtered by `where`; joins `sessions` when the filter needs it. */
async function findUser(rt: RuntimeContext, where: SQL, bySession = false) {
  const base = rt.db
    .select({ user: users, org: orgUnits, post: posts })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(posts, eq(posts.id, users.postId));
  const [row] = await (bySession ? base.innerJoin(sessions, eq(sessions.userId, users.id)) : base).where(where).limit(1);
  if (!row) return undefined;
  const { user, org, post } = row;
  // Inactive users, and demo users outside demo mode, cannot sign in or use a session.
  if (!user.active || (user.demo && rt.config.mode === 'production')) return undefined;
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnit: { id: org.id, name: org.name, kind: org.kind, path: org.path, cityCode: org.cityCode },
    post: post ? { id: post.id, code: post.code, name: post.name } : null,
    permissions: permissionsOf(user.role, org.kind),
  };
  return { sessionUser, passwordHash: user.passwordHash };
}

/** Signs a user in and returns a fresh bearer token. Demo accounts are refused in production mode. */
export async function login(rt: RuntimeContext, username: string, password: string) {
  const found = await findUser(rt, eq(users.username, username));
  const ok = await verifyPassword(password, found?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!found || !ok) throw new PlatformError('AUTH_INVALID_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(rt.clock().getTime() + rt.config.sessionHours * 3_600_000);
  await rt.db.insert(sessions).values({ tokenHash: tokenHash(token), userId: found.sessionUser.id, expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), user: found.sessionUser };
}

/** The user behind a bearer token, in one query; undefined when the token is unknown or expired. */
export async function authenticate(rt: RuntimeContext, token: string): Promise<SessionUser | undefined> {
  const found = await findUser(rt, and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, rt.clock()))!, true);
  return found?.sessionUser;
}

/** Ends a session. */
export async function logout(rt: RuntimeContext, token: string): Promise<void> {
  await rt.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}
