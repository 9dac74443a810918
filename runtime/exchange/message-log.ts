import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/index.ts';
import { exchangeLog, exchangeLogHeads } from '../db/schema/index.ts';
import { sha256Hex } from './canonical-json.ts';

/** The hash a member's chain starts from, before its first entry. */
export const LOG_GENESIS = '0'.repeat(64);

export type Direction = 'sent' | 'received';

/** An entry's hash: SHA-256 of the previous entry's hash, the envelope's hash and the direction, concatenated (two fixed-length hex strings, then the word). */
export function entryHash(prevHash: string, envelopeHash: string, direction: Direction): string {
  return sha256Hex(`${prevHash}${envelopeHash}${direction}`);
}

/**
 * Appends an envelope to a member's message log, in the caller's transaction (the one that writes
 * the outbox or inbox row, so the log holds exactly what was written). The member's chain end is
 * locked by an upsert, so entries chain in commit order.
 */
export async function appendToLog(tx: Transaction, entry: { memberCode: string; direction: Direction; messageId: string; envelopeHash: string; at: Date }): Promise<void> {
  const [head] = await tx
    .insert(exchangeLogHeads)
    .values({ memberCode: entry.memberCode, lastHash: LOG_GENESIS })
    .onConflictDoUpdate({ target: exchangeLogHeads.memberCode, set: { memberCode: entry.memberCode } })
    .returning();
  const hash = entryHash(head!.lastHash, entry.envelopeHash, entry.direction);
  await tx.insert(exchangeLog).values({ ...entry, prevHash: head!.lastHash, hash });
  await tx.update(exchangeLogHeads).set({ lastHash: hash }).where(eq(exchangeLogHeads.memberCode, entry.memberCode));
}

/** The result of walking a member's chain: how many entries held, and the first that does not. */
export interface LogCheck {
  ok: boolean;
  entries: number;
  /** The sequence number of the first entry whose link or hash does not hold (after the last one when the end was removed). */
  brokenAt: number | null;
}

/**
 * Walks a member's log in order, checking that each entry links to the previous entry's hash and
 * that its hash covers its envelope hash and direction, and that the last entry is the chain's
 * recorded end: an entry changed, removed from the middle or from the end is found.
 */
export async function verifyMessageLog(db: Executor, memberCode: string): Promise<LogCheck> {
  const [head] = await db.select().from(exchangeLogHeads).where(eq(exchangeLogHeads.memberCode, memberCode));
  let expected = LOG_GENESIS;
  let entries = 0;
  let after = 0;
  for (;;) {
    const batch = await db.select().from(exchangeLog).where(and(eq(exchangeLog.memberCode, memberCode), gt(exchangeLog.seq, after))).orderBy(asc(exchangeLog.seq)).limit(1000);
    for (const row of batch) {
      if (row.prevHash !== expected || entryHash(row.prevHash, row.envelopeHash, row.direction) !== row.hash) return { ok: false, entries, brokenAt: row.seq };
      expected = row.hash;
      entries++;
      after = row.seq;
    }
    if (batch.length < 1000) break;
  }
  const endsRight = expected === (head?.lastHash ?? LOG_GENESIS);
  return { ok: endsRight, entries, brokenAt: endsRight ? null : after + 1 };
}
