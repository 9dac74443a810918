import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { MemberCode } from './envelope.ts';
import { registeredKey, validAt } from './registry.ts';
import { signBytes, verifyBytes } from './signing.ts';

/** The receiver's signed receipt of a message: which message, the payload hash it received (echoed), when. */
export const Acknowledgement = z
  .object({
    messageId: z.uuid(),
    sender: MemberCode.openapi({ description: "The message's sender" }),
    receiver: MemberCode.openapi({ description: 'Who received it and signs this' }),
    payloadHash: z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: "The envelope's payload hash, echoed" }),
    receivedAt: z.iso.datetime(),
    keyId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]{16,512}$/),
  })
  .strict()
  .openapi('ExchangeAcknowledgement');
export type Acknowledgement = z.infer<typeof Acknowledgement>;

/** The bytes an acknowledgement's signature covers: its canonical JSON without the signature. */
function ackBytes(ack: Omit<Acknowledgement, 'signature'>): string {
  return canonicalJson({ messageId: ack.messageId, sender: ack.sender, receiver: ack.receiver, payloadHash: ack.payloadHash, receivedAt: ack.receivedAt, keyId: ack.keyId });
}

/** Signs an acknowledgement with the receiver's key. */
export function signAcknowledgement(fields: Omit<Acknowledgement, 'signature' | 'keyId'>, key: { keyId: string; privateKey: string }): Acknowledgement {
  const unsigned = { ...fields, keyId: key.keyId };
  return { ...unsigned, signature: signBytes(key.privateKey, ackBytes(unsigned)) };
}

/**
 * Checks an acknowledgement against the message the sender sent: the same message, sender,
 * receiver and payload hash, signed by a key of the receiver valid when it says it received it.
 * Anything else is `EXCHANGE_ACK_INVALID`.
 */
export async function verifyAcknowledgement(db: Executor, value: unknown, sent: { messageId: string; sender: string; receiver: string; payloadHash: string }): Promise<Acknowledgement> {
  const parsed = Acknowledgement.safeParse(value);
  const refuse = (reason: string) => new PlatformError('EXCHANGE_ACK_INVALID', { details: { messageId: sent.messageId, reason } });
  if (!parsed.success) throw refuse('malformed');
  const ack = parsed.data;
  if (ack.messageId !== sent.messageId || ack.sender !== sent.sender || ack.receiver !== sent.receiver) throw refuse('another message');
  if (ack.payloadHash !== sent.payloadHash) throw refuse('payload hash differs');
  const key = await registeredKey(db, ack.receiver, ack.keyId);
  if (!key || !validAt(key, new Date(ack.receivedAt))) throw refuse('key not valid');
  if (!verifyBytes(key.publicKey, ackBytes(ack), ack.signature)) throw refuse('signature');
  return ack;
}
