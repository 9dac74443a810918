import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../runtime/crypto/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { reencryptAll } from '../../runtime/privacy/index.ts';
import { backends, createTestRuntime, testKeyRing, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, getCase, open, placeAfterNotice, registerPerson } from '../support/steps.ts';

const ACCOUNT = '6222021234561234';
const BANK = '中国工商银行厦门分行';
const UNIT = { code: '123502034265103M7Y', name: '@嘉莲街道社区服务中心', account: '35101588001052500817', bank: '-建设银行嘉莲支行' };
const UNREGISTERED = '91350211MA8U2J7KXM';
const LATER_REMOVED = '91350206MA2YC8P40P';

interface LedgerView {
  id: string;
  personId: string;
  paymentStatus: string;
  awaitingAccount: boolean;
  payee: { kind: string; name: string | null; accountMasked: string | null; bank: string | null };
  note?: { 'zh-CN': string; en: string };
}

/**
 * Issue 14, payees: a person's payment account is sealed at rest and masked in every view, its
 * clear reading recorded; ledger items name who is paid (the person, or the employing unit of a
 * public-welfare post, which must be registered); an item of a person with no account is held out
 * of batches until one is recorded; the bank file names payee kind, code, account name and number,
 * bank and amount, every cell formula-safe.
 */
