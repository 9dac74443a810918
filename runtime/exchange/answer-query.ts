import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import { envelopeHash, sealEnvelope, type Envelope } from './envelope.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { appendToLog } from './message-log.ts';
import { signingKey } from './registry.ts';
import { verifyEnvelope } from './verify-envelope.ts';

/** What a provider answers for one service: the result for a verified request's payload. */
export type QueryHandler = (payload: unknown, request: Envelope) => Promise<unknown>;

/**
 * Answers a query addressed to a member served here: the request is verified as any envelope is
 * (a typed refusal, nothing written), the service's handler gives the result, and the response
 * (`{inReplyTo: request id, result}`, the same service and business key, back to the sender) is
 * signed with the member's key valid now. The request and the response enter the member's message
 * log in one transaction. A service with no handler here is `NOT_FOUND`.
 */
export async function answerQuery(ctx: ExchangeContext, request: Envelope, handlers: Readonly<Record<string, QueryHandler>>): Promise<Envelope> {
  await verifyEnvelope(ctx.db, request);
  const handler = handlers[request.service];
  if (!handler) throw new PlatformError('NOT_FOUND', { details: { service: request.service } });
  const result = await handler(request.payload, request);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    const key = await signingKey(ctx, tx, request.receiver, now);
    if (!key) throw new PlatformError('EXCHANGE_RECEIVER_NOT_HERE', { details: { receiver: request.receiver, reason: 'no key of the receiver valid now' } });
    const response = sealEnvelope(
      { messageId: randomUUID(), businessKey: request.businessKey, sender: request.receiver, receiver: request.sender, service: request.service, sentAt: now, payload: { inReplyTo: request.messageId, result } },
      key,
    );
    await appendToLog(tx, { memberCode: request.receiver, direction: 'received', messageId: request.messageId, envelopeHash: envelopeHash(request), at: now });
    await appendToLog(tx, { memberCode: request.receiver, direction: 'sent', messageId: response.messageId, envelopeHash: envelopeHash(response), at: now });
    return response;
  });
}
