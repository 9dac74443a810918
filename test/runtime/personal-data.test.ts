import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeAccessLog, recordAccess, verifyAccessLog } from '../../runtime/audit/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { persons, posts } from '../../runtime/db/schema/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const idNumber = citizenId('350203', '19870303', '019');
const phone = '13912345678';

describe.each(backends)('personal data: encrypted at rest, shown in full only to who handles it, every read recorded (%s)', (backend) => {
  let t: TestRuntime;
  let personId: string;
  let huliCase: string;
  const get = async (username: string) => t.request('GET', `/api/persons/${personId}`, { token: await t.login(username) });

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    // A caseworker of another district's office in the same city.
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: 'unemployment-window' }]);
    personId = await registerPerson(t, await t.login('caseworker'), idNumber, '何晓琳', { phone });
  });
  afterAll(() => t.close());

  it('stores the ID number and the phone encrypted, with a blind index that keeps the number unique', async () => {
    // Before: ID numbers were stored in plain text in persons, ledger items and payments (issue 12).
    const [stored] = await t.rt.db.select().from(persons).where(eq(persons.id, personId));
    expect(stored!.idNumber).toMatch(/^sm4ctr:v1:k1:/);
    expect(stored!.idNumber).not.toContain('19870303');
    expect(stored!.phone).not.toContain('12345678');
    expect(t.rt.cipher.decrypt(stored!.idNumber)).toBe(idNumber);
    expect(stored!.idNumberIndex).toBe(t.rt.cipher.index(idNumber));
    expect([stored!.idNumberMasked, stored!.phoneMasked]).toEqual([`350203***********${idNumber[17]}`, '139****5678']);
    const again = await t.request('POST', '/api/persons', { token: await t.login('caseworker'), body: { idNumber: idNumber.toLowerCase(), name: '何晓琳' } });
    expect([again.status, again.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
    const byNumber = await t.request('GET', `/api/persons?q=${idNumber}`, { token: await t.login('reviewer') });
    expect(byNumber.body.items.map((p: { id: string; idNumber: string }) => [p.id, p.idNumber])).toEqual([[personId, stored!.idNumberMasked]]);
  });

  it('shows the full number and phone to the office that registered the person, masked to the administrator and to another office', async () => {
    // Before: every role read full ID numbers and phones on GET /api/persons/{id} (issue 12).
    expect((await get('caseworker')).body).toMatchObject({ idNumber, phone, masked: false });
    expect((await get('reviewer')).body).toMatchObject({ idNumber, phone, masked: false });
    for (const username of ['admin', 'huli-caseworker']) {
      const response = await get(username);
      expect([username, response.body.idNumber, response.body.phone, response.body.masked]).toEqual([username, `350203***********${idNumber[17]}`, '139****5678', true]);
    }
    expect((await get('evaluator')).status).toBe(403);
    expect((await get('configurator')).status).toBe(403);
  });

  it('shows them to another office once it handles one of the person’s cases', async () => {
    const huli = await t.login('huli-caseworker');
    huliCase = (await open(t, huli, 'unemployment-registration', personId)).id;
    expect((await get('huli-caseworker')).body).toMatchObject({ idNumber, masked: false });
  });

  it('reveals them to an administrator for a stated purpose only, and records it', async () => {
    const admin = await t.login('admin');
    const noPurpose = await t.request('POST', `/api/persons/${personId}/reveal`, { token: admin, body: { purpose: '' } });
    expect([noPurpose.status, noPurpose.body.code]).toEqual([400, 'BAD_REQUEST']);
    const revealed = await t.request('POST', `/api/persons/${personId}/reveal`, { token: admin, body: { purpose: '核对银行退票信息' } });
    expect(revealed.body).toMatchObject({ idNumber, phone, masked: false });
    expect((await t.request('POST', `/api/persons/${personId}/reveal`, { token: await t.login('evaluator'), body: { purpose: '好奇看看' } })).status).toBe(403);
  });

  it('records every read of a person and a case, and every reveal, for the auditor to search; others may not', async () => {
    // Before: reads of personal data were recorded nowhere (issue 12).
    const caseworker = await t.login('caseworker');
    const opened = await open(t, caseworker, 'social-insurance-subsidy', personId).catch(() => null);
    const caseId = opened?.id ?? (await t.request('GET', `/api/cases?subjectId=${personId}`, { token: caseworker })).body.items[0].id;
    await t.request('GET', `/api/cases/${caseId}`, { token: caseworker });
    await t.request('GET', `/api/cases/${caseId}/history`, { token: caseworker });

    const auditor = await t.login('auditor');
    const reads = await t.request('GET', `/api/audit/access-log?targetType=person&targetId=${personId}&pageSize=100`, { token: auditor });
    const seen = reads.body.items.map((e: { actorName: string; action: string; purpose: string | null; details: { full?: boolean } }) => [e.action, e.actorName, e.details.full ?? null, e.purpose]).reverse();
    expect(seen).toEqual([
      ['person.read', '综合窗口经办员', true, null],
      ['person.read', '综合审核员', true, null],
      ['person.read', '系统管理员', false, null],
      ['person.read', '湖里经办员', false, null],
      ['person.read', '湖里经办员', true, null],
      ['person.reveal', '系统管理员', null, '核对银行退票信息'],
    ]);
    const caseReads = await t.request('GET', `/api/audit/access-log?targetType=case&targetId=${caseId}`, { token: auditor });
    expect(caseReads.body.items.map((e: { action: string; details: { history?: boolean } }) => [e.action, e.details.history ?? false])).toEqual([
      ['case.read', true],
      ['case.read', false],
    ]);
    expect(reads.body.items[0].address).toBe('127.0.0.1');
    expect((await t.request('GET', '/api/audit/access-log', { token: caseworker })).status).toBe(403);
    expect((await t.request('GET', '/api/audit/access-log/verify', { token: auditor })).body).toMatchObject({ ok: true, brokenAt: null });
  });

  it('neutralises formulas in the bank file and in the exports', async () => {
    // Before: the bank file passed =HYPERLINK(...) and @SUM(...) through unchanged (issue 12).
    const reviewer = await t.login('reviewer');
    const [city] = await queryRows<{ city_code: string }>(t.rt.db, sql`SELECT city_code FROM persons WHERE id = ${personId}`);
    const batchId = randomUUID();
    await t.rt.db.execute(sql`INSERT INTO payment_batches (city_code, id, batch_no, fund, status, payment_count, total_fen, issued_by, issued_at)
      VALUES (${city!.city_code}, ${batchId}, 'PBTEST', 'employment-subsidy', 'issued', 2, 2, 'x', now())`);
    for (const [n, name] of [[1, '=HYPERLINK("http://evil.example","点此")'], [2, '@SUM(1+1)*cmd|\' /C calc\'!A0']] as const) {
      await t.rt.db.execute(sql`INSERT INTO payments (city_code, id, payment_no, item_id, batch_id, id_number, id_number_index, person_name, amount_fen, status, created_at, updated_at)
        VALUES (${city!.city_code}, ${randomUUID()}, ${`PBTEST${n}`}, ${randomUUID()}, ${batchId}, ${t.rt.cipher.encrypt(idNumber)}, ${t.rt.cipher.index(idNumber)}, ${name}, 1, 'issued', now(), now())`);
    }
    const file = await t.app.request(`/api/payment-batches/${batchId}/bank-file`, { headers: { Authorization: `Bearer ${reviewer}` } });
    const lines = (await file.text()).trim().split('\n');
    // Payments issued before payees were recorded: the person, with no account.
    expect(lines[1]).toBe(`PBTEST1,person,${idNumber},"'=HYPERLINK(""http://evil.example"",""点此"")",,,1`);
    expect(lines[2]).toBe(`PBTEST2,person,${idNumber},'@SUM(1+1)*cmd|' /C calc'!A0,,,1`);

    // The drill-down export by post, with a post renamed as an attack would.
    await act(t, await t.login('huli-caseworker'), huliCase, 'submit', registrationForm());
    await t.rt.db.update(posts).set({ name: '-2+3+cmd|calc' }).where(eq(posts.code, 'unemployment-window'));
    const query = 'indicator=unemployment-registration-on-time-rate&orgUnit=350200&from=2026-11-01&to=2026-11-30&by=post';
    const configurator = await t.login('configurator');
    const csv = await (await t.app.request(`/api/review/export?${query}&format=csv`, { headers: { Authorization: `Bearer ${configurator}` } })).text();
    expect(csv).toContain("'-2+3+cmd|calc");
    expect(csv).not.toMatch(/(^|,)-2\+3\+cmd/m);
    const xlsx = await t.app.request(`/api/review/export?${query}&format=xlsx`, { headers: { Authorization: `Bearer ${configurator}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const names = workbook.worksheets[0]!.getColumn(2).values.filter((v) => typeof v === 'string');
    expect(names).toContain("'-2+3+cmd|calc");
  });
});

describe('the access log past its retention', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
  });
  afterAll(() => t.close());

  it('keeps at least 180 days: a purge of older rows keeps the chain verifiable, nothing younger goes', async () => {
    const entry = (at: Date, name: string) => recordAccess(t.rt.db, { actor: { id: null, name, role: null, orgUnitId: null }, action: 'auth.failure', origin: { address: null, requestId: null }, at });
    const now = new Date();
    for (let i = 0; i < 3; i++) await entry(new Date(now.getTime() - (200 - i) * 86_400_000), `spring-${i}`);
    await entry(new Date(now.getTime() - 10 * 86_400_000), 'recent');
    await expect(purgeAccessLog(t.rt.db, new Date(now.getTime() - 30 * 86_400_000), now)).rejects.toThrow(/180 days/);
    expect(await purgeAccessLog(t.rt.db, new Date(now.getTime() - 190 * 86_400_000), now)).toEqual({ deleted: 3 });
    expect((await queryRows<{ name: string }>(t.rt.db, sql`SELECT actor_name AS name FROM access_log ORDER BY id`)).map((r) => r.name)).toEqual(['recent']);
    expect(await verifyAccessLog(t.rt.db)).toMatchObject({ ok: true, rows: 1, brokenAt: null });
    await entry(now, 'after the purge');
    expect(await verifyAccessLog(t.rt.db)).toMatchObject({ ok: true, rows: 2 });
    // Outside the purge, the database refuses to delete a young row even when told it is a purge.
    await expect(
      t.rt.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('pes.purge_access_log', 'on', true)`);
        await tx.execute(sql`DELETE FROM access_log WHERE actor_name = 'recent'`);
      }),
    ).rejects.toThrow();
  });

  it('keeps a bank account number encrypted in the case, its snapshot and its record; in full to who works the case, masked to an administrator', async () => {
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const claimant = await registerPerson(t, caseworker, citizenId('350203', '19860606', '013'), '蔡文静');
    const registration = await open(t, caseworker, 'unemployment-registration', claimant);
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    await act(t, reviewer, registration.id, 'approve', { opinion: '同意' });
    const benefit = await open(t, caseworker, 'unemployment-benefit', claimant);
    const account = '6222021234567890123';
    const checked = await act(t, caseworker, benefit.id, 'check', {
      contributionMonths: 36,
      separationReason: 'dismissed-by-employer',
      separationDate: '2026-09-30',
      registrationDate: '2026-11-02',
      carriedOverMonths: 0,
      bankAccount: account,
    });
    expect(checked.state).toBe('checked');

    const [stored] = await queryRows<{ data: string; snapshot: string; record: string }>(
      t.rt.db,
      sql`SELECT c.data->>'bankAccount' AS data, c.snapshot->'context'->'data'->>'bankAccount' AS snapshot, e.data->>'bankAccount' AS record
            FROM cases c JOIN case_events e ON e.case_id = c.id AND e.event = 'check' WHERE c.id = ${benefit.id}`,
    );
    for (const value of Object.values(stored!)) expect(value).toMatch(/^sm4ctr:v1:/);
    const everything = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM cases c, case_events e WHERE c.data::text LIKE ${`%${account}%`} OR c.snapshot::text LIKE ${`%${account}%`} OR e.data::text LIKE ${`%${account}%`}`);
    expect(Number(everything[0]!.n)).toBe(0);

    const asCaseworker = await t.request('GET', `/api/cases/${benefit.id}`, { token: caseworker });
    expect(asCaseworker.body.data.bankAccount).toBe(account);
    const admin = await t.login('admin');
    expect((await t.request('GET', `/api/cases/${benefit.id}`, { token: admin })).body.data.bankAccount).toBe('***************0123');
    const history = await t.request('GET', `/api/cases/${benefit.id}/history`, { token: admin });
    expect(history.body.items.find((item: { event: string }) => item.event === 'check').data.bankAccount).toBe('***************0123');
    // The reviewer approves on the encrypted data: the next step is not disturbed by it.
    expect((await act(t, reviewer, benefit.id, 'approve', { months: 12, monthlyAmountFen: 196_000, opinion: '核定12个月', medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '中国建设银行厦门市分行' })).state).toBe('receiving');
  });
});
