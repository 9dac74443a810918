import type { FieldCipher } from '../crypto/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Envelope } from './envelope.ts';

/**
 * A message as the outbox and inbox keep it: the envelope without its payload (header and
 * signature, what routing, acknowledgements and audits read) and the payload sealed by the
 * runtime's key ring, as personal data is at rest, since a payload may carry some (an account
 * number in a payment batch, an ID number in a query).
 */
export interface StoredEnvelope {
  envelope: Omit<Envelope, 'payload'>;
  payloadSealed: string;
}

/** The envelope split for storage, its payload sealed. */
export function sealForStorage(cipher: FieldCipher, envelope: Envelope): StoredEnvelope {
  const { payload, ...rest } = envelope;
  return { envelope: rest, payloadSealed: cipher.encrypt(canonicalJson(payload)) };
}

/** The whole envelope again from a stored row: the payload opened and put back. */
export function openStored(cipher: FieldCipher, row: { envelope: unknown; payloadSealed: string }): Envelope {
  return { ...(row.envelope as Omit<Envelope, 'payload'>), payload: JSON.parse(cipher.decrypt(row.payloadSealed)) as unknown };
}
