import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

/** Separated on 2026-10-20, registered on the day of the test (2026-11-13). */
const application = (more: Record<string, unknown> = {}) => ({
  contributionMonths: 30,
  separationReason: 'dismissed-by-employer',
  separationDate: '2026-10-20',
  registrationDate: '2026-11-13',
  carriedOverMonths: 0,
  bankAccount: '6222020200112233445',
  ...more,
});
const medicalAgency = { medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '建设银行厦门分行' };
const survivor = { deathDate: '2026-11-13', survivorIdNumber: citizenId('350203', '19870305', '024'), survivorName: '王秀英', survivorRelation: 'spouse', survivorAccount: '6217001930012345678', survivorBank: '建设银行厦门分行' };

interface Item {
  subsidyType: string;
  item: string;
  period: string;
  fund: string;
  amountFen: number;
  caseId: string;
}

/**
 * Issue 14, unemployment insurance benefit through the API: payable from the registration on record
 * and claimed within 60 days (社会保险法 art. 50, 失业保险金申领发放办法 art. 5); enlistment and
 * imprisonment stop it (失业保险条例 art. 15); the fund pays the medical insurance of each benefit
 * month (社会保险法 art. 48), the funeral grant and survivors' allowance (条例 art. 20) and the rural
 * contract worker's one-off allowance (条例 art. 21), each once.
 */
