import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CREDIT_CODE = '91350203MA2Y3K1B9C';
const RECOGNIZED_ON = '2026-11-12';

/** The months from `first` on, `count` of them (`YYYY-MM`). */
function monthsFrom(first: string, count: number): string[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = year * 12 + month - 1 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** A flexible worker's month: two thirds of 90 000 fen paid. */
const flexibleClaim = (period: string) => ({ period, contributionPaidFen: 90_000, amountFen: 60_000 });

/**
 * Issue 14, the social insurance subsidy through the API (财社〔2017〕164号; graduates 国办发〔2022〕13号):
 * no month before the recognition or the hire; three years per person across all their cases, or up
 * to retirement when within five years of it at the start; an employer's share only for a hire;
 * graduates in flexible work within a year of leaving school, two thirds, at most two years.
 */
describe.each(backends)('social insurance subsidy rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let sequence = 0;
  const persons = { hired: '', flexible: '', nearRetirement: '' };
  const cases = { hire: '', flexible: '' };

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** A new man born on `birth` (YYYYMMDD), registered unemployed through the registration flow. */
  async function registeredUnemployed(name: string, birth: string): Promise<string> {
    const personId = await registerPerson(t, caseworker, citizenId('350203', birth, String(++sequence * 2 + 1).padStart(3, '0')), name);
    const registration = await open(t, caseworker, 'unemployment-registration', personId);
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    expect((await act(t, reviewer, registration.id, 'approve', { opinion: '同意' })).state).toBe('registered');
    return personId;
  }

  /** Sends an event that must be refused with RULE_VIOLATION, changing no table; returns the rules named. */
  async function violated(caseId: string, token: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect([response.status, response.body.code], JSON.stringify(response.body)).toEqual([422, 'RULE_VIOLATION']);
    expect(response.body.message.zh).toBeTruthy();
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  /** Opens a subsidy for a person, verified with `verification` and approved. */
  async function approvedSubsidy(personId: string, verification: Record<string, unknown>): Promise<string> {
    const caseId = (await open(t, caseworker, 'social-insurance-subsidy', personId)).id;
    expect((await act(t, caseworker, caseId, 'verify', verification)).state).toBe('verified');
    expect((await act(t, reviewer, caseId, 'approve', { opinion: '符合条件' })).state).toBe('approved');
    return caseId;
  }

  /** Claims and approves each month in turn, each step at the version the one before returned (`approveEmployerClaim` pays the employer). */
  async function payMonths(caseId: string, claims: readonly Record<string, unknown>[], approval = 'approveClaim'): Promise<void> {
    let { version } = await getCase(t, caseworker, caseId);
    const send = async (token: string, type: string, data: Record<string, unknown>) => {
      const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
      expect(response.status, `${type}: ${JSON.stringify(response.body)}`).toBe(200);
      version = response.body.version;
      return response.body;
    };
    for (const claim of claims) {
      await send(caseworker, 'submitClaim', claim);
      expect((await send(reviewer, approval, { opinion: '缴费记录核实无误' })).state).toBe('approved');
    }
  }

  async function ledgerOf(caseId: string) {
    const response = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token: reviewer });
    expect(response.status).toBe(200);
    return response.body.items as { period: string; amountFen: number }[];
  }

  const flexible = (employmentStart: string) => ({ workerType: 'flexible', category: 'disability', employmentStart, recognizedOn: RECOGNIZED_ON, retirementCategory: 'male-60' });
  const hired = (employmentStart: string) => ({
    ...flexible(employmentStart),
    workerType: 'employer-hired',
    employerCreditCode: CREDIT_CODE,
    employerName: '厦门示例物流有限公司',
    employerAccount: '35101588001052500817',
    employerBank: '中国建设银行厦门分行',
  });

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await signIn();
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: CREDIT_CODE, name: '厦门示例物流有限公司' } })).status).toBe(201);
    persons.hired = await registeredUnemployed('黄志明', '19850612');
    persons.flexible = await registeredUnemployed('吴国强', '19860305');
    // Retires in 2027-03 (born September 1966; men's 60 rising by a month every four months from 2025).
    persons.nearRetirement = await registeredUnemployed('郑建国', '19660915');
    const recognitions: string[] = [];
    for (const personId of Object.values(persons)) {
      const recognition = (await open(t, caseworker, 'employment-difficulty', personId)).id;
      await act(t, caseworker, recognition, 'verify', { category: 'disability', evidence: '残疾人证', holdsDisabilityCertificate: true, retirementCategory: 'male-60' });
      recognitions.push(recognition);
    }
    t.clock.set(`${RECOGNIZED_ON}T01:00:00.000Z`);
    await signIn();
    await fireDueTimers(t.rt);
    for (const recognition of recognitions) expect((await act(t, reviewer, recognition, 'recognize', { validUntil: '2027-11-11', opinion: '公示期满无异议' })).state).toBe('recognized');
    t.clock.set('2026-12-10T01:00:00.000Z');
    await signIn();
  });
  afterAll(() => t.close());

  it('refuses a month before the recognition or before the hire, and pays one after both', async () => {
    // Hired on 1 December, after the recognition in November.
    const hire = (cases.hire = await approvedSubsidy(persons.hired, hired('2026-12-01')));
    const shares = { contributionPaidFen: 100_000, employerShareFen: 70_000, individualShareFen: 30_000, amountFen: 70_000 };
    expect(await violated(hire, caseworker, 'submitClaim', { ...shares, period: '2015-01' })).toEqual(['not-before-recognition', 'not-before-employment-start']);
    expect(await violated(hire, caseworker, 'submitClaim', { ...shares, period: '2026-11' })).toEqual(['not-before-employment-start']);

    // Working flexibly since October, recognised in November.
    const own = (cases.flexible = await approvedSubsidy(persons.flexible, flexible('2026-10-01')));
    expect(await violated(own, caseworker, 'submitClaim', flexibleClaim('2026-10'))).toEqual(['not-before-recognition']);
    await payMonths(own, [flexibleClaim('2026-11')]);
    expect(await ledgerOf(own)).toEqual([expect.objectContaining({ period: '2026-11', amountFen: 60_000 })]);
  });

  it("subsidises only the employer's share of a hire's contributions", async () => {
    const hire = cases.hire;
    const claim = { period: '2026-12', contributionPaidFen: 100_000 };
    // Within the contributions paid, but beyond the employer's 70 000: the individual's 30 000 is not subsidised.
    expect(await violated(hire, caseworker, 'submitClaim', { ...claim, employerShareFen: 70_000, individualShareFen: 30_000, amountFen: 75_000 })).toEqual(['employer-share-only']);
    // A hire's claim states the employer's and the individual's shares, and they make up the contributions.
    expect(await violated(hire, caseworker, 'submitClaim', { ...claim, amountFen: 70_000 })).toEqual(['employer-share-only']);
    expect(await violated(hire, caseworker, 'submitClaim', { ...claim, employerShareFen: 70_000, individualShareFen: 20_000, amountFen: 70_000 })).toEqual(['contribution-shares-add-up']);

    // Paid to the employer, not to the person: approving it as a payment to the person is refused.
    const valid = { ...claim, employerShareFen: 70_000, individualShareFen: 30_000, amountFen: 70_000 };
    await act(t, caseworker, hire, 'submitClaim', valid);
    expect(await violated(hire, reviewer, 'approveClaim', { opinion: '缴费记录核实无误' })).toEqual(['paid-to-person']);
    expect((await act(t, reviewer, hire, 'approveEmployerClaim', { opinion: '缴费记录核实无误' })).state).toBe('approved');
    expect(await ledgerOf(hire)).toEqual([expect.objectContaining({ period: '2026-12', amountFen: 70_000, payee: expect.objectContaining({ kind: 'employer', name: '厦门示例物流有限公司' }) })]);
  });

  it('pays at most 36 months per person, counting every case of theirs, and refuses the 37th', async () => {
    t.clock.set('2030-03-02T01:00:00.000Z');
    await signIn();
    // One month (2026-11) paid in the first test; 29 more in that case, which then ends.
    const first = cases.flexible;
    const months = monthsFrom('2026-11', 37);
    await payMonths(first, months.slice(1, 30).map(flexibleClaim));
    expect((await act(t, caseworker, first, 'end', { endReason: 'employment-ended' })).state).toBe('ended');

    // A second case: six months bring the person to 36; the case itself has paid only six.
    const second = await approvedSubsidy(persons.flexible, flexible('2029-05-01'));
    await payMonths(second, months.slice(30, 36).map(flexibleClaim));
    expect(await violated(second, caseworker, 'submitClaim', flexibleClaim(months[36]!))).toEqual(['within-subsidy-term']);
  });

  // Beyond 36 months to retirement for those within five years of it: test/plugins/social-insurance-subsidy.test.ts.
  it('pays up to the month before retirement and refuses the month of retirement', async () => {
    const caseId = await approvedSubsidy(persons.nearRetirement, flexible('2026-12-01'));
    await payMonths(caseId, monthsFrom('2026-12', 3).map(flexibleClaim));
    expect((await ledgerOf(caseId)).map((i) => i.period).sort()).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(await violated(caseId, caseworker, 'submitClaim', flexibleClaim('2027-03'))).toEqual(['before-retirement']);
  });

  it('subsidises a graduate in flexible work within a year of leaving school, without a difficulty recognition, at most two thirds for 24 months', async () => {
    const graduate = await registerPerson(t, caseworker, citizenId('350203', '20030908', '042'), '林晓雯');
    const graduateForm = { workerType: 'graduate-flexible', graduationDate: '2026-06-30', employmentStart: '2026-09-01' };

    // Left school in June 2025, started in September 2026: more than a year.
    const late = (await open(t, caseworker, 'social-insurance-subsidy', graduate)).id;
    expect(await violated(late, caseworker, 'verify', { ...graduateForm, graduationDate: '2025-06-30' })).toEqual(['graduate-within-window']);
    expect((await act(t, caseworker, late, 'reject', { rejectionReason: '离校超过1年' })).state).toBe('rejected');

    const caseId = await approvedSubsidy(graduate, graduateForm);
    expect(await violated(caseId, caseworker, 'submitClaim', { period: '2026-09', contributionPaidFen: 90_000, amountFen: 60_300 })).toEqual(['flexible-two-thirds']);
    const months = monthsFrom('2026-09', 25);
    await payMonths(caseId, months.slice(0, 24).map(flexibleClaim));
    expect(await ledgerOf(caseId)).toHaveLength(24);
    expect(await violated(caseId, caseworker, 'submitClaim', flexibleClaim(months[24]!))).toEqual(['graduate-term']);
  });
});
