import { eq, inArray, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { loginFailures } from '../db/schema/index.ts';

/** The keys wrong sign-ins are counted under: the account name tried (known or not), and the address. */
export function throttleKeys(username: string, address: string | null): { account: string; address: string | null } {
  return { account: `account:${username.toLowerCase()}`, address: address ? `address:${address}` : null };
}

/**
 * Refuses a sign-in while its account or its address is locked, before any password is hashed,
 * so a flood of wrong passwords costs the server next to nothing: 429 with the seconds to wait.
 */
export async function refuseWhileLocked(db: Executor, keys: { account: string; address: string | null }, now: Date): Promise<void> {
  const wanted = [keys.account, ...(keys.address ? [keys.address] : [])];
  const rows = await db.select().from(loginFailures).where(inArray(loginFailures.key, wanted));
  for (const row of rows) {
    if (!row.lockedUntil || row.lockedUntil <= now) continue;
    const retryAfterSeconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new PlatformError(row.key === keys.account ? 'AUTH_LOCKED' : 'AUTH_THROTTLED', { details: { retryAfterSeconds, until: row.lockedUntil.toISOString() } });
  }
}

/**
 * Counts a sign-in attempt under a key before its password is checked, so that sign-ins running
 * at the same moment cannot all pass an unlocked check and all be tried: at most `limit` passwords
 * are checked per key and window. Attempts older than the lock period (or a lock that has run
 * out) start a new count. Returns the count including this attempt.
 */
export async function countAttempt(db: Executor, key: string, lockMinutes: number, now: Date): Promise<number> {
  // postgres.js takes no Date inside raw SQL: instants go in as ISO text.
  const windowStart = sql`${new Date(now.getTime() - lockMinutes * 60_000).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(loginFailures)
    .values({ key, failures: 1, firstAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        failures: sql`CASE WHEN ${loginFailures.firstAt} < ${windowStart} OR ${loginFailures.lockedUntil} <= ${at} THEN 1 ELSE ${loginFailures.failures} + 1 END`,
        firstAt: sql`CASE WHEN ${loginFailures.firstAt} < ${windowStart} OR ${loginFailures.lockedUntil} <= ${at} THEN ${at} ELSE ${loginFailures.firstAt} END`,
        lockedUntil: sql`CASE WHEN ${loginFailures.lockedUntil} <= ${at} THEN NULL ELSE ${loginFailures.lockedUntil} END`,
      },
    })
    .returning({ failures: loginFailures.failures });
  return row?.failures ?? 1;
}

/** Locks a key for `lockMinutes` from now; returns the seconds to wait, for `Retry-After`. */
export async function lockKey(db: Executor, key: string, lockMinutes: number, now: Date): Promise<number> {
  await db.update(loginFailures).set({ lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) }).where(eq(loginFailures.key, key));
  return lockMinutes * 60;
}

/** Takes back an attempt counted under a key (an address) when it turned out right. */
export async function uncountAttempt(db: Executor, key: string): Promise<void> {
  await db.update(loginFailures).set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` }).where(eq(loginFailures.key, key));
}

/** Forgets an account's wrong sign-ins after a right one. */
export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
