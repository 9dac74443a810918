import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeInbox, exchangeOutbox } from '../../runtime/db/schema/index.ts';
import { deliverDue, generateKeyPair, httpTransport, rotateKey, sealEnvelope, sendMessage, signingKey, verifyMessageLog, type MessageInput } from '../../runtime/exchange/index.ts';
import { advanceSeconds, exchangeCounts, exchangeKeys, FUZHOU, twoNodes, XIAMEN } from '../support/exchange-peers.ts';
import { backends } from '../support/test-runtime.ts';

/**
 * Issue 18 item 1: an envelope that does not prove its sender, its key, its content or its receiver
 * is refused with a typed error and nothing is written; a rotated key still verifies what it signed
 * while valid, and nothing signed after.
 */
describe.each(backends)('exchange refusals and key rotation (%s)', (backend) => {
  let nodes: Awaited<ReturnType<typeof twoNodes>>;

  beforeAll(async () => {
    nodes = await twoNodes(backend);
  }, 120_000);
  afterAll(() => nodes?.close());

  const message = (overrides: Partial<MessageInput> = {}): MessageInput => ({
    messageId: randomUUID(),
    businessKey: 'UR3502032026000123',
    sender: XIAMEN,
    receiver: FUZHOU,
    service: 'unemployment.registered',
    sentAt: nodes.clock.now(),
    payload: { months: 2, note: '失业登记' },
    ...overrides,
  });
  const xiamenKey = async (at = nodes.clock.now()) => (await signingKey(nodes.xiamen.t.rt, nodes.xiamen.t.rt.db, XIAMEN, at))!;
  const post = (body: unknown) => nodes.fuzhou.t.request('POST', '/api/exchange/inbox', { body });

  /** Posts an envelope to 福州 and expects the refusal, with nothing written there. */
  async function refused(body: unknown, status: number, code: string) {
    const before = await exchangeCounts(nodes.fuzhou.t);
    const response = await post(body);
    expect([response.status, response.body?.code]).toEqual([status, code]);
    expect(await exchangeCounts(nodes.fuzhou.t)).toEqual(before);
  }

  it('takes a genuine envelope posted by hand, then refuses the same id with other content', async () => {
    const envelope = sealEnvelope(message(), await xiamenKey());
    const response = await post(envelope);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ messageId: envelope.messageId, payloadHash: envelope.payloadHash, receiver: FUZHOU });
    await refused(sealEnvelope(message({ messageId: envelope.messageId, payload: { months: 6 } }), await xiamenKey()), 409, 'EXCHANGE_MESSAGE_CONFLICT');
  });

  it('refuses a tampered payload, a tampered header, a wrong key, an unknown key, an unknown sender, a receiver not served here and a malformed envelope', async () => {
    const key = await xiamenKey();
    const genuine = sealEnvelope(message(), key);
    await refused({ ...genuine, payload: { months: 20, note: '失业登记' } }, 422, 'EXCHANGE_PAYLOAD_HASH_MISMATCH');
    await refused({ ...genuine, businessKey: 'UR3502032026999999' }, 401, 'EXCHANGE_SIGNATURE_INVALID');
    await refused(sealEnvelope(message(), { keyId: key.keyId, privateKey: generateKeyPair().privateKey }), 401, 'EXCHANGE_SIGNATURE_INVALID');
    await refused(sealEnvelope(message(), { keyId: 'never-registered', privateKey: key.privateKey }), 403, 'EXCHANGE_KEY_NOT_VALID');
    await refused(sealEnvelope(message({ sender: '350300-001' }), key), 403, 'EXCHANGE_SENDER_UNKNOWN');
    await refused(sealEnvelope(message({ receiver: XIAMEN }), key), 421, 'EXCHANGE_RECEIVER_NOT_HERE');
    await refused(sealEnvelope(message({ sentAt: new Date(Date.parse('2020-01-01T00:00:00Z')) }), key), 403, 'EXCHANGE_KEY_NOT_VALID');
    const { signature: _signature, ...unsigned } = genuine;
    await refused(unsigned, 400, 'BAD_REQUEST');
    await refused({ ...genuine, extra: 1 }, 400, 'BAD_REQUEST');
  });

  it('after a rotation, delivers what the old key signed while valid, signs anew with the new key, and refuses the old key for anything later', async () => {
    const before = await sendMessage(nodes.xiamen.t.rt, { sender: XIAMEN, receiver: FUZHOU, service: 'unemployment.registered', businessKey: 'UR3502032026000124', payload: { months: 1 } });
    const oldKey = await xiamenKey();
    advanceSeconds(nodes.clock, 60);
    const keys = await rotateKey(nodes.xiamen.t.rt, XIAMEN);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ keyId: oldKey.keyId, validUntil: nodes.clock.now() });
    expect(keys[1]!.validUntil).toBeNull();
    await exchangeKeys(nodes.xiamen, nodes.fuzhou, XIAMEN);

    advanceSeconds(nodes.clock, 1);
    const after = await sendMessage(nodes.xiamen.t.rt, { sender: XIAMEN, receiver: FUZHOU, service: 'unemployment.registered', businessKey: 'UR3502032026000125', payload: { months: 2 } });
    expect(before.envelope.keyId).toBe(oldKey.keyId);
    expect(after.envelope.keyId).toBe(keys[1]!.keyId);
    const outcomes = await deliverDue(nodes.xiamen.t.rt, httpTransport);
    expect(outcomes.map((o) => [o.messageId, o.delivered])).toEqual([[before.envelope.messageId, true], [after.envelope.messageId, true]]);

    // The old key, signing a message dated after its end: refused, though the key and signature are genuine.
    await refused(sealEnvelope(message(), oldKey), 403, 'EXCHANGE_KEY_NOT_VALID');
    const rows = await nodes.xiamen.t.rt.db.select({ status: exchangeOutbox.status }).from(exchangeOutbox);
    expect(rows.every((row) => row.status === 'delivered')).toBe(true);
    expect(await nodes.fuzhou.t.rt.db.select().from(exchangeInbox).where(eq(exchangeInbox.sender, XIAMEN))).toHaveLength(3);
    expect((await verifyMessageLog(nodes.fuzhou.t.rt.db, FUZHOU)).ok).toBe(true);
  });

  it('records the receiver\'s refusal on the outbox row and tries again later', async () => {
    // 福州 has not registered the key 厦门 rotated to now: every attempt is refused until it does.
    advanceSeconds(nodes.clock, 60);
    await rotateKey(nodes.xiamen.t.rt, XIAMEN);
    const { envelope } = await sendMessage(nodes.xiamen.t.rt, { sender: XIAMEN, receiver: FUZHOU, service: 'unemployment.registered', businessKey: 'UR3502032026000126', payload: { months: 3 } });
    expect(await deliverDue(nodes.xiamen.t.rt, httpTransport)).toEqual([{ messageId: envelope.messageId, attempts: 1, delivered: false, error: 'EXCHANGE_KEY_NOT_VALID' }]);
    expect((await nodes.xiamen.t.rt.db.select().from(exchangeOutbox).where(eq(exchangeOutbox.messageId, envelope.messageId)))[0]).toMatchObject({ status: 'pending', lastError: 'EXCHANGE_KEY_NOT_VALID' });
    await exchangeKeys(nodes.xiamen, nodes.fuzhou, XIAMEN);
    advanceSeconds(nodes.clock, 30);
    expect(await deliverDue(nodes.xiamen.t.rt, httpTransport)).toEqual([{ messageId: envelope.messageId, attempts: 2, delivered: true }]);
  });

  it('keeps a message pending when the answer is not a valid acknowledgement of it', async () => {
    advanceSeconds(nodes.clock, 3600);
    const { envelope } = await sendMessage(nodes.xiamen.t.rt, { sender: XIAMEN, receiver: FUZHOU, service: 'unemployment.registered', businessKey: 'UR3502032026000127', payload: { months: 4 } });
    // A peer (or someone between) answering 200 with the acknowledgement of another hash, then with one signed by 厦门's own key.
    const genuine = await httpTransport(`${nodes.fuzhou.address()}/inbox`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const answering = (body: unknown) => async () => ({ status: 200, json: async () => body });
    const [otherHash] = await deliverDue(nodes.xiamen.t.rt, answering({ ...genuine, payloadHash: '0'.repeat(64) }));
    expect(otherHash).toMatchObject({ delivered: false, error: 'EXCHANGE_ACK_INVALID' });
    advanceSeconds(nodes.clock, 30);
    const [forged] = await deliverDue(nodes.xiamen.t.rt, answering({ ...genuine, signature: sealEnvelope(message(), await xiamenKey()).signature }));
    expect(forged).toMatchObject({ delivered: false, error: 'EXCHANGE_ACK_INVALID' });
    expect((await nodes.xiamen.t.rt.db.select().from(exchangeOutbox).where(eq(exchangeOutbox.messageId, envelope.messageId)))[0]).toMatchObject({ status: 'pending', attempts: 2, acknowledgement: null });
  });
});
