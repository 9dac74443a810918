import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sqlState } from '../../runtime/db/index.ts';
import { addPeerKey, canonicalJson, createKey, deliverDue, registerMember, verifyBytes, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { connectBank } from '../../runtime/ledger/index.ts';
import { BANK, startBankPeer, type BankBatch, type BankPeer } from '../support/bank-peer.ts';
import { advanceSeconds, node, type PeerNode } from '../support/exchange-peers.ts';
import { citizenId } from '../support/fixtures.ts';
import { TEST_START } from '../support/seeded-databases.ts';
import { registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

/** 厦门's employment service on the exchange, and its city. */
const CITY_MEMBER = '350200-001';
const CITY = '350200';
const ACCOUNT = '6217001234005678';

/** What the ledger, the bank's transmissions and the exchange hold: counts, and every payment's and batch's state. */
async function snapshot(t: TestRuntime) {
  const counts: Record<string, number> = {};
  for (const table of ['ledger_items', 'ledger_history', 'payments', 'payment_batches', 'reconciliations', 'reconciliation_lines', 'bank_transmissions', 'exchange_outbox', 'exchange_inbox', 'exchange_log']) {
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
    counts[table] = Number(row!.n);
  }
  const states = await queryRows(t.rt.db, sql`SELECT payment_no, status, bank_reference FROM payments ORDER BY payment_no`);
  const batches = await queryRows(t.rt.db, sql`SELECT batch_no, status FROM payment_batches ORDER BY batch_no`);
  const sent = await queryRows(t.rt.db, sql`SELECT batch_no, reconciliation_id FROM bank_transmissions ORDER BY batch_no`);
  return { counts, states, batches, sent };
}

/**
 * The bank connector (issue 18 item 2, the bank): a payment batch goes to the bank as a signed
 * message written with the batch's sending, delivered by the exchange's retries to a bank peer on
 * its own loopback server; the bank's signed reconciliation comes back into the city's inbox and is
 * applied through the reconciliation logic, or refused whole.
 */
describe.each(backends)('bank connector over the exchange (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let city: PeerNode;
  let bank: BankPeer;
  let cityKey: PublicKeyEntry;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const persons: Record<string, { id: string; idNumber: string; name: string }> = {};
  /** Whose payment the bank failed in the first batch: paid again in the next. */
  let failedName = '';

  /** An approved item for a person, paid to the account on their record, as a case step writes it. */
  async function approvedItem(person: string, item: string, amountFen: number) {
    const p = persons[person]!;
    await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
      VALUES (${CITY}, ${randomUUID()}, ${p.id}, ${t.rt.cipher.encrypt(p.idNumber)}, ${t.rt.cipher.index(p.idNumber)}, ${p.name}, 'test-subsidy', ${item}, '2026', 'employment-subsidy', ${amountFen}, ${randomUUID()}, ${ids['caseworker']}, ${ids['reviewer']}, ${clock.now().toISOString()})`);
  }

  /** Issues a batch (the caseworker) and sends it (the reviewer): the send's answer and the batch's payments. */
  async function issueAndSend() {
    const issued = await t.request('POST', '/api/payment-batches', { token: tokens['caseworker'], body: { fund: 'employment-subsidy' } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const sent = await t.request('POST', `/api/payment-batches/${issued.body.id}/send`, { token: tokens['reviewer'] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body as { id: string; batchNo: string; totalFen: number; status: string; bank: Record<string, unknown> };
  }

  async function batch(id: string) {
    const response = await t.request('GET', `/api/payment-batches/${id}`, { token: tokens['reviewer'] });
    expect(response.status).toBe(200);
    return response.body as { status: string; bank: Record<string, unknown>; payments: { paymentNo: string; personName: string; status: string; bankReference: string | null; failureReason: string | null }[] };
  }

  beforeAll(async () => {
    clock = testClock(TEST_START);
    t = await createTestRuntime(backend, { clock });
    city = node(t);
    await city.start();
    await registerMember(t.rt, { code: CITY_MEMBER, name: '厦门市人力资源和社会保障局' });
    cityKey = await createKey(t.rt, CITY_MEMBER);
    bank = await startBankPeer({ clock: clock.now, city: { member: CITY_MEMBER, keys: () => [cityKey], inbox: () => `${city.address()}/inbox` } });
    await registerMember(t.rt, { code: BANK, name: '中国工商银行厦门分行', address: bank.address() });
    await addPeerKey(t.rt, bank.publicKey);
    await connectBank(t.rt.db, { cityCode: CITY, member: CITY_MEMBER, bank: BANK });
    for (const name of ['caseworker', 'reviewer']) {
      tokens[name] = await t.login(name);
      ids[name] = (await t.request('GET', '/api/auth/me', { token: tokens[name] })).body.id;
    }
    for (const [key, idNumber, name] of [
      ['huang', citizenId('350203', '19800315', '057'), '黄志明'],
      ['lin', citizenId('350206', '19850612', '071'), '林晓燕'],
      ['chen', citizenId('350211', '19900203', '082'), '陈建华'],
    ] as const) {
      const id = await registerPerson(t, tokens['caseworker']!, idNumber, name, { paymentAccount: ACCOUNT, paymentBank: '中国工商银行厦门分行' });
      persons[key] = { id, idNumber, name };
    }
  });
  afterAll(async () => {
    await bank?.stop();
    await city?.stop();
    await t?.close();
  });

  it('sends a batch to the bank signed, in the transaction that marks it sent; the reconciliation comes back verified and the ledger shows each line paid or failed', async () => {
    await approvedItem('huang', 'skill-a', 150_000);
    await approvedItem('lin', 'skill-a', 120_000);
    const sent = await issueAndSend();
    expect(sent).toMatchObject({ status: 'sent', totalFen: 270_000, bank: { state: 'sending', bank: BANK, messageId: sent.id, attempts: 0, lastError: null } });
    const [outbox] = await queryRows<{ service: string; business_key: string; status: string }>(t.rt.db, sql`SELECT service, business_key, status FROM exchange_outbox`);
    expect(outbox).toEqual({ service: 'bank.payment-batch', business_key: sent.batchNo, status: 'pending' });
    expect(bank.batches.size).toBe(0);

    // The timer worker's round delivers it: the bank checked the city's signature and acknowledged.
    expect(await deliverDue(t.rt)).toEqual([{ messageId: sent.id, attempts: 1, delivered: true }]);
    const taken = bank.batches.get(sent.batchNo)!;
    expect(taken).toMatchObject({ sender: CITY_MEMBER, receiver: BANK, service: 'bank.payment-batch', businessKey: sent.batchNo, keyId: cityKey.keyId });
    const payload = taken.payload as BankBatch;
    const detail = await batch(sent.id);
    expect(payload).toEqual({
      batchId: sent.id,
      batchNo: sent.batchNo,
      fund: 'employment-subsidy',
      currency: 'CNY',
      paymentCount: 2,
      totalFen: 270_000,
      payments: detail.payments.map((p) => {
        const person = Object.values(persons).find((x) => x.name === p.personName)!;
        // The account number and the ID number in the clear: opened only into the signed payload.
        return { paymentNo: p.paymentNo, payeeKind: 'person', payeeCode: person.idNumber, accountName: person.name, accountNo: ACCOUNT, bank: '中国工商银行厦门分行', amountFen: person.name === '黄志明' ? 150_000 : 120_000 };
      }),
    });
    expect(detail.bank).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(detail.payments.map((p) => p.status)).toEqual(['sent', 'sent']);

    // The bank pays 黄志明 and fails 林晓燕's line; its signed answer is verified and applied.
    const [paid, failed] = detail.payments;
    failedName = failed!.personName;
    const answer = await bank.reconcile(sent.batchNo, { failed: [failed!.paymentNo] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { signature, ...ackFields } = answer.body as Record<string, string>;
    expect(verifyBytes(cityKey.publicKey, canonicalJson(ackFields), signature!)).toBe(true);
    const after = await batch(sent.id);
    expect(after.status).toBe('reconciled');
    expect(after.bank).toMatchObject({ state: 'reconciled', reconciliationId: expect.any(String) });
    expect(after.payments).toEqual([
      expect.objectContaining({ paymentNo: paid!.paymentNo, status: 'reconciled', bankReference: `ICBC${sent.batchNo}001`, failureReason: null }),
      expect.objectContaining({ paymentNo: failed!.paymentNo, status: 'failed', bankReference: `ICBC${sent.batchNo}002`, failureReason: '账户已销户' }),
    ]);
    const history = await queryRows<{ action: string; actor_id: string }>(t.rt.db, sql`SELECT action, actor_id FROM ledger_history WHERE batch_id = ${sent.id} AND action IN ('payment.paid', 'payment.reconciled', 'payment.failed') ORDER BY id`);
    expect(history).toEqual([
      { action: 'payment.paid', actor_id: `exchange:${BANK}` },
      { action: 'payment.reconciled', actor_id: `exchange:${BANK}` },
      { action: 'payment.failed', actor_id: `exchange:${BANK}` },
    ]);

    // The same message again gets the same acknowledgement and changes nothing.
    const before = await snapshot(t);
    const again = await fetch(`${city.address()}/inbox`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(answer.envelope) });
    expect([again.status, await again.json()]).toEqual([200, answer.body]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('with the bank stopped, the batch waits in the outbox with its attempts and nothing is paid; the bank back, it is delivered and reconciled', async () => {
    // The batch pays a new item and, again, the payment the bank failed.
    await approvedItem('chen', 'skill-b', 90_000);
    await bank.stop();
    const sent = await issueAndSend();
    const before = await snapshot(t);

    // Refused at connecting, or (a pooled connection to the stopped server) at the socket.
    const first = await deliverDue(t.rt);
    expect(first).toEqual([{ messageId: sent.id, attempts: 1, delivered: false, error: expect.stringMatching(/^(ECONNREFUSED|UND_ERR_SOCKET)$/) }]);
    // Not due again before its wait (30 s) is over; then tried again.
    expect(await deliverDue(t.rt)).toEqual([]);
    advanceSeconds(clock, 30);
    expect(await deliverDue(t.rt)).toEqual([{ messageId: sent.id, attempts: 2, delivered: false, error: 'ECONNREFUSED' }]);
    const waiting = await batch(sent.id);
    expect(waiting.status).toBe('sent');
    expect(waiting.bank).toMatchObject({ state: 'sending', attempts: 2, lastError: 'ECONNREFUSED', deliveredAt: null });
    expect(waiting.payments.map((p) => `${p.personName} ${p.status}`).sort()).toEqual([`${failedName} sent`, '陈建华 sent'].sort());
    // Nothing paid, nothing else written: only the outbox row's attempts moved.
    expect(await snapshot(t)).toEqual(before);
    expect(bank.batches.has(sent.batchNo)).toBe(false);

    await bank.start();
    advanceSeconds(clock, 60);
    expect(await deliverDue(t.rt)).toEqual([{ messageId: sent.id, attempts: 3, delivered: true }]);
    expect((await bank.reconcile(sent.batchNo)).status).toBe(200);
    const done = await batch(sent.id);
    expect(done.status).toBe('reconciled');
    expect(done.bank).toMatchObject({ state: 'reconciled', attempts: 3, lastError: null });
    expect(done.payments.map((p) => p.status)).toEqual(['reconciled', 'reconciled']);
  });

  it('refuses a tampered, unsigned, foreign-signed or disagreeing reconciliation with nothing applied, and a second one of a reconciled batch', async () => {
    await approvedItem('huang', 'skill-c', 50_000);
    await approvedItem('chen', 'skill-c', 60_000);
    const sent = await issueAndSend();
    expect(await deliverDue(t.rt)).toEqual([{ messageId: sent.id, attempts: 1, delivered: true }]);
    const [other] = await queryRows<{ payment_no: string }>(t.rt.db, sql`SELECT payment_no FROM payments WHERE batch_id <> ${sent.id} ORDER BY payment_no LIMIT 1`);
    const before = await snapshot(t);

    const refusals: [Parameters<BankPeer['reconcile']>[1], number, string, string | undefined][] = [
      // Changed on the way: the signed hash no longer names the payload.
      [{ tamper: (p) => void ((p['lines'] as { result: string }[])[0]!.result = 'failed') }, 422, 'EXCHANGE_PAYLOAD_HASH_MISMATCH', undefined],
      [{ unsigned: true }, 400, 'BAD_REQUEST', undefined],
      [{ foreignKey: true }, 401, 'EXCHANGE_SIGNATURE_INVALID', undefined],
      // Properly signed by the bank, but not agreeing with the batch.
      [{ edit: (p) => void (p['totalFen'] = (p['totalFen'] as number) + 1) }, 422, 'BANK_RECONCILIATION_MISMATCH', 'totals'],
      [{ edit: (p) => void (p['lines'] as unknown[]).pop() }, 422, 'BANK_RECONCILIATION_MISMATCH', 'totals'],
      [{ edit: (p) => void ((p['lines'] as { paymentNo: string }[])[1]!.paymentNo = other!.payment_no) }, 422, 'BANK_RECONCILIATION_MISMATCH', 'payments-not-of-batch'],
      [{ edit: (p) => void ((p['lines'] as { payeeCode: string }[])[0]!.payeeCode = persons['lin']!.idNumber) }, 422, 'BANK_RECONCILIATION_MISMATCH', 'lines'],
      [{ edit: (p) => void (p['batchNo'] = 'B0000') }, 422, 'BANK_RECONCILIATION_MISMATCH', 'business-key'],
    ];
    for (const [options, status, code, reason] of refusals) {
      const answer = await bank.reconcile(sent.batchNo, options);
      const body = answer.body as { code: string; details?: { reason?: string } };
      expect({ status: answer.status, code: body.code, reason: body.details?.reason }, JSON.stringify(body)).toEqual({ status, code, reason });
      expect(await snapshot(t)).toEqual(before);
    }
    const mismatched = await bank.reconcile(sent.batchNo, { edit: (p) => void ((p['lines'] as { payeeCode: string }[])[0]!.payeeCode = persons['lin']!.idNumber) });
    // The refusal names the line and why, never the ID number.
    expect((mismatched.body as { details: unknown }).details).toEqual({ batchNo: sent.batchNo, reason: 'lines', unmatched: [{ lineNo: 1, paymentNo: expect.any(String), reason: 'id-number-mismatch' }] });
    expect(JSON.stringify(mismatched.body)).not.toContain(persons['lin']!.idNumber);

    expect((await bank.reconcile(sent.batchNo)).status).toBe(200);
    expect((await batch(sent.id)).payments.map((p) => p.status)).toEqual(['reconciled', 'reconciled']);
    const reconciled = await snapshot(t);
    const second = await bank.reconcile(sent.batchNo, { failed: [(await batch(sent.id)).payments[0]!.paymentNo] });
    expect([second.status, (second.body as { code: string }).code, (second.body as { details: { reason: string } }).details.reason]).toEqual([422, 'BANK_RECONCILIATION_MISMATCH', 'already-reconciled']);
    expect(await snapshot(t)).toEqual(reconciled);
  });

  it('sends a batch once: a second send is refused, and the database refuses a second transmission of it', async () => {
    const [row] = await queryRows<{ batch_id: string; batch_no: string; sender: string; message_id: string }>(t.rt.db, sql`SELECT batch_id, batch_no, sender, message_id FROM bank_transmissions ORDER BY batch_no LIMIT 1`);
    const before = await snapshot(t);
    const again = await t.request('POST', `/api/payment-batches/${row!.batch_id}/send`, { token: tokens['reviewer'] });
    expect([again.status, again.body.code]).toEqual([409, 'TRANSITION_NOT_AVAILABLE']);
    expect(await snapshot(t)).toEqual(before);
    let state: string | undefined;
    try {
      await t.rt.db.execute(sql`INSERT INTO bank_transmissions (city_code, batch_id, batch_no, sender, receiver, message_id, sent_at) VALUES (${CITY}, ${row!.batch_id}, ${`${row!.batch_no}X`}, ${row!.sender}, ${BANK}, ${row!.message_id}, now())`);
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe('23505');
    expect(await snapshot(t)).toEqual(before);
  });

  it('leaves a batch issued, with no message, when its message cannot be signed; sent once it can', async () => {
    await approvedItem('lin', 'skill-d', 40_000);
    const issued = await t.request('POST', '/api/payment-batches', { token: tokens['caseworker'], body: { fund: 'employment-subsidy' } });
    expect(issued.status).toBe(201);
    // A sending member with no signing key on this node.
    await registerMember(t.rt, { code: '350200-009', name: '厦门市社会保险中心' });
    await connectBank(t.rt.db, { cityCode: CITY, member: '350200-009', bank: BANK });
    const before = await snapshot(t);
    const refused = await t.request('POST', `/api/payment-batches/${issued.body.id}/send`, { token: tokens['reviewer'] });
    expect([refused.status, refused.body.code]).toEqual([403, 'EXCHANGE_KEY_NOT_VALID']);
    expect(await snapshot(t)).toEqual(before);
    expect((await batch(issued.body.id)).status).toBe('issued');

    await connectBank(t.rt.db, { cityCode: CITY, member: CITY_MEMBER, bank: BANK });
    const sent = await t.request('POST', `/api/payment-batches/${issued.body.id}/send`, { token: tokens['reviewer'] });
    expect(sent.body).toMatchObject({ status: 'sent', bank: { state: 'sending', attempts: 0 } });
  });
});