describe.each(backends)('unemployment benefit rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let sequence = 1;
  let parameters: Record<string, unknown>;

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** A new person, registered unemployed today through an approved registration case. */
  async function registered(name: string): Promise<{ personId: string; idNumber: string }> {
    const idNumber = citizenId('350203', '19850612', String(sequence++ * 2 + 1).padStart(3, '0'));
    const personId = await registerPerson(t, caseworker, idNumber, name);
    const registration = (await open(t, caseworker, 'unemployment-registration', personId)).id;
    await act(t, caseworker, registration, 'submit', registrationForm({ unemployedSince: '2026-10-20' }));
    expect((await act(t, reviewer, registration, 'approve', { opinion: '同意' })).state).toBe('registered');
    return { personId, idNumber };
  }

  async function checked(personId: string, more: Record<string, unknown> = {}): Promise<string> {
    const caseId = (await open(t, caseworker, 'unemployment-benefit', personId)).id;
    expect((await act(t, caseworker, caseId, 'check', application(more))).state).toBe('checked');
    return caseId;
  }

  async function receiving(personId: string): Promise<string> {
    const caseId = await checked(personId);
    expect((await act(t, reviewer, caseId, 'approve', { months: 12, monthlyAmountFen: parameters['monthlyAmountFen'], ...medicalAgency })).state).toBe('receiving');
    return caseId;
  }

  /** Sends an event that must be refused, changing no table; returns the response. */
  async function refused(caseId: string, token: string, type: string, data: Record<string, unknown>) {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    return response;
  }

  /** The rules a refused event names; RULE_VIOLATION expected. */
  async function violated(caseId: string, token: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const response = await refused(caseId, token, type, data);
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  async function ledgerOf(personId: string): Promise<Item[]> {
    const response = await t.request('GET', `/api/ledger/items?personId=${personId}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-11-13T01:00:00.000Z');
    await signIn();
    parameters = t.rt.registry.parameters('unemployment-benefit', '2026-11-13');
  });
  afterAll(() => t.close());

  it('counts from the registration on record: a registration date in an earlier month is refused', async () => {
    const { personId } = await registered('登记甲');
    const caseId = (await open(t, caseworker, 'unemployment-benefit', personId)).id;
    // After the separation, but in October, before the registration of 13 November.
    expect(await violated(caseId, caseworker, 'check', application({ registrationDate: '2026-10-25' }))).toEqual(['registration-on-record']);
    expect((await act(t, caseworker, caseId, 'check', application())).state).toBe('checked');
  });

  it('is claimed within 60 days of the end of the contract: day 60 is accepted, day 61 refused', async () => {
    const { personId } = await registered('期限乙');
    expect(parameters['claimDeadlineDays']).toBe(60);
    const caseId = (await open(t, caseworker, 'unemployment-benefit', personId)).id;
    expect(await violated(caseId, caseworker, 'check', application({ separationDate: '2026-09-13' }))).toEqual(['claim-deadline']);
    expect((await act(t, caseworker, caseId, 'check', application({ separationDate: '2026-09-14' }))).state).toBe('checked');
  });

  it('stops, never suspends, on enlistment and imprisonment: the case ends terminated with the reason', async () => {
    const { personId } = await registered('停发丙');
    const caseId = await receiving(personId);
    for (const suspensionReason of ['army', 'imprisonment']) {
      const response = await refused(caseId, caseworker, 'suspend', { suspensionReason });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('FORM_INVALID');
    }
    expect((await getCase(t, caseworker, caseId)).state).toBe('receiving');
    expect((await act(t, caseworker, caseId, 'terminate', { terminationReason: 'imprisonment', terminationNote: '判处有期徒刑，收监执行' })).state).toBe('terminated');
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'terminated', status: 'final', data: { terminationReason: 'imprisonment' } });

    // A case suspended for what the law suspends is stopped for enlistment.
    const other = await registered('停发丁');
    const suspended = await receiving(other.personId);
    expect((await act(t, caseworker, suspended, 'suspend', { suspensionReason: 'not-seeking-work' })).state).toBe('suspended');
    expect((await act(t, caseworker, suspended, 'terminate', { terminationReason: 'army' })).state).toBe('terminated');
    expect(await getCase(t, caseworker, suspended)).toMatchObject({ status: 'final', data: { terminationReason: 'army' } });
  });

  it('pays the family the funeral grant and the survivors allowance once when the person dies while receiving benefit', async () => {
    const { personId } = await registered('身故己');
    const caseId = await receiving(personId);
    // A death before the registration is refused by the rule; one dated after today by the form's bound, beside the field.
    expect(await violated(caseId, caseworker, 'recordDeath', { ...survivor, deathDate: '2026-11-12' })).toEqual(['died-while-registered']);
    const future = await refused(caseId, caseworker, 'recordDeath', { ...survivor, deathDate: '2026-11-14' });
    expect([future.status, future.body.code]).toEqual([422, 'FORM_INVALID']);
    expect(future.body.details.fields).toEqual([expect.objectContaining({ field: 'deathDate', keyword: 'x-not-after-today' })]);
    expect((await act(t, caseworker, caseId, 'recordDeath', survivor)).state).toBe('deathReview');
    expect(await ledgerOf(personId)).toEqual([]);
    expect((await act(t, reviewer, caseId, 'approveDeathGrants', { opinion: '死亡证明核实无误' })).state).toBe('deceased');
    const paid = (await ledgerOf(personId)).map(({ subsidyType, item, period, fund, amountFen }) => ({ subsidyType, item, period, fund, amountFen }));
    expect(paid).toEqual([
      { subsidyType: 'funeral-grant', item: 'funeral-grant', period: 'once', fund: 'unemployment-insurance', amountFen: parameters['funeralGrantFen'] },
      { subsidyType: 'survivors-allowance', item: 'survivors-allowance', period: 'once', fund: 'unemployment-insurance', amountFen: parameters['survivorsAllowanceFen'] },
    ]);
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'deceased', status: 'final' });

    // A second case of the same person cannot pay them again.
    const again = await receiving(personId);
    await act(t, caseworker, again, 'recordDeath', survivor);
    const second = await refused(again, reviewer, 'approveDeathGrants', {});
    expect([second.status, second.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
    expect(await ledgerOf(personId)).toHaveLength(2);
  });

  it('pays a rural contract worker the one-off living allowance by the years worked, instead of monthly benefit, once for a separation', async () => {
    const { personId } = await registered('农民庚');
    const caseId = await checked(personId, { ruralContractWorker: true });
    expect(await violated(caseId, reviewer, 'approve', { months: 12, monthlyAmountFen: parameters['monthlyAmountFen'], ...medicalAgency })).toEqual(['not-rural-contract-worker']);
    // 30 insured months: two full years, two months' allowance.
    const allowanceFen = 2 * (parameters['ruralAllowanceMonthlyFen'] as number);
    expect(await violated(caseId, reviewer, 'approveRuralAllowance', { allowanceFen: allowanceFen + 1 })).toEqual(['allowance-as-standard']);
    expect((await act(t, reviewer, caseId, 'approveRuralAllowance', { allowanceFen })).state).toBe('allowancePaid');
    const paid = (await ledgerOf(personId)).map(({ subsidyType, item, period, fund, amountFen }) => ({ subsidyType, item, period, fund, amountFen }));
    expect(paid).toEqual([{ subsidyType: 'rural-worker-allowance', item: 'rural-worker-allowance', period: '2026-10-20', fund: 'unemployment-insurance', amountFen: allowanceFen }]);

    // The same separation again: refused by the ledger; a worker who is not a rural contract worker gets none.
    const again = await checked(personId, { ruralContractWorker: true });
    const second = await refused(again, reviewer, 'approveRuralAllowance', { allowanceFen });
    expect([second.status, second.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
    await act(t, reviewer, again, 'reject', { rejectionReason: '已领取' });
    const other = await checked(personId);
    expect(await violated(other, reviewer, 'approveRuralAllowance', { allowanceFen })).toEqual(['rural-contract-worker']);
    expect(await ledgerOf(personId)).toHaveLength(1);
  });

  // Last: it moves the clock to December.
  it('pays the medical insurance of each benefit month from the fund, once a month', async () => {
    const { personId, idNumber } = await registered('医保戊');
    const caseId = await receiving(personId);
    await fireDueTimers(t.rt);
    const november = (await ledgerOf(personId)).filter((i) => i.caseId === caseId);
    expect(november.map(({ subsidyType, item, period, fund, amountFen }) => ({ subsidyType, item, period, fund, amountFen }))).toEqual([
      { subsidyType: 'unemployment-benefit', item: 'unemployment-benefit', period: '2026-11', fund: 'unemployment-insurance', amountFen: parameters['monthlyAmountFen'] },
      { subsidyType: 'medical-insurance', item: 'medical-insurance', period: '2026-11', fund: 'unemployment-insurance', amountFen: parameters['medicalInsuranceMonthlyFen'] },
    ]);
    // The benefit goes to the account the application named: the person has none on record, and nothing is held.
    const benefit = november.find((i) => i.item === 'unemployment-benefit') as unknown as { awaitingAccount: boolean; payee: { kind: string; accountMasked: string } };
    expect(benefit).toMatchObject({ awaitingAccount: false, payee: { kind: 'person', accountMasked: expect.stringMatching(/3445$/) } });

    // December's contribution already paid (by another case): December's payment is refused whole, nothing paid twice.
    const [row] = await queryRows<{ city_code: string; prepared_by: string; approved_by: string }>(t.rt.db, sql`SELECT city_code, prepared_by, approved_by FROM ledger_items WHERE case_id = ${caseId} LIMIT 1`);
    await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
      VALUES (${row!.city_code}, ${randomUUID()}, ${personId}, ${t.rt.cipher.encrypt(idNumber)}, ${t.rt.cipher.index(idNumber)}, '医保戊', 'medical-insurance', 'medical-insurance', '2026-12', 'unemployment-insurance', 42000, ${randomUUID()}, ${row!.prepared_by}, ${row!.approved_by}, now())`);
    t.clock.set('2026-11-30T16:00:00.000Z');
    // The ledger refuses the pay step (DUPLICATE_RECORD, nothing of it written); the timer's otherwise, exhaust, is refused too.
    const fired = await fireDueTimers(t.rt);
    expect(fired.find((f) => f.caseId === caseId)?.outcome).toEqual({ refused: { event: 'exhaust', code: 'RULE_VIOLATION' } });
    await signIn();
    expect((await ledgerOf(personId)).filter((i) => i.period === '2026-12').map((i) => i.item)).toEqual(['medical-insurance']);
    expect((await getCase(t, caseworker, caseId)).data).toMatchObject({ paidMonths: 1 });
  });
});
