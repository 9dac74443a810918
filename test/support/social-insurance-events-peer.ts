import { randomUUID } from 'node:crypto';
import { canonicalJson, generateKeyPair, sealEnvelope, verifyBytes, type Envelope, type PublicKeyEntry } from '../../runtime/exchange/index.ts';

/** 厦门市社会保险中心's member on the exchange (as in `social-insurance-peer.ts`). */
export const SOCIAL_INSURANCE_AGENCY = '350200-900';

/** How a test wants an event sent: under a given message id (a re-send), or signed by a key the city does not know as the agency's. */
export interface SendOptions {
  messageId?: string;
  foreignKey?: boolean;
}

/** What the city answered: the HTTP status, the body, and whether the body is an acknowledgement the city's key signed for this message. */
export interface SendAnswer {
  status: number;
  body: Record<string, unknown>;
  acknowledged: boolean;
  envelope: Envelope;
}

/** The simulated social insurance agency sending events: a member and key of its own, no database. */
export interface SocialInsuranceEventsPeer {
  member: string;
  /** The agency's public key, for the city's registry. */
  publicKey: PublicKeyEntry;
  /** Signs an event (`social-insurance.enrolment` or `.stop`) and pushes it to the city's inbox over HTTP. */
  send(service: string, payload: Record<string, unknown>, options?: SendOptions): Promise<SendAnswer>;
}

/**
 * The social insurance agency of a test (or, under another `member`, an agency sending in its name), built from the exchange's README and the connectors'
 * README alone: it signs each event with its Ed25519 key, POSTs the envelope to the city's
 * `{address}/inbox` (a node on a loopback port), and checks the acknowledgement as a sender must:
 * the same message and payload hash, signed by a key of the city valid when it says it received it.
 */
export function socialInsuranceEventsPeer(options: { clock: () => Date; city: { member: string; inbox: () => string; keys: () => readonly PublicKeyEntry[] }; member?: string }): SocialInsuranceEventsPeer {
  const member = options.member ?? SOCIAL_INSURANCE_AGENCY;
  const pair = generateKeyPair();
  const keyId = `si-${randomUUID().slice(0, 8)}`;
  const publicKey: PublicKeyEntry = { memberCode: member, keyId, publicKey: pair.publicKey, validFrom: options.clock(), validUntil: null };
  const sent = new Map<string, Envelope>();
  return {
    member,
    publicKey,
    async send(service, payload, o = {}) {
      const messageId = o.messageId ?? randomUUID();
      const signer = o.foreignKey ? { keyId, privateKey: generateKeyPair().privateKey } : { keyId, privateKey: pair.privateKey };
      // A re-send is the same envelope again, as an outbox retry sends it.
      const envelope =
        (o.messageId && !o.foreignKey ? sent.get(o.messageId) : undefined) ??
        sealEnvelope({ messageId, businessKey: `SI${messageId.slice(0, 8).toUpperCase()}`, sender: member, receiver: options.city.member, service, sentAt: options.clock(), payload }, signer);
      if (!o.foreignKey) sent.set(messageId, envelope);
      const answer = await fetch(options.city.inbox(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) });
      const body = (await answer.json()) as Record<string, unknown>;
      const { signature, ...fields } = body;
      const at = new Date(String(fields['receivedAt']));
      const cityKey = options.city.keys().find((k) => k.keyId === fields['keyId'] && k.validFrom <= at && (k.validUntil === null || at < k.validUntil));
      const acknowledged =
        answer.status === 200 && fields['messageId'] === envelope.messageId && fields['payloadHash'] === envelope.payloadHash && cityKey !== undefined && verifyBytes(cityKey.publicKey, canonicalJson(fields), String(signature));
      return { status: answer.status, body, acknowledged, envelope };
    },
  };
}
