import { PlatformError } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { payloadHash } from './canonical-json.ts';
import { headerBytes, type Envelope } from './envelope.ts';
import { memberByCode, registeredKey, servedHere, validAt } from './registry.ts';
import { verifyBytes } from './signing.ts';

/**
 * Checks an envelope before anything of it is written, in this order, each failure its own typed
 * refusal: the sender is a registered member (`EXCHANGE_SENDER_UNKNOWN`); the key it names is one
 * of the sender's and was valid at the envelope's time (`EXCHANGE_KEY_NOT_VALID`); the signature
 * over the header holds (`EXCHANGE_SIGNATURE_INVALID`); the payload is the one the signed hash names
 * (`EXCHANGE_PAYLOAD_HASH_MISMATCH`); the receiver is served here (`EXCHANGE_RECEIVER_NOT_HERE`).
 * Who sent it is proven before anything else of it is looked at.
 */
export async function verifyEnvelope(db: Executor, envelope: Envelope): Promise<void> {
  const details = { sender: envelope.sender, messageId: envelope.messageId };
  if (!(await memberByCode(db, envelope.sender))) throw new PlatformError('EXCHANGE_SENDER_UNKNOWN', { details });
  const key = await registeredKey(db, envelope.sender, envelope.keyId);
  if (!key || key.algorithm !== envelope.algorithm || !validAt(key, new Date(envelope.sentAt))) {
    throw new PlatformError('EXCHANGE_KEY_NOT_VALID', { details: { ...details, keyId: envelope.keyId, sentAt: envelope.sentAt } });
  }
  if (!verifyBytes(key.publicKey, headerBytes(envelope), envelope.signature)) throw new PlatformError('EXCHANGE_SIGNATURE_INVALID', { details });
  if (payloadHash(envelope.payload) !== envelope.payloadHash) throw new PlatformError('EXCHANGE_PAYLOAD_HASH_MISMATCH', { details });
  if (!(await servedHere(db, envelope.receiver))) throw new PlatformError('EXCHANGE_RECEIVER_NOT_HERE', { details: { ...details, receiver: envelope.receiver } });
}
