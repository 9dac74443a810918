import { and, eq, gt } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import { orgUnits, posts, sessions, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { verifyPassword } from './password.ts';
import type { SessionUser } from './session-user.ts';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function loadUser(rt: RuntimeContext, where: ReturnType<typeof eq>): Promise<(SessionUser & { passwordHash: string; demo: boolean; active: boolean }) | undefined> {
  const [row] = await rt.db
    .select({ user: users, org: orgUnits, post: posts })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(posts, eq(posts.id, users.postId))
    .where(where)
    .limit(1);
  if (!row) return undefined;
  const { user, org, post } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnit: { id: org.id, name: org.name, kind: org.kind, path: org.path, cityCode: org.cityCode },
    post: post ? { id: post.id, code: post.code, name: post.name } : null,
    passwordHash: user.passwordHash,
    demo: user.demo,
    active: user.active,
  };
}

/** Signs a user in and returns a fresh bearer token. Demo accounts are refused in production mode. */
export async function login(rt: RuntimeContext, username: string, password: string) {
  const found = await loadUser(rt, eq(users.username, username));
  const usable = found && found.active && !(found.demo && rt.config.mode === 'production');
  // Verify even for unknown users so that timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, found?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  if (!usable || !ok) throw new PlatformError('AUTH_INVALID_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(rt.clock().getTime() + rt.config.sessionHours * 3_600_000);
  await rt.db.insert(sessions).values({ tokenHash: tokenHash(token), userId: found.id, expiresAt });
  const { passwordHash: _hash, demo: _demo, active: _active, ...user } = found;
  return { token, expiresAt: expiresAt.toISOString(), user };
}

/** The user behind a bearer token, or undefined when the token is unknown or expired. */
export async function authenticate(rt: RuntimeContext, token: string): Promise<SessionUser | undefined> {
  const [session] = await rt.db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, rt.clock())))
    .limit(1);
  if (!session) return undefined;
  const found = await loadUser(rt, eq(users.id, session.userId));
  if (!found || !found.active || (found.demo && rt.config.mode === 'production')) return undefined;
  const { passwordHash: _hash, demo: _demo, active: _active, ...user } = found;
  return user;
}

/** Ends a session. */
export async function logout(rt: RuntimeContext, token: string): Promise<void> {
  await rt.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}
