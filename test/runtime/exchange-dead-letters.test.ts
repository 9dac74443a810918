import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { accessLog, auditLog, bankTransmissions, paymentBatches } from '../../runtime/db/schema/index.ts';
import { addPeerKey, createKey, deliverDue, LAST_ATTEMPT, LONGEST_RETRY_MS, registerMember, sendMessage, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { bankDeliveryOf, connectBank } from '../../runtime/ledger/index.ts';
import { BANK, startBankPeer, type BankPeer } from '../support/bank-peer.ts';
import { loopbackServer } from '../support/loopback-server.ts';
import { advanceSeconds } from '../support/exchange-peers.ts';
import { TEST_START } from '../support/seeded-databases.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

/** 厦门's employment service on the exchange, and its city (the demo administrator's). */
const CITY_MEMBER = '350200-001';
const CITY = '350200';

/** What a put-back may change: the outbox's rows by status, the audit trail, the access log. */
async function written(t: TestRuntime) {
  const outbox = await queryRows<{ status: string; n: number }>(t.rt.db, sql`SELECT status, count(*)::int AS n FROM exchange_outbox GROUP BY status ORDER BY status`);
  const [audit] = await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  const [access] = await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM access_log`);
  return { outbox, audit: audit!.n, access: access!.n };
}

/**
 * Dead letters (issue 18, the exchange's retries): a message the receiver refuses as repeating cannot change, or
 * not acknowledged after the last attempt, is given up instead of being tried every six hours for ever; the
 * city's administrator sees it with the receiver's last answer and puts it back once the cause is mended.
 */
describe.each(backends)('dead letters of the exchange (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let bank: BankPeer;
  let admin: string;
  /** Another system at the address first registered for the bank by mistake: it takes no envelope of the exchange. */
  const wrongSystem = loopbackServer(() => Response.json({ code: 'BAD_REQUEST', message: { 'zh-CN': '无法识别的请求', en: 'Not a request this system takes' }, details: {} }, { status: 422 }));
  let cityKey: PublicKeyEntry;

  const send = (businessKey: string) => sendMessage(t.rt, { sender: CITY_MEMBER, receiver: BANK, service: 'bank.payment-batch', businessKey, payload: { batchNo: businessKey } });
  const letters = async () => (await t.request('GET', '/api/admin/exchange/dead-letters', { token: admin })).body.items as { seq: number; messageId: string; businessKey: string; attempts: number; lastError: string; deadAt: string }[];
  const putBack = (seq: number | string) => t.request('POST', `/api/admin/exchange/dead-letters/${seq}/put-back`, { token: admin });

  beforeAll(async () => {
    clock = testClock(TEST_START);
    t = await createTestRuntime(backend, { clock });
    await registerMember(t.rt, { code: CITY_MEMBER, name: '厦门市人力资源和社会保障局' });
    cityKey = await createKey(t.rt, CITY_MEMBER);
    bank = await startBankPeer({ clock: clock.now, city: { member: CITY_MEMBER, keys: () => [cityKey], inbox: () => 'http://127.0.0.1:9/unused' } });
    await wrongSystem.start();
    await registerMember(t.rt, { code: BANK, name: '中国工商银行厦门分行', address: wrongSystem.address() });
    await addPeerKey(t.rt, bank.publicKey);
    await connectBank(t.rt.db, { cityCode: CITY, member: CITY_MEMBER, bank: BANK });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await bank?.stop();
    await wrongSystem.stop();
    await t?.close();
  });

  it('gives up at once a message the receiver refuses for good, shows it with the refusal, and delivers it once put back after the cause is mended', async () => {
    const { envelope } = await send('PB-DEAD-1');
    // The system at the registered address refuses the envelope itself (422), which no repeat changes.
    expect(await deliverDue(t.rt)).toEqual([{ messageId: envelope.messageId, attempts: 1, delivered: false, dead: true, error: 'BAD_REQUEST' }]);
    const givenUpAt = clock.now().toISOString();
    advanceSeconds(clock, LONGEST_RETRY_MS / 1000 + 60);
    expect(await deliverDue(t.rt)).toEqual([]);
    expect(bank.batches.has('PB-DEAD-1')).toBe(false);

    const wiring = (await t.request('GET', '/api/admin/exchange', { token: admin })).body as { outbox: { receiver: string; pending: number; dead: number }[] };
    expect(wiring.outbox.find((row) => row.receiver === BANK)).toMatchObject({ pending: 0, dead: 1 });
    const [letter] = await letters();
    expect(letter).toMatchObject({ messageId: envelope.messageId, receiver: BANK, service: 'bank.payment-batch', businessKey: 'PB-DEAD-1', attempts: 1, lastError: 'BAD_REQUEST', deadAt: givenUpAt });

    // The administrator corrects the bank's address, then puts the letter back: sent again at the next round.
    expect((await t.request('PUT', `/api/admin/exchange/members/${BANK}`, { token: admin, body: { name: '中国工商银行厦门分行', address: bank.address() } })).status).toBe(200);
    const put = await putBack(letter!.seq);
    expect([put.status, put.body.messageId, put.body.attempts]).toEqual([200, envelope.messageId, 1]);
    expect(await letters()).toEqual([]);
    expect(await deliverDue(t.rt)).toEqual([{ messageId: envelope.messageId, attempts: 1, delivered: true }]);
    expect(bank.batches.get('PB-DEAD-1')?.messageId).toBe(envelope.messageId);

    const [audit] = await t.rt.db.select().from(auditLog).where(eq(auditLog.action, 'exchange.message.put-back'));
    expect(audit).toMatchObject({ cityCode: CITY, target: envelope.messageId, details: { seq: letter!.seq, receiver: BANK, businessKey: 'PB-DEAD-1', attempts: 1, lastError: 'BAD_REQUEST', deadAt: givenUpAt } });
    expect(await t.rt.db.select({ action: accessLog.action }).from(accessLog).where(eq(accessLog.action, 'exchange.message.put-back'))).toHaveLength(1);
  });

  it(`tries a message the receiver does not answer ${LAST_ATTEMPT} times, then gives it up; its batch shows undeliverable`, async () => {
    await bank.stop();
    const { envelope } = await send('PB-DEAD-2');
    const batchId = randomUUID();
    // A sent batch of no payments stands for the one the message carries (the bank connector's tests send real ones).
    await t.rt.db.insert(paymentBatches).values({ cityCode: CITY, id: batchId, batchNo: 'PB-DEAD-2', fund: 'employment-subsidy', status: 'sent', paymentCount: 0, totalFen: 0, issuedBy: 'caseworker', issuedAt: clock.now(), sentBy: 'reviewer', sentAt: clock.now() });
    await t.rt.db.insert(bankTransmissions).values({ cityCode: CITY, batchId, batchNo: 'PB-DEAD-2', sender: CITY_MEMBER, receiver: BANK, messageId: envelope.messageId, sentAt: clock.now() });
    for (let attempt = 1; attempt <= LAST_ATTEMPT; attempt++) {
      const [outcome] = await deliverDue(t.rt);
      expect([outcome?.attempts, outcome?.delivered, outcome?.dead]).toEqual([attempt, false, attempt === LAST_ATTEMPT ? true : undefined]);
      advanceSeconds(clock, LONGEST_RETRY_MS / 1000);
    }
    // The bank back, the given-up message is not tried on its own. (Five days on, the administrator signs in again.)
    admin = await t.login('admin');
    await bank.start();
    expect(await deliverDue(t.rt)).toEqual([]);
    expect(await bankDeliveryOf(t.rt.db, CITY, batchId)).toMatchObject({ state: 'undeliverable', attempts: LAST_ATTEMPT, nextAttemptAt: null });

    const [letter] = await letters();
    expect(letter).toMatchObject({ businessKey: 'PB-DEAD-2', attempts: LAST_ATTEMPT });
    expect((await putBack(letter!.seq)).status).toBe(200);
    expect(await deliverDue(t.rt)).toEqual([{ messageId: envelope.messageId, attempts: 1, delivered: true }]);
    expect(await bankDeliveryOf(t.rt.db, CITY, batchId)).toMatchObject({ state: 'delivered', attempts: 1, lastError: null });
  });

  it('refuses to put back what is not a dead letter of the city, with nothing written', async () => {
    const [delivered] = await queryRows<{ seq: number }>(t.rt.db, sql`SELECT seq::int AS seq FROM exchange_outbox WHERE status = 'delivered' ORDER BY seq LIMIT 1`);
    const before = await written(t);
    for (const [seq, status, code] of [
      [delivered!.seq, 409, 'EXCHANGE_MESSAGE_NOT_DEAD'],
      [999_999, 404, 'EXCHANGE_MESSAGE_NOT_FOUND'],
      ['not-a-number', 400, 'BAD_REQUEST'],
    ] as const) {
      const response = await putBack(seq);
      expect([seq, response.status, response.body.code]).toEqual([seq, status, code]);
    }
    expect(await written(t)).toEqual(before);
  });

  it('is the city administrator’s alone', async () => {
    for (const username of ['caseworker', 'auditor']) {
      const token = await t.login(username);
      const list = await t.request('GET', '/api/admin/exchange/dead-letters', { token });
      const put = await t.request('POST', '/api/admin/exchange/dead-letters/1/put-back', { token });
      expect([username, list.status, put.status, put.body.code]).toEqual([username, 403, 403, 'ROLE_NOT_PERMITTED']);
    }
  });
});
