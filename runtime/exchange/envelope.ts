import { z } from '@hono/zod-openapi';
import { canonicalJson, payloadHash, sha256Hex } from './canonical-json.ts';
import { ALGORITHMS, signBytes } from './signing.ts';

/** A member code: a division code and a serial (`350200-001`), or a credit code. */
export const MemberCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).openapi({ example: '350200-001' });
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Signature = z.string().regex(/^[A-Za-z0-9_-]{16,512}$/).openapi({ description: 'base64url' });
const KeyId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

/** The header of an envelope: every field but the signature and the payload, all of them signed. */
export const EnvelopeHeader = z
  .object({
    version: z.literal(1),
    messageId: z.uuid().openapi({ description: 'Chosen by the sender; unique per sender' }),
    businessKey: z.string().min(1).max(200).openapi({ example: 'UR3502032026000123', description: 'What the message is about: an application number (申请编号), or a division code and a serial' }),
    sender: MemberCode,
    receiver: MemberCode,
    service: z.string().regex(/^[a-z][a-z0-9.-]{0,99}$/).openapi({ example: 'employment.status-changed' }),
    sentAt: z.iso.datetime().openapi({ example: '2026-11-02T01:00:00.000Z' }),
    payloadHash: Hex64.openapi({ description: 'SHA-256 (hex) of the payload as canonical JSON' }),
    keyId: KeyId.openapi({ description: "The sender's key that signed, as its registry entry names it" }),
    algorithm: z.enum(ALGORITHMS),
  })
  .strict();
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

/** A message between organisations: the signed header, the signature, and the payload the header's hash covers. */
export const Envelope = EnvelopeHeader.extend({ signature: Signature, payload: z.unknown() }).strict().openapi('ExchangeEnvelope');
export type Envelope = z.infer<typeof Envelope>;

/** The bytes an envelope's signature covers: the header's canonical JSON (its fields sorted, the payload present only by its hash). */
export function headerBytes(header: EnvelopeHeader): string {
  return canonicalJson({
    version: header.version,
    messageId: header.messageId,
    businessKey: header.businessKey,
    sender: header.sender,
    receiver: header.receiver,
    service: header.service,
    sentAt: header.sentAt,
    payloadHash: header.payloadHash,
    keyId: header.keyId,
    algorithm: header.algorithm,
  });
}

/** The hash that stands for an envelope in the message logs: SHA-256 of the header's bytes and the signature. */
export function envelopeHash(envelope: Envelope): string {
  return sha256Hex(`${headerBytes(envelope)}\n${envelope.signature}`);
}

/** What a sender puts in a message. */
export interface MessageInput {
  messageId: string;
  businessKey: string;
  sender: string;
  receiver: string;
  service: string;
  sentAt: Date;
  payload: unknown;
}

/** Builds and signs an envelope with a private key (PKCS #8 DER, base64) registered as `keyId`. */
export function sealEnvelope(input: MessageInput, key: { keyId: string; privateKey: string }): Envelope {
  const header: EnvelopeHeader = {
    version: 1,
    messageId: input.messageId,
    businessKey: input.businessKey,
    sender: input.sender,
    receiver: input.receiver,
    service: input.service,
    sentAt: input.sentAt.toISOString(),
    payloadHash: payloadHash(input.payload),
    keyId: key.keyId,
    algorithm: 'Ed25519',
  };
  return { ...header, signature: signBytes(key.privateKey, headerBytes(header)), payload: input.payload };
}
