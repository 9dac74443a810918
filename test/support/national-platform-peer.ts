import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { canonicalJson, Envelope, generateKeyPair, headerBytes, payloadHash, sealEnvelope, signBytes, verifyBytes, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { loopbackServer, type LoopbackServer } from './loopback-server.ts';

/** The 全国人社政务服务平台's member code on the exchange. */
export const NATIONAL = '100000-001';

/** How a test wants an application published: under a given message id (a re-send), or signed by a key the city does not know as the platform's. */
export interface PublishOptions {
  messageId?: string;
  foreignKey?: boolean;
}

/** The simulated national platform: a small server of its own with its member and key, no database. */
export interface NationalPlatformPeer extends LoopbackServer {
  member: string;
  /** The platform's public key, for the city's registry. */
  publicKey: PublicKeyEntry;
  /** Puts an application (the payload of `national.applications`) on the city's feed, signed; returns its envelope. */
  publish(application: { applicationNo: string } & Record<string, unknown>, options?: PublishOptions): Envelope;
  /** The `national.decisions` envelopes the city uploaded, in the order taken (each once). */
  decisions: Envelope[];
  /** The message ids of the feed the city acknowledged, each checked against what was published. */
  acknowledged: Set<string>;
}

function refusal(code: string, message: string) {
  return { code, message: { 'zh-CN': message, en: message }, details: {} };
}

/**
 * Starts the national platform of a test on a loopback port, from the exchange's documented
 * interface alone: `GET {address}/feed` serves the applications published for the city to a request
 * signed by the city's registered key (within 5 minutes of its clock); `POST {address}/acks` takes
 * the city's signed acknowledgements of them; `POST {address}/inbox` takes the city's decisions
 * (signature, payload hash, once by message id) and answers acknowledgements signed with its own key.
 */
export async function startNationalPlatformPeer(options: { clock: () => Date; city: { member: string; keys: () => readonly PublicKeyEntry[] } }): Promise<NationalPlatformPeer> {
  const pair = generateKeyPair();
  const keyId = `mohrss-${randomUUID().slice(0, 8)}`;
  const publicKey: PublicKeyEntry = { memberCode: NATIONAL, keyId, publicKey: pair.publicKey, validFrom: options.clock(), validUntil: null };
  const key = { keyId, privateKey: pair.privateKey };
  const feed: { seq: number; envelope: Envelope }[] = [];
  const decisions: Envelope[] = [];
  const acks = new Map<string, unknown>();
  const acknowledged = new Set<string>();
  const cityKeyAt = (keyIdOf: string, at: Date) => options.city.keys().find((k) => k.keyId === keyIdOf && k.validFrom <= at && (k.validUntil === null || at < k.validUntil));

  const app = new Hono();
  app.get('/api/exchange/feed', (c) => {
    const [member, keyIdOf, time, signature] = ['x-exchange-member', 'x-exchange-key', 'x-exchange-time', 'x-exchange-signature'].map((h) => c.req.header(h) ?? '');
    const after = Number(c.req.query('after') ?? 0);
    const limit = Number(c.req.query('limit') ?? 100);
    if (member !== options.city.member) return c.json(refusal('EXCHANGE_SENDER_UNKNOWN', 'unknown member'), 403);
    const at = new Date(time!);
    if (Math.abs(at.getTime() - options.clock().getTime()) > 5 * 60_000) return c.json(refusal('EXCHANGE_REQUEST_EXPIRED', 'time'), 401);
    const cityKey = cityKeyAt(keyIdOf!, at);
    if (!cityKey) return c.json(refusal('EXCHANGE_KEY_NOT_VALID', 'key not valid'), 403);
    if (!verifyBytes(cityKey.publicKey, canonicalJson({ purpose: 'exchange.feed', member, keyId: keyIdOf, time, after, limit }), signature!)) return c.json(refusal('EXCHANGE_SIGNATURE_INVALID', 'signature'), 401);
    const items = feed.filter((item) => item.seq > after).slice(0, limit);
    return c.json({ items, next: items.at(-1)?.seq ?? after }, 200);
  });

  app.post('/api/exchange/acks', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { acknowledgements?: Record<string, unknown>[] } | null;
    let delivered = 0;
    for (const ack of body?.acknowledgements ?? []) {
      const { signature, ...fields } = ack;
      const sent = feed.find((item) => item.envelope.messageId === fields['messageId'])?.envelope;
      const cityKey = cityKeyAt(String(fields['keyId']), new Date(String(fields['receivedAt'])));
      if (!sent || !cityKey || fields['payloadHash'] !== sent.payloadHash || !verifyBytes(cityKey.publicKey, canonicalJson(fields), String(signature))) continue;
      if (!acknowledged.has(sent.messageId)) delivered++;
      acknowledged.add(sent.messageId);
    }
    return c.json({ delivered }, 200);
  });

  app.post('/api/exchange/inbox', async (c) => {
    const parsed = Envelope.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(refusal('BAD_REQUEST', 'not an envelope'), 400);
    const envelope = parsed.data;
    if (envelope.sender !== options.city.member) return c.json(refusal('EXCHANGE_SENDER_UNKNOWN', 'unknown sender'), 403);
    const cityKey = cityKeyAt(envelope.keyId, new Date(envelope.sentAt));
    if (!cityKey) return c.json(refusal('EXCHANGE_KEY_NOT_VALID', 'key not valid'), 403);
    if (!verifyBytes(cityKey.publicKey, headerBytes(envelope), envelope.signature)) return c.json(refusal('EXCHANGE_SIGNATURE_INVALID', 'signature'), 401);
    if (payloadHash(envelope.payload) !== envelope.payloadHash) return c.json(refusal('EXCHANGE_PAYLOAD_HASH_MISMATCH', 'payload hash'), 422);
    if (envelope.receiver !== NATIONAL) return c.json(refusal('EXCHANGE_RECEIVER_NOT_HERE', 'not the platform'), 421);
    const first = acks.get(envelope.messageId);
    if (first) return c.json(first, 200);
    if (envelope.service !== 'national.decisions') return c.json(refusal('BAD_REQUEST', 'the platform takes decisions only'), 422);
    const fields = { messageId: envelope.messageId, sender: envelope.sender, receiver: envelope.receiver, payloadHash: envelope.payloadHash, receivedAt: options.clock().toISOString(), keyId };
    const ack = { ...fields, signature: signBytes(key.privateKey, canonicalJson(fields)) };
    decisions.push(envelope);
    acks.set(envelope.messageId, ack);
    return c.json(ack, 200);
  });

  const peer: NationalPlatformPeer = {
    member: NATIONAL,
    publicKey,
    ...loopbackServer(app.fetch),
    decisions,
    acknowledged,
    publish(application, o = {}) {
      const signer = o.foreignKey ? { keyId, privateKey: generateKeyPair().privateKey } : key;
      const envelope = sealEnvelope(
        { messageId: o.messageId ?? randomUUID(), businessKey: application.applicationNo, sender: NATIONAL, receiver: options.city.member, service: 'national.applications', sentAt: options.clock(), payload: application },
        signer,
      );
      feed.push({ seq: feed.length + 1, envelope });
      return envelope;
    },
  };
  await peer.start();
  return peer;
}
