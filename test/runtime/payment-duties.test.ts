import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { RECONCILIATION_HEADER } from '../../runtime/ledger/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { registerPerson } from '../support/steps.ts';

/**
 * Separation of duties around failed payments (issue 14): marking payments failed and paying
 * them again each need a second person. The importer of a file that fails payments is neither
 * the issuer nor the sender of their batch; the issuer of the batch that pays them again is not
 * whoever imported the failure.
 */
describe.each(backends)('who may fail a payment and pay it again (%s)', (backend) => {
  let t: TestRuntime;
  const tokens = { caseworker: '', reviewer: '', supervisor: '' };
  const ids = { caseworker: '', reviewer: '', supervisor: '' };
  const idNumber = citizenId('350203', '19850612', '071');
  const otherIdNumber = citizenId('350206', '19900203', '082');
  let batchId = '';
  let paymentNos: string[] = [];
  let failedItemId = '';

  /** Row counts, every payment and every batch as they stand: what a refusal must leave as it was. */
  async function ledgerState() {
    return {
      counts: await tableCounts(t.rt),
      payments: await queryRows(t.rt.db, sql`SELECT id, status, bank_reference, failure_reason, updated_at::text FROM payments ORDER BY payment_no`),
      batches: await queryRows(t.rt.db, sql`SELECT id, status, sent_by, reconciled_at::text FROM payment_batches ORDER BY batch_no`),
    };
  }

  /** Runs a request that must be refused, and checks that it changed nothing in the ledger. */
  async function refused(method: string, path: string, init: Parameters<TestRuntime['request']>[2]) {
    const before = await ledgerState();
    const response = await t.request(method, path, init);
    expect(await ledgerState()).toEqual(before);
    expect(response.body.message.zh).toBeTruthy();
    expect(response.body.message.en).toBeTruthy();
    return response;
  }

  /** An approved item as the case step writes it (sealed ID number, blind index), prepared and approved by two others. */
  async function approvedItem(personId: string, idNo: string, name: string, item: string, amountFen: number): Promise<string> {
    const [person] = await queryRows<{ city_code: string }>(t.rt.db, sql`SELECT city_code FROM persons WHERE id = ${personId}`);
    const id = randomUUID();
    await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
      VALUES (${person!.city_code}, ${id}, ${personId}, ${t.rt.cipher.encrypt(idNo)}, ${t.rt.cipher.index(idNo)}, ${name}, 'training-subsidy', ${item}, '2026', 'employment-subsidy', ${amountFen}, ${randomUUID()}, ${ids.caseworker}, ${ids.reviewer}, ${t.clock.now().toISOString()})`);
    return id;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    for (const name of ['caseworker', 'reviewer', 'supervisor'] as const) {
      tokens[name] = await t.login(name);
      ids[name] = (await t.request('GET', '/api/auth/me', { token: tokens[name] })).body.id;
    }
    // Each with an account the bank file pays into: an item of a person without one is held out of the batch.
    const account = { paymentAccount: '6217001234005678', paymentBank: '中国建设银行厦门分行' };
    const person = await registerPerson(t, tokens.caseworker, idNumber, '林晓燕', account);
    const other = await registerPerson(t, tokens.caseworker, otherIdNumber, '陈建华', account);
    failedItemId = await approvedItem(person, idNumber, '林晓燕', 'skill-certificate:skill-level:4-03-02-01', 150_000);
    const paidItemId = await approvedItem(other, otherIdNumber, '陈建华', 'skill-certificate:skill-level:6-18-01-01', 120_000);

    // Issued by the caseworker, sent to the bank by the reviewer.
    const issued = await t.request('POST', '/api/payment-batches', { token: tokens.caseworker, body: { fund: 'employment-subsidy' } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    batchId = issued.body.id;
    const sent = await t.request('POST', `/api/payment-batches/${batchId}/send`, { token: tokens.reviewer });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const detail = await t.request('GET', `/api/payment-batches/${batchId}`, { token: tokens.reviewer });
    const payments = detail.body.payments as { paymentNo: string; itemId: string }[];
    expect(payments.map((p) => p.itemId).sort()).toEqual([failedItemId, paidItemId].sort());
    paymentNos = [failedItemId, paidItemId].map((itemId) => payments.find((p) => p.itemId === itemId)!.paymentNo);
  });
  afterAll(() => t.close());

  it('refuses a file that fails payments imported by whoever issued or sent their batch, writing nothing; another finance user imports it', async () => {
    // One payment failed, the other paid: the whole file is refused, the paid line with it.
    const content = [
      RECONCILIATION_HEADER,
      `${paymentNos[0]},${idNumber},150000,failed,ICBC20261120001,账户已冻结`,
      `${paymentNos[1]},${otherIdNumber},120000,paid,ICBC20261120002,`,
      '',
    ].join('\n');
    const byIssuer = await refused('POST', '/api/reconciliations', { token: tokens.caseworker, body: { fileName: 'ICBC-20261120.csv', content } });
    expect(byIssuer.status).toBe(403);
    expect(byIssuer.body).toMatchObject({ code: 'MAKER_CHECKER_VIOLATION', details: { paymentNo: paymentNos[0], sameActorAs: 'issue' } });

    const bySender = await refused('POST', '/api/reconciliations', { token: tokens.reviewer, body: { fileName: 'ICBC-20261120.csv', content } });
    expect(bySender.status).toBe(403);
    expect(bySender.body).toMatchObject({ code: 'MAKER_CHECKER_VIOLATION', details: { paymentNo: paymentNos[0], sameActorAs: 'send' } });

    // The supervisor took no part in the batch.
    const imported = await t.request('POST', '/api/reconciliations', { token: tokens.supervisor, body: { fileName: 'ICBC-20261120.csv', content } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ lineCount: 2, matchedCount: 2, unmatched: [] });
    const batch = await t.request('GET', `/api/payment-batches/${batchId}`, { token: tokens.reviewer });
    expect(batch.body).toMatchObject({ status: 'reconciled' });
    const outcome = (paymentNo: string | undefined) => batch.body.payments.find((p: { paymentNo: string }) => p.paymentNo === paymentNo);
    expect([outcome(paymentNos[0]), outcome(paymentNos[1])].map((p: { status: string; failureReason: string | null }) => [p.status, p.failureReason])).toEqual([
      ['failed', '账户已冻结'],
      ['reconciled', null],
    ]);
  });

  it('refuses a batch paying the failed payment again issued by whoever imported the failure, writing nothing; another user issues it', async () => {
    const byImporter = await refused('POST', '/api/payment-batches', { token: tokens.supervisor, body: { fund: 'employment-subsidy' } });
    expect(byImporter.status).toBe(403);
    expect(byImporter.body).toMatchObject({ code: 'MAKER_CHECKER_VIOLATION', details: { fund: 'employment-subsidy', sameActorAs: 'import', failedPayments: [paymentNos[0]] } });

    // The caseworker issued the first batch but did not import its failure.
    const reissued = await t.request('POST', '/api/payment-batches', { token: tokens.caseworker, body: { fund: 'employment-subsidy' } });
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(201);
    expect(reissued.body).toMatchObject({ status: 'issued', paymentCount: 1, totalFen: 150_000, issuedBy: ids.caseworker });
    const detail = await t.request('GET', `/api/payment-batches/${reissued.body.id}`, { token: tokens.reviewer });
    expect(detail.body.payments.map((p: { itemId: string; status: string }) => [p.itemId, p.status])).toEqual([[failedItemId, 'issued']]);
  });
});
