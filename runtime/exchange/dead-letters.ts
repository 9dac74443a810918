import { and, desc, eq, inArray } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { exchangeOutbox } from '../db/schema/index.ts';

/** A message given up (see `deliverDue`): what it was, to whom, how often it was tried and the last answer. */
export interface DeadLetter {
  seq: number;
  messageId: string;
  sender: string;
  receiver: string;
  service: string;
  businessKey: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deadAt: string;
}

/** A given-up row of the outbox as the administrator sees it. */
function deadLetter(row: typeof exchangeOutbox.$inferSelect): DeadLetter {
  return {
    seq: row.seq,
    messageId: row.messageId,
    sender: row.sender,
    receiver: row.receiver,
    service: row.service,
    businessKey: row.businessKey,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deadAt: row.deadAt!.toISOString(),
  };
}

/** The dead letters the given members sent, the latest given up first. */
export async function deadLetters(db: Executor, senders: readonly string[]): Promise<DeadLetter[]> {
  if (senders.length === 0) return [];
  const rows = await db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.status, 'dead'), inArray(exchangeOutbox.sender, [...senders])))
    .orderBy(desc(exchangeOutbox.deadAt), desc(exchangeOutbox.seq));
  return rows.map(deadLetter);
}

/**
 * Puts a dead letter of one of `senders` back in the outbox, due now with its attempts counted afresh, once
 * the cause is mended (an address or a route corrected, the receiver's system mended). The same envelope goes again, so a
 * receiver that had it already acknowledges it without taking it twice. Refused as `EXCHANGE_MESSAGE_NOT_FOUND`
 * (none of theirs) or `EXCHANGE_MESSAGE_NOT_DEAD` (waiting or delivered); returns the letter as it was.
 */
export async function putBackDeadLetter(tx: Executor, senders: readonly string[], seq: number, now: Date): Promise<DeadLetter> {
  const [row] = senders.length === 0 ? [] : await tx.select().from(exchangeOutbox).where(and(eq(exchangeOutbox.seq, seq), inArray(exchangeOutbox.sender, [...senders]))).for('update');
  if (!row) throw new PlatformError('EXCHANGE_MESSAGE_NOT_FOUND', { details: { seq } });
  if (row.status !== 'dead') throw new PlatformError('EXCHANGE_MESSAGE_NOT_DEAD', { details: { seq, status: row.status } });
  await tx.update(exchangeOutbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now, deadAt: null }).where(eq(exchangeOutbox.seq, seq));
  return deadLetter(row);
}
