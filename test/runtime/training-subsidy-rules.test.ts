import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sqlState } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

/** A course of `occupation` at `level`: trained from `startDate`, assessed on `assessedOn`, its certificate issued on `issuedOn`. */
interface Course {
  occupation: string;
  level: number;
  startDate: string;
  assessedOn: string;
  issuedOn: string;
}

const course = (occupation: string, level: number, startDate: string, assessedOn: string, issuedOn: string): Course => ({ occupation, level, startDate, assessedOn, issuedOn });
const rates: Record<number, number> = { 5: 100_000, 4: 150_000, 3: 200_000 };
/** A training subsidy claim for a rural worker moving to non-farm work (a group the platform has no record of), at the level's rate. */
const claimOf = (c: Course, more: Record<string, unknown> = {}) => ({ subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0412', amountFen: rates[c.level], year: c.issuedOn.slice(0, 4), ...more });

/**
 * Issue 14, training and appraisal subsidies through the API (国办发〔2019〕24号): the same occupation
 * at the same level once per person in any year, the database refusing it too; at most three a year;
 * only eligible groups; within 12 months of the certificate; the appraisal subsidy for a first appraisal only.
 */
describe.each(backends)('training subsidy rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  const ids = { caseworker: '', reviewer: '' };
  let traineeId = '';
  const traineeIdNumber = citizenId('350206', '19930412', '051');
  const first = course('4-03-02-01', 4, '2026-09-01', '2026-10-15', '2026-10-20');

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  async function certifiedCase(personId: string, c: Course): Promise<string> {
    const caseId = (await open(t, caseworker, 'training-subsidy', personId)).id;
    await act(t, caseworker, caseId, 'startTraining', { classNo: `XM-${c.occupation}`, institutionCreditCode: TRAINING_INSTITUTION, occupation: c.occupation, level: c.level, startDate: c.startDate });
    await act(t, caseworker, caseId, 'assess', { result: 'pass', assessedOn: c.assessedOn });
    expect((await act(t, caseworker, caseId, 'certify', { certificateNo: `S3502${c.issuedOn.replaceAll('-', '')}`, certificateType: 'skill-level', issuedOn: c.issuedOn })).state).toBe('certified');
    return caseId;
  }

  async function paidCase(personId: string, c: Course): Promise<string> {
    const caseId = await certifiedCase(personId, c);
    await act(t, caseworker, caseId, 'claim', claimOf(c));
    expect((await act(t, reviewer, caseId, 'approveClaim', { opinion: '证书真实有效' })).state).toBe('paid');
    return caseId;
  }

  /** Sends an event that must be refused with RULE_VIOLATION, changing no table; returns the rules named. */
  async function violated(caseId: string, token: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    expect(response.body.message.zh).toBeTruthy();
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  async function ledgerItems(personId: string) {
    const response = await t.request('GET', `/api/ledger/items?personId=${personId}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body.items as { item: string; period: string; fund: string; caseId: string }[];
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-11-13T01:00:00.000Z');
    await signIn();
    for (const [name, token] of [['caseworker', caseworker], ['reviewer', reviewer]] as const) ids[name] = (await t.request('GET', '/api/auth/me', { token })).body.id;
    traineeId = await registerPerson(t, caseworker, traineeIdNumber, '陈志强', { phone: '13912345678' });
  });
  afterAll(() => t.close());

  it('pays an occupation and level once ever: a claim of it in a later year is refused by the rule, and the database refuses the item again', async () => {
    const paid = await paidCase(traineeId, first);
    expect(await ledgerItems(traineeId)).toEqual([expect.objectContaining({ item: 'skill-certificate:4-03-02-01:4', period: 'once', fund: 'employment-subsidy', caseId: paid })]);

    t.clock.set('2027-03-10T01:00:00.000Z');
    await signIn();
    const again = await certifiedCase(traineeId, course('4-03-02-01', 4, '2027-01-05', '2027-02-20', '2027-03-01'));
    expect(await violated(again, caseworker, 'claim', claimOf(first, { year: '2027' }))).toEqual(['once-per-occupation-level']);
    expect(await violated(again, caseworker, 'claimUpgrade', { subsidyKind: 'skill-upgrade', amountFen: 150_000, year: '2027', insuredMonths: 30 })).toEqual(['once-per-occupation-level']);

    // Written past the rules (as a race would): the ledger's key, the year not in it, refuses the item.
    const [row] = await queryRows<{ city_code: string }>(t.rt.db, sql`SELECT city_code FROM ledger_items WHERE case_id = ${paid}`);
    const before = await tableCounts(t.rt);
    let state: string | undefined;
    try {
      await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
        VALUES (${row!.city_code}, ${randomUUID()}, ${traineeId}, ${t.rt.cipher.encrypt(traineeIdNumber)}, ${t.rt.cipher.index(traineeIdNumber)}, '陈志强', 'training-subsidy', 'skill-certificate:4-03-02-01:4', 'once', 'unemployment-insurance', 150000, ${again}, ${ids.caseworker}, ${ids.reviewer}, now())`);
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe('23505');
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('pays one of two claims of the same occupation and level approved at once, whichever wins', async () => {
    const racing = course('6-18-02-04', 5, '2027-01-05', '2027-02-20', '2027-03-01');
    const [a, b] = [await certifiedCase(traineeId, racing), await certifiedCase(traineeId, racing)];
    for (const caseId of [a, b]) await act(t, caseworker, caseId, 'claim', claimOf(racing));
    const versions = await Promise.all([a, b].map(async (caseId) => (await getCase(t, reviewer, caseId)).version));
    const responses = await Promise.all([a, b].map((caseId, i) => t.request('POST', `/api/cases/${caseId}/events`, { token: reviewer, body: { type: 'approveClaim', data: { opinion: '同意' }, version: versions[i] } })));
    expect(responses.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    // The loser is refused by the rule when it read the winner's item, else by the ledger's key.
    const loser = responses.find((r) => r.status !== 200)!;
    expect([loser.status, loser.body.code]).toEqual(loser.status === 409 ? [409, 'DUPLICATE_RECORD'] : [422, 'RULE_VIOLATION']);
    expect((await ledgerItems(traineeId)).filter((i) => i.item === 'skill-certificate:6-18-02-04:5')).toHaveLength(1);
  });

  it('refuses a fourth subsidised certificate in a year', async () => {
    // 2027 has one already (the race above); 2026's does not count.
    for (const occupation of ['4-10-01-02', '6-31-01-03']) await paidCase(traineeId, course(occupation, 5, '2027-01-05', '2027-02-20', '2027-03-01'));
    const fourth = course('4-01-02-01', 5, '2027-01-05', '2027-02-20', '2027-03-01');
    const caseId = await certifiedCase(traineeId, fourth);
    expect(await violated(caseId, caseworker, 'claim', claimOf(fourth))).toEqual(['subsidies-per-year']);
  });

  it('refuses a person not in the stated group, a certificate older than 12 months and a second appraisal of an occupation and level', async () => {
    const otherId = await registerPerson(t, caseworker, citizenId('350203', '19880916', '072'), '林美华', { phone: '13812345678' });

    // Not registered unemployed, though the claim says so.
    const c = course('4-07-03-02', 4, '2027-01-05', '2027-02-20', '2027-03-01');
    const caseId = await certifiedCase(otherId, c);
    expect(await violated(caseId, caseworker, 'claim', claimOf(c, { eligibleGroup: 'registered-unemployed' }))).toEqual(['eligible-group']);
    // A group the platform has no record of is taken on the number of its proof, never on the claim's word alone.
    expect(await violated(caseId, caseworker, 'claim', claimOf(c, { groupProofNo: undefined }))).toEqual(['group-proof']);

    // Issued 2026-03-01, claimed 2027-03-10.
    const old = course('4-07-03-03', 4, '2026-01-05', '2026-02-20', '2026-03-01');
    expect(await violated(await certifiedCase(otherId, old), caseworker, 'claim', claimOf(old))).toEqual(['certificate-claim-window']);

    // Failed at the first appraisal of 4-07-03-02 level 5, passed at the second: no appraisal subsidy, the training subsidy still.
    const failed = (await open(t, caseworker, 'training-subsidy', otherId)).id;
    await act(t, caseworker, failed, 'startTraining', { classNo: 'XM-FAILED', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-07-03-02', level: 5, startDate: '2026-12-01' });
    await act(t, caseworker, failed, 'assess', { result: 'fail', assessedOn: '2027-01-10' });
    await act(t, caseworker, failed, 'close', { closeReason: 'failed' });
    const second = course('4-07-03-02', 5, '2027-01-20', '2027-02-25', '2027-03-02');
    const passed = await certifiedCase(otherId, second);
    expect(await violated(passed, caseworker, 'claim', claimOf(second, { subsidyKind: 'skill-appraisal', amountFen: 50_000 }))).toEqual(['first-assessment']);
    expect((await act(t, caseworker, passed, 'claim', claimOf(second))).state).toBe('claimed');
  });
});