describe.each(backends)('payees (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let admin: string;
  const withAccount = { idNumber: citizenId('350203', '19880412', '031'), name: '=王五', id: '' };
  const withoutAccount = { idNumber: citizenId('350206', '19900617', '053'), name: '+赵六', id: '' };
  const placed = { idNumber: citizenId('350211', '19780905', '075'), name: '林国平', id: '' };

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    admin = await t.login('admin');
  }

  /** A training certificate of the person's, claimed and approved: a ledger item paying the person. */
  async function paidCertificate(personId: string, occupation: string): Promise<string> {
    const caseId = (await open(t, caseworker, 'training-subsidy', personId)).id;
    await act(t, caseworker, caseId, 'startTraining', { classNo: `XM-${occupation}`, institutionCreditCode: TRAINING_INSTITUTION, occupation, level: 4, startDate: '2026-09-01' });
    await act(t, caseworker, caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15' });
    await act(t, caseworker, caseId, 'certify', { certificateNo: `S3502${occupation.replaceAll('-', '')}`, certificateType: 'skill-level', issuedOn: '2026-10-20' });
    await act(t, caseworker, caseId, 'claim', { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0002', amountFen: 150_000, year: '2026' });
    expect((await act(t, reviewer, caseId, 'approveClaim', { opinion: '证书真实有效' })).state).toBe('paid');
    return caseId;
  }

  async function ledger(personId: string): Promise<LedgerView[]> {
    const response = await t.request('GET', `/api/ledger/items?personId=${personId}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function bankFile(batchId: string): Promise<string[]> {
    const file = await t.app.request(`/api/payment-batches/${batchId}/bank-file`, { headers: { Authorization: `Bearer ${caseworker}` } });
    expect(file.status).toBe(200);
    return (await file.text()).trimEnd().split('\n');
  }

  /** The access log rows about a person, newest first. */
  async function accessRows(personId: string) {
    return queryRows<{ action: string; purpose: string | null; details: Record<string, unknown> }>(
      t.rt.db,
      sql`SELECT action, purpose, details FROM access_log WHERE target_id = ${personId} ORDER BY at DESC, id DESC`,
    );
  }

  /** A recognised, employed person as the registration, recognition and employment cases leave them. */
  async function recognisedAndEmployed(personId: string) {
    await t.rt.db.execute(sql`UPDATE persons SET statuses = '{"difficultyStatus":"recognized","employmentStatus":"employed"}'::jsonb WHERE id = ${personId}`);
  }

  const placement = (creditCode: string) => ({
    employerCreditCode: creditCode,
    employerName: UNIT.name,
    employerAccount: UNIT.account,
    employerBank: UNIT.bank,
    postName: '社区公共服务协管员',
    placementStart: '2026-11-02',
    monthlySubsidyFen: 150_000,
    retirementCategory: 'male-60',
  });

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-11-13T01:00:00.000Z');
    await signIn();
    for (const [code, name] of [[UNIT.code, UNIT.name], [LATER_REMOVED, '厦门湖里跨境电商有限公司']] as const) {
      expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: code, name } })).status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('keeps a payment account sealed at rest and masked in every view; reading it in the clear is recorded in the access log', async () => {
    const registered = await t.request('POST', '/api/persons', {
      token: caseworker,
      body: { idNumber: withAccount.idNumber, name: withAccount.name, paymentAccountType: 'social-security-card', paymentAccount: '6222 0212 3456 1234', paymentBank: BANK },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    withAccount.id = registered.body.id;
    expect(registered.body).toMatchObject({ paymentAccountType: 'social-security-card', paymentAccount: '6222 **** **** 1234', paymentBank: BANK });

    // At rest: encrypted, not the number; the masked form beside it.
    const [row] = await queryRows<{ payment_account: string; payment_account_masked: string }>(t.rt.db, sql`SELECT payment_account, payment_account_masked FROM persons WHERE id = ${withAccount.id}`);
    expect(row!.payment_account).not.toContain(ACCOUNT);
    expect(row!.payment_account).toMatch(/^sm4ctr:/);
    expect(t.rt.cipher.decrypt(row!.payment_account)).toBe(ACCOUNT);
    expect(row!.payment_account_masked).toBe('6222 **** **** 1234');

    // A list, and someone who does not handle the person: masked, recorded as such.
    const list = await t.request('GET', `/api/persons?q=${withAccount.idNumber}`, { token: caseworker });
    expect(list.body.items.map((p: { paymentAccount: string }) => p.paymentAccount)).toEqual(['6222 **** **** 1234']);
    const byAdmin = await t.request('GET', `/api/persons/${withAccount.id}`, { token: admin });
    expect(byAdmin.body.paymentAccount).toBe('6222 **** **** 1234');
    expect((await accessRows(withAccount.id))[0]).toMatchObject({ action: 'person.read', details: { full: false, paymentAccount: false } });

    // Who handles the person reads it in the clear, and the read is recorded.
    const byCaseworker = await t.request('GET', `/api/persons/${withAccount.id}`, { token: caseworker });
    expect(byCaseworker.body.paymentAccount).toBe(ACCOUNT);
    expect((await accessRows(withAccount.id))[0]).toMatchObject({ action: 'person.read', details: { full: true, paymentAccount: true } });

    // The exception: revealed for a stated purpose, recorded with it.
    const revealed = await t.request('POST', `/api/persons/${withAccount.id}/reveal`, { token: admin, body: { purpose: '核对银行退票信息' } });
    expect(revealed.body.paymentAccount).toBe(ACCOUNT);
    expect((await accessRows(withAccount.id))[0]).toMatchObject({ action: 'person.reveal', purpose: '核对银行退票信息', details: { paymentAccount: true } });

    // An account that is not a number, or without its bank, is refused.
    const before = await tableCounts(t.rt);
    expect((await t.request('PATCH', `/api/persons/${withAccount.id}`, { token: caseworker, body: { changes: { paymentAccount: '6222-abc', paymentBank: BANK }, reason: '登记收款账户' } })).status).toBe(400);
    expect((await t.request('PATCH', `/api/persons/${withAccount.id}`, { token: caseworker, body: { changes: { paymentAccount: '6222021234569999' }, reason: '登记收款账户' } })).status).toBe(400);
    // A person not on the city's register: 404, and no account change is audited.
    const unknown = await t.request('PATCH', '/api/persons/00000000-0000-4000-8000-000000000000', { token: caseworker, body: { changes: { paymentAccount: '6222021234569999', paymentBank: BANK }, reason: '登记收款账户' } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('holds an item of a person with no account out of the batch, reported as awaiting an account, and pays it in a later batch once the account is recorded', async () => {
    withoutAccount.id = await registerPerson(t, caseworker, withoutAccount.idNumber, withoutAccount.name);
    await paidCertificate(withAccount.id, '4-03-02-01');
    await paidCertificate(withoutAccount.id, '4-03-02-01');

    const [held] = await ledger(withoutAccount.id);
    expect(held).toMatchObject({ paymentStatus: 'unpaid', awaitingAccount: true, payee: { kind: 'person', name: withoutAccount.name, accountMasked: null }, note: { 'zh-CN': '已审批，待登记收款账户后发放' } });
    const [ready] = await ledger(withAccount.id);
    expect(ready).toMatchObject({ paymentStatus: 'unpaid', awaitingAccount: false, payee: { kind: 'person', name: withAccount.name, accountMasked: '6222 **** **** 1234' } });
    expect(ready!.note).toBeUndefined();

    // The batch pays the person with an account and reports the other as awaiting one.
    const first = await t.request('POST', '/api/payment-batches', { token: caseworker, body: { fund: 'employment-subsidy' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ paymentCount: 1, totalFen: 150_000, awaitingAccount: { count: 1, items: [{ itemId: held!.id, personName: withoutAccount.name }], message: { 'zh-CN': '已审批，待登记收款账户后发放' } } });
    const detail = await t.request('GET', `/api/payment-batches/${first.body.id}`, { token: reviewer });
    expect(detail.body.payments).toEqual([expect.objectContaining({ itemId: ready!.id, payee: { kind: 'person', name: withAccount.name, accountMasked: '6222 **** **** 1234', bank: BANK } })]);
    expect(JSON.stringify(detail.body)).not.toContain(ACCOUNT);
    expect(await bankFile(first.body.id)).toEqual([
      'payment_no,payee_kind,payee_code,account_name,account_no,bank,amount_fen',
      `${detail.body.payments[0].paymentNo},person,${withAccount.idNumber},'${withAccount.name},${ACCOUNT},${BANK},150000`,
    ]);
    const [payment] = await queryRows<{ payee_account: string; payee_account_masked: string }>(t.rt.db, sql`SELECT payee_account, payee_account_masked FROM payments WHERE item_id = ${ready!.id}`);
    expect(payment!.payee_account).not.toContain(ACCOUNT);
    expect(t.rt.cipher.decrypt(payment!.payee_account)).toBe(ACCOUNT);

    // Nothing else can be paid until the account is recorded: refused, naming the held item, nothing written.
    const before = await tableCounts(t.rt);
    const nothing = await t.request('POST', '/api/payment-batches', { token: caseworker, body: { fund: 'employment-subsidy' } });
    expect([nothing.status, nothing.body.code]).toEqual([422, 'NOTHING_TO_PAY']);
    expect(nothing.body.details.awaitingAccount).toMatchObject({ count: 1, items: [{ itemId: held!.id }] });
    expect(await tableCounts(t.rt)).toEqual(before);

    // The account is recorded: the next batch pays the held item to it.
    const updated = await t.request('PATCH', `/api/persons/${withoutAccount.id}`, { token: caseworker, body: { changes: { paymentAccountType: 'bank-account', paymentAccount: '6217 0012 3400 5678', paymentBank: '中国银行厦门分行' }, reason: '本人提供银行账户' } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ paymentAccountType: 'bank-account', paymentAccount: '6217 **** **** 5678' });
    // Where the money goes was changed: the audit log says by whom, from no account to this one, masked.
    const changes = await queryRows<{ actor_id: string; details: unknown }>(t.rt.db, sql`SELECT actor_id, details FROM audit_log WHERE action = 'person.payment-account' AND target = ${withoutAccount.id}`);
    expect(changes.map((c) => (typeof c.details === 'string' ? JSON.parse(c.details) : c.details))).toEqual([{ from: null, to: '6217 **** **** 5678' }]);
    expect((await ledger(withoutAccount.id))[0]).toMatchObject({ paymentStatus: 'unpaid', awaitingAccount: false, payee: { accountMasked: '6217 **** **** 5678' } });
    const second = await t.request('POST', '/api/payment-batches', { token: caseworker, body: { fund: 'employment-subsidy' } });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ paymentCount: 1, awaitingAccount: { count: 0, items: [] } });
    const lines = await bankFile(second.body.id);
    expect(lines[1]).toMatch(new RegExp(`^PB\\d+,person,${withoutAccount.idNumber},'\\${withoutAccount.name},6217001234005678,中国银行厦门分行,150000$`));
    expect((await ledger(withoutAccount.id))[0]!.paymentStatus).toBe('issued');
  });

  it('pays the employing unit of a public-welfare post: its account sealed at approval, the month kept once for the person, the bank file naming the unit formula-safe', async () => {
    placed.id = await registerPerson(t, caseworker, placed.idNumber, placed.name, { paymentAccount: ACCOUNT.replace('1234', '4321'), paymentBank: BANK });
    await recognisedAndEmployed(placed.id);
    const post = (await open(t, caseworker, 'public-welfare-post', placed.id)).id;
    expect((await placeAfterNotice(t, caseworker, post, placement(UNIT.code))).state).toBe('placed');
    await act(t, caseworker, post, 'submitClaim', { period: '2026-11', amountFen: 150_000 });
    await act(t, reviewer, post, 'approveClaim', { opinion: '考勤表齐全，同意拨付' });

    const [item] = await ledger(placed.id);
    expect(item).toMatchObject({ personId: placed.id, paymentStatus: 'unpaid', payee: { kind: 'employer', name: UNIT.name, accountMasked: '3510 **** **** 0817', bank: UNIT.bank } });
    const [row] = await queryRows<{ payee_kind: string; payee_code: string; payee_account: string; person_id: string }>(
      t.rt.db,
      sql`SELECT payee_kind, payee_code, payee_account, person_id FROM ledger_items WHERE id = ${item!.id}`,
    );
    expect(row).toMatchObject({ payee_kind: 'employer', payee_code: UNIT.code, person_id: placed.id });
    expect(row!.payee_account).not.toContain(UNIT.account);
    expect(t.rt.cipher.decrypt(row!.payee_account)).toBe(UNIT.account);

    const batch = await t.request('POST', '/api/payment-batches', { token: caseworker, body: { fund: 'employment-subsidy' } });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const detail = await t.request('GET', `/api/payment-batches/${batch.body.id}`, { token: reviewer });
    expect(JSON.stringify(detail.body)).not.toContain(UNIT.account);
    const lines = await bankFile(batch.body.id);
    expect(lines.slice(1)).toEqual([`${detail.body.payments[0].paymentNo},employer,${UNIT.code},'${UNIT.name},${UNIT.account},'${UNIT.bank},150000`]);

    // The month is kept once for the person the money is for, whoever is paid: another unit's post for the same month is refused.
    await act(t, caseworker, post, 'end', { endReason: 'left-post' });
    const again = (await open(t, caseworker, 'public-welfare-post', placed.id)).id;
    await placeAfterNotice(t, caseworker, again, placement(LATER_REMOVED));
    await act(t, caseworker, again, 'submitClaim', { period: '2026-11', amountFen: 150_000 });
    const before = await tableCounts(t.rt);
    const twice = await t.request('POST', `/api/cases/${again}/events`, { token: reviewer, body: { type: 'approveClaim', data: { opinion: '同意' }, version: (await getCase(t, reviewer, again)).version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect([twice.status, twice.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
  });

  it('refuses paying an employer that is not registered in the city, writing nothing', async () => {
    const person = await registerPerson(t, caseworker, citizenId('350203', '19790321', '097'), '陈建国', { paymentAccount: ACCOUNT, paymentBank: BANK });
    await recognisedAndEmployed(person);
    const post = (await open(t, caseworker, 'public-welfare-post', person)).id;

    // At placement, by the rule.
    let before = await tableCounts(t.rt);
    const unregistered = await t.request('POST', `/api/cases/${post}/events`, { token: caseworker, body: { type: 'place', data: placement(UNREGISTERED), version: (await getCase(t, caseworker, post)).version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect([unregistered.status, unregistered.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(unregistered.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['employer-registered']);

    // At payment, by the ledger: the unit's record is gone by the time the claim is approved.
    await placeAfterNotice(t, caseworker, post, placement(LATER_REMOVED));
    await act(t, caseworker, post, 'submitClaim', { period: '2026-11', amountFen: 150_000 });
    await t.rt.db.execute(sql`DELETE FROM employers WHERE credit_code = ${LATER_REMOVED}`);
    before = await tableCounts(t.rt);
    const approval = await t.request('POST', `/api/cases/${post}/events`, { token: reviewer, body: { type: 'approveClaim', data: { opinion: '同意' }, version: (await getCase(t, reviewer, post)).version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect([approval.status, approval.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(approval.body.details).toMatchObject({ violations: [{ rule: 'payee-registered-employer' }], creditCode: LATER_REMOVED });
    expect(await ledger(person)).toEqual([]);
  });

  it('re-encrypts payment accounts and payees under a new key, leaving credit codes as they are, and re-indexes a paid person', async () => {
    const rotated = { ...testKeyRing, primary: 'k2', keys: { ...testKeyRing.keys, k2: randomBytes(32).toString('hex') } };
    t.rt.cipher = new FieldCipher(rotated);
    await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false });
    const sealed = await queryRows<{ value: string }>(
      t.rt.db,
      sql`SELECT payment_account AS value FROM persons WHERE payment_account IS NOT NULL
          UNION ALL SELECT payee_account FROM ledger_items WHERE payee_account IS NOT NULL
          UNION ALL SELECT payee_account FROM payments WHERE payee_account IS NOT NULL
          UNION ALL SELECT payee_code FROM payments WHERE payee_kind = 'person'`,
    );
    expect(sealed.length).toBeGreaterThan(5);
    expect(sealed.filter((row) => !row.value.startsWith('sm4ctr:v1:k2:'))).toEqual([]);
    const codes = await queryRows<{ payee_code: string }>(t.rt.db, sql`SELECT DISTINCT payee_code FROM payments WHERE payee_kind = 'employer'`);
    expect(codes).toEqual([{ payee_code: UNIT.code }]);

    // Only the new key left: the bank file still opens every account; a new index key re-indexes the paid persons.
    t.rt.cipher = new FieldCipher({ ...rotated, keys: { k2: rotated.keys['k2'] } });
    const [batch] = await queryRows<{ id: string }>(t.rt.db, sql`SELECT batch_id AS id FROM payments WHERE payee_kind = 'employer' LIMIT 1`);
    expect((await bankFile(batch!.id))[1]).toContain(`,${UNIT.account},`);
    const reindexed = new FieldCipher({ ...t.rt.cipher.ring, index: randomBytes(32).toString('hex') });
    await reencryptAll(t.rt.db, reindexed, { reindex: true });
    const [paid] = await queryRows<{ payee_code_index: string }>(t.rt.db, sql`SELECT payee_code_index FROM payments p JOIN ledger_items i ON i.id = p.item_id WHERE i.person_id = ${withAccount.id}`);
    expect(paid!.payee_code_index).toBe(reindexed.index(withAccount.idNumber));
  });
});
