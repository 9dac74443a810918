import { createHash } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/index.ts';
import { accessLog, accessLogHead } from '../db/schema/index.ts';

/** The hash the chain starts from, before its first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where a request came from, for the log: the address and the request's id. */
export interface RequestOrigin {
  address: string | null;
  requestId: string | null;
}

/** Who acted: a signed-in user, or an account name tried at sign-in (no id). */
export interface AccessActor {
  id: string | null;
  name: string | null;
  role: string | null;
  orgUnitId: string | null;
}

/** One thing to record: what was done, to what, why. */
export interface AccessEntry {
  actor: AccessActor;
  action: string;
  target?: { type: string; id: string } | undefined;
  purpose?: string | undefined;
  details?: Record<string, unknown> | undefined;
  origin: RequestOrigin;
  at: Date;
}

type AccessRow = typeof accessLog.$inferSelect;

/** JSON with object keys sorted at every depth: what jsonb gives back hashes the same as what was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The content a row's hash covers, in a fixed order, with the previous row's hash first. */
function rowHash(prevHash: string, row: Omit<AccessRow, 'id' | 'prevHash' | 'hash'>): string {
  const content = [
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRole,
    row.orgUnitId,
    row.action,
    row.targetType,
    row.targetId,
    row.purpose,
    row.address,
    row.requestId,
    canonical(row.details),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Appends an entry to the access log in its own transaction: the chain's end is locked, so
 * entries chain in the order they commit. Callers record a read before the data leaves: when
 * the entry cannot be written, the read fails.
 */
export async function recordAccess(db: Database, entry: AccessEntry): Promise<void> {
  await db.transaction(async (tx) => {
    // One statement makes the chain's end if there is none yet and locks it (an upsert locks the row it meets).
    const [head] = await tx.insert(accessLogHead).values({ id: 1, lastHash: GENESIS_HASH }).onConflictDoUpdate({ target: accessLogHead.id, set: { id: 1 } }).returning();
    const row = {
      at: entry.at,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      actorRole: entry.actor.role,
      orgUnitId: entry.actor.orgUnitId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      purpose: entry.purpose ?? null,
      address: entry.origin.address,
      requestId: entry.origin.requestId,
      details: entry.details ?? {},
    };
    const hash = rowHash(head!.lastHash, row);
    await tx.insert(accessLog).values({ ...row, prevHash: head!.lastHash, hash });
    await tx.update(accessLogHead).set({ lastHash: hash }).where(eq(accessLogHead.id, 1));
  });
}

/** The result of walking the chain: how many rows, and the first that breaks it. */
export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** The id of the first row whose link or hash does not hold. */
  brokenAt: number | null;
  /** After a purge: the first row kept. */
  anchorId: number | null;
}

/**
 * Walks the whole log in id order, from the anchor a purge left (or the start), checking that
 * each row links to the previous row's hash and that its own hash covers its content, and that
 * the last row is the chain's recorded end.
 */
export async function verifyAccessLog(db: Executor): Promise<ChainCheck> {
  const [head] = await db.select().from(accessLogHead).where(eq(accessLogHead.id, 1));
  let expected = head?.anchorPrevHash ?? GENESIS_HASH;
  let rows = 0;
  let after = (head?.anchorId ?? 1) - 1;
  for (;;) {
    const batch = await db.select().from(accessLog).where(gt(accessLog.id, after)).orderBy(asc(accessLog.id)).limit(1000);
    for (const row of batch) {
      const { id, prevHash, hash, ...content } = row;
      if (prevHash !== expected || rowHash(prevHash, content) !== hash) return { ok: false, rows, brokenAt: id, anchorId: head?.anchorId ?? null };
      expected = hash;
      rows++;
      after = id;
    }
    if (batch.length < 1000) break;
  }
  const endsRight = expected === (head?.lastHash ?? GENESIS_HASH);
  return { ok: endsRight, rows, brokenAt: endsRight ? null : after + 1, anchorId: head?.anchorId ?? null };
}

/** Rows of the log the trigger lets a purge delete: older than this many days. */
export const RETENTION_DAYS = 180;

/**
 * Deletes the oldest rows, up to the first row not older than `before` (which must be at least
 * {@link RETENTION_DAYS} ago), and keeps the chain verifiable: the head records the first row
 * kept and the hash it chains from. Only a prefix of the chain can go, so a row out of time order
 * stops the purge there. Needs the database's owner on PostgreSQL (the application's role may
 * not delete from the log); the trigger allows it only while this transaction says so, and only
 * for rows past retention.
 */
export async function purgeAccessLog(db: Database, before: Date, now: Date): Promise<{ deleted: number }> {
  if (before.getTime() > now.getTime() - RETENTION_DAYS * 86_400_000) throw new RangeError(`the access log is kept at least ${RETENTION_DAYS} days`);
  const cutoff = sql`${before.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(accessLogHead).where(eq(accessLogHead.id, 1)).for('update');
    const [firstKept] = await tx.select({ id: sql<number | null>`min(${accessLog.id})` }).from(accessLog).where(sql`${accessLog.at} >= ${cutoff}`);
    const limit = firstKept?.id === null || firstKept?.id === undefined ? sql`` : sql` AND ${accessLog.id} < ${Number(firstKept.id)}`;
    const [last] = await tx
      .select({ id: accessLog.id, hash: accessLog.hash })
      .from(accessLog)
      .where(sql`${accessLog.at} < ${cutoff}${limit}`)
      .orderBy(sql`${accessLog.id} DESC`)
      .limit(1);
    if (!head || !last) return { deleted: 0 };
    await tx.execute(sql`SELECT set_config('pes.purge_access_log', 'on', true)`);
    const deleted = await tx.delete(accessLog).where(sql`${accessLog.id} <= ${last.id}`).returning({ id: accessLog.id });
    await tx.update(accessLogHead).set({ anchorId: last.id + 1, anchorPrevHash: last.hash, purgedThrough: before }).where(eq(accessLogHead.id, 1));
    return { deleted: deleted.length };
  });
}
