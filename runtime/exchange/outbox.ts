import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { exchangeOutbox } from '../db/schema/index.ts';
import { envelopeHash, sealEnvelope, type Envelope } from './envelope.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { appendToLog } from './message-log.ts';
import { openStored, sealForStorage } from './stored-envelope.ts';
import { memberByCode, signingKey } from './registry.ts';

/** The first key of the advisory lock that orders sends to one receiver (the second is the receiver's hash); an arbitrary constant. */
const FEED_ORDER_LOCK = 3_5035;

/** A message to send: from a member served here, to a registered member, about a business key. */
export interface OutgoingMessage {
  sender: string;
  receiver: string;
  service: string;
  businessKey: string;
  payload: unknown;
  /** The sender's id for it; a new one when omitted. Sending the same id and payload again returns the first. */
  messageId?: string;
}

/**
 * Signs a message with the sender's key valid now and writes it to the outbox, due at once, with
 * its entry in the sender's message log: in `tx` when given (the business step that decided to send
 * it, so the message exists exactly when the step committed), else in a transaction of its own.
 */
export async function sendMessage(ctx: ExchangeContext, message: OutgoingMessage, tx?: Transaction): Promise<{ seq: number; envelope: Envelope }> {
  if (!tx) return ctx.db.transaction((own) => sendMessage(ctx, message, own));
  const now = ctx.clock();
  const key = await signingKey(ctx, tx, message.sender, now);
  if (!key) throw new PlatformError('EXCHANGE_KEY_NOT_VALID', { details: { sender: message.sender, reason: 'no signing key of the sender on this node' } });
  if (!(await memberByCode(tx, message.receiver))) throw new PlatformError('NOT_FOUND', { details: { receiver: message.receiver } });
  // Sends to one receiver go one at a time until each commits, so the outbox's order for a receiver is
  // the order its messages commit in, and a consumer reading the feed after a cursor never passes over
  // one that commits later with a lower number.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_ORDER_LOCK}, hashtext(${message.receiver}))`);
  const envelope = sealEnvelope({ ...message, messageId: message.messageId ?? randomUUID(), sentAt: now }, key);
  const hash = envelopeHash(envelope);
  const stored = sealForStorage(ctx.cipher, envelope);
  const [row] = await tx
    .insert(exchangeOutbox)
    .values({
      messageId: envelope.messageId,
      sender: envelope.sender,
      receiver: envelope.receiver,
      service: envelope.service,
      businessKey: envelope.businessKey,
      envelope: stored.envelope,
      payloadSealed: stored.payloadSealed,
      envelopeHash: hash,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ seq: exchangeOutbox.seq });
  if (!row) {
    // The same id again: the first message stands if it carried the same content, else the id is taken.
    const [first] = await tx.select().from(exchangeOutbox).where(and(eq(exchangeOutbox.sender, envelope.sender), eq(exchangeOutbox.messageId, envelope.messageId)));
    const same = first && first.receiver === envelope.receiver && first.service === envelope.service && (first.envelope as Envelope).payloadHash === envelope.payloadHash;
    if (!same) throw new PlatformError('EXCHANGE_MESSAGE_CONFLICT', { details: { sender: envelope.sender, messageId: envelope.messageId } });
    return { seq: first.seq, envelope: openStored(ctx.cipher, first) };
  }
  await appendToLog(tx, { memberCode: envelope.sender, direction: 'sent', messageId: envelope.messageId, envelopeHash: hash, at: now });
  return { seq: row.seq, envelope };
}
