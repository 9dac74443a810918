import { and, asc, eq, gt } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { exchangeInbox } from '../db/schema/index.ts';
import { signAcknowledgement, type Acknowledgement } from './acknowledgement.ts';
import { envelopeHash, type Envelope } from './envelope.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { appendToLog } from './message-log.ts';
import { signingKey } from './registry.ts';
import { openStored, sealForStorage } from './stored-envelope.ts';
import { dispatchToService, type ServiceHandlers } from './service-handlers.ts';
import { verifyEnvelope } from './verify-envelope.ts';

/**
 * Takes a message into the receiver's inbox and answers its signed acknowledgement. The envelope is
 * verified first (a typed refusal, nothing written); the inbox's unique (sender, message id) makes a
 * repeated delivery change nothing and get the acknowledgement given the first time; the same id
 * with another envelope is `EXCHANGE_MESSAGE_CONFLICT`. A new message, its entry in the receiver's
 * message log and what its service's handler writes (`handlers`) are written in one transaction.
 */
export async function receiveMessage(ctx: ExchangeContext, envelope: Envelope, handlers?: ServiceHandlers): Promise<{ acknowledgement: Acknowledgement; repeated: boolean }> {
  await verifyEnvelope(ctx.db, envelope);
  const hash = envelopeHash(envelope);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    const key = await signingKey(ctx, tx, envelope.receiver, now);
    if (!key) throw new PlatformError('EXCHANGE_RECEIVER_NOT_HERE', { details: { receiver: envelope.receiver, reason: 'no key of the receiver valid now' } });
    const fields = { messageId: envelope.messageId, sender: envelope.sender, receiver: envelope.receiver, payloadHash: envelope.payloadHash, receivedAt: now.toISOString() };
    const acknowledgement = signAcknowledgement(fields, key);
    const [row] = await tx
      .insert(exchangeInbox)
      .values({ messageId: envelope.messageId, sender: envelope.sender, receiver: envelope.receiver, service: envelope.service, businessKey: envelope.businessKey, ...sealForStorage(ctx.cipher, envelope), envelopeHash: hash, acknowledgement, receivedAt: now })
      .onConflictDoNothing()
      .returning({ seq: exchangeInbox.seq });
    if (!row) {
      const [first] = await tx.select().from(exchangeInbox).where(and(eq(exchangeInbox.sender, envelope.sender), eq(exchangeInbox.messageId, envelope.messageId)));
      if (!first || first.envelopeHash !== hash) throw new PlatformError('EXCHANGE_MESSAGE_CONFLICT', { details: { sender: envelope.sender, messageId: envelope.messageId } });
      return { acknowledgement: first.acknowledgement as Acknowledgement, repeated: true };
    }
    await appendToLog(tx, { memberCode: envelope.receiver, direction: 'received', messageId: envelope.messageId, envelopeHash: hash, at: now });
    await dispatchToService(tx, handlers, envelope);
    return { acknowledgement, repeated: false };
  });
}

/** The messages a member served here has received, oldest first, after a sequence number: each with its payload opened. */
export async function receivedMessages(ctx: ExchangeContext, receiver: string, after = 0, limit = 100) {
  const rows = await ctx.db.select().from(exchangeInbox).where(and(eq(exchangeInbox.receiver, receiver), gt(exchangeInbox.seq, after))).orderBy(asc(exchangeInbox.seq)).limit(limit);
  return rows.map(({ payloadSealed, ...row }) => ({ ...row, envelope: openStored(ctx.cipher, { envelope: row.envelope, payloadSealed }) }));
}
