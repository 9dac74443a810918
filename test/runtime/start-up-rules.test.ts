import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, maskCitizenId, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts, withWrongCheck } from '../support/fixtures.ts';
import { act, endNotice, getCase, open, registerPerson } from '../support/steps.ts';

/** A valid unified social credit code (GB 32100) of a Xiamen business whose organisation code body is `body` (8 characters). */
function creditCode(body: string): string {
  const first17 = `91350203${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const applicantIdNumber = citizenId('350203', '19900315', '013');
const otherIdNumber = citizenId('350206', '19820720', '035');
const studio = { creditCode: creditCode('MA2Y3K1B'), name: '厦门建国设计工作室', establishedOn: '2023-01-05' };
const secondShop = { creditCode: creditCode('MA31QW7N'), name: '厦门建国餐饮店', establishedOn: '2024-02-01' };
const unrelated = { creditCode: creditCode('MA8R2T5P'), name: '厦门某某贸易有限公司', establishedOn: '2022-08-18' };
const lenderCode = creditCode('15402120');
const bank = { lender: '中国建设银行厦门思明支行', lenderCode, lenderAccount: '35150198010100000123', lenderBank: '中国建设银行厦门思明支行' };

/**
 * Issue 14, 创业担保贷款贴息 and 一次性创业补贴 through the API: the business checked against the
 * employer record (its legal representative the applicant, a first business, the establishment
 * date), the eligible group checked against the platform's records or a proof number, small firms
 * (300万元, 2 years, 15% eligible hires), the loan rate at most LPR + markup and the interest
 * subsidy by the LPR − 150 bp rule (财金〔2020〕21号), paid to the lending bank.
 */
describe.each(backends)('start-up subsidy and guaranteed loan rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let applicantId = '';
  let otherId = '';

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  async function registerEmployer(employer: Record<string, string>) {
    const response = await t.request('POST', '/api/employers', { token: caseworker, body: employer });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  /** Sends an event that must be refused with RULE_VIOLATION, changing no table; returns the rules named. */
  async function violated(caseId: string, token: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    expect(response.body.message.zh).toBeTruthy();
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  const individualLoan = (more: Record<string, unknown> = {}) => ({
    borrowerType: 'individual',
    eligibleGroup: 'veteran',
    groupProofNo: '退役证 2019350203001',
    loanAmountFen: 20_000_000,
    termMonths: 24,
    businessCreditCode: studio.creditCode,
    ...bank,
    ...more,
  });

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2025-06-12T02:00:00.000Z');
    await signIn();
    applicantId = await registerPerson(t, caseworker, applicantIdNumber, '王建国', { phone: '13912345670' });
    otherId = await registerPerson(t, caseworker, otherIdNumber, '李红梅', { phone: '13912345671' });
    for (const business of [studio, secondShop]) await registerEmployer({ ...business, legalRepIdNumber: applicantIdNumber });
    await registerEmployer({ ...unrelated, legalRepIdNumber: otherIdNumber });
  });
  afterAll(() => t.close());

  it('keeps the legal representative sealed: the API returns the number masked, never in the clear', async () => {
    const listed = await t.request('GET', `/api/employers?q=${studio.creditCode}`, { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ creditCode: studio.creditCode, establishedOn: '2023-01-05', legalRepIdNumber: maskCitizenId(applicantIdNumber) })]);
    expect(JSON.stringify(listed.body)).not.toContain(applicantIdNumber);
    const refused = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: creditCode('MA4K8L2D'), name: '厦门某店', legalRepIdNumber: withWrongCheck(applicantIdNumber) } });
    expect([refused.status, refused.body.code]).toEqual([422, 'ID_NUMBER_INVALID']);
    // A business established after today is refused, nothing written.
    const before = await tableCounts(t.rt);
    const future = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: creditCode('MA4K8L2D'), name: '厦门某店', establishedOn: '2099-01-01' } });
    expect([future.status, future.body.code, future.body.details]).toEqual([422, 'FORM_INVALID', { field: 'establishedOn', problem: 'future' }]);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('start-up subsidy: the business must be registered, its legal representative the applicant, a first business, started on its registered date', async () => {
    const application = (business: { creditCode: string; name: string; establishedOn: string }, more: Record<string, unknown> = {}) => ({
      businessCreditCode: business.creditCode,
      businessName: business.name,
      businessStartDate: business.establishedOn,
      amountFen: 500_000,
      graduate: true,
      period: 'once',
      ...more,
    });
    const caseId = (await open(t, caseworker, 'start-up-subsidy', applicantId)).id;
    // Someone else's business, named by the applicant.
    expect(await violated(caseId, caseworker, 'submit', application(unrelated))).toEqual(['applicant-is-legal-representative']);
    // The applicant's second business: the studio came first.
    expect(await violated(caseId, caseworker, 'submit', application(secondShop))).toEqual(['first-business']);
    // Not on the register at all.
    expect(await violated(caseId, caseworker, 'submit', application({ ...studio, creditCode: creditCode('MA5N6P7Q') }))).toEqual(['business-registered']);
    // A start date other than the registered one.
    expect(await violated(caseId, caseworker, 'submit', application(studio, { businessStartDate: '2023-03-01' }))).toEqual(['start-date-as-registered']);

    expect((await act(t, caseworker, caseId, 'submit', application(studio))).state).toBe('publicized');
    expect((await endNotice(t, reviewer, caseId)).state).toBe('submitted');
    expect((await act(t, reviewer, caseId, 'approve', { opinion: '首次创业，营业执照核实无误' })).state).toBe('paid');
    const items = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token: reviewer });
    expect(items.body.items).toEqual([expect.objectContaining({ subsidyType: 'start-up-subsidy', amountFen: 500_000, fund: 'employment-subsidy' })]);
  });

  it('guaranteed loan: refuses an applicant in no eligible group naming an unrelated employer, a self-declared group without proof, and checks small firms', async () => {
    const caseId = (await open(t, caseworker, 'business-loan-interest', applicantId)).id;
    // Not registered unemployed, though the application says so, and another person's firm.
    expect(await violated(caseId, caseworker, 'checkEligibility', individualLoan({ eligibleGroup: 'registered-unemployed', groupProofNo: undefined, businessCreditCode: unrelated.creditCode }))).toEqual([
      'business-of-applicant',
      'eligible-group',
    ]);
    expect(await violated(caseId, caseworker, 'checkEligibility', individualLoan({ eligibleGroup: 'employment-difficulty', groupProofNo: undefined }))).toEqual(['eligible-group']);
    expect(await violated(caseId, caseworker, 'checkEligibility', individualLoan({ groupProofNo: undefined }))).toEqual(['group-proof']);
    expect(await violated(caseId, caseworker, 'checkEligibility', individualLoan({ loanAmountFen: 30_000_001, termMonths: 37 }))).toEqual(['within-loan-ceiling', 'within-loan-term']);
    await act(t, caseworker, caseId, 'abandon', { cancelReason: '改以小微企业名义申请' });

    // A small firm: up to 3,000,000 yuan and 2 years, hires of eligible persons 15% of its staff.
    const firm = { borrowerType: 'small-firm', eligibleHires: 3, employeeCount: 20, loanAmountFen: 300_000_000, termMonths: 24, businessCreditCode: studio.creditCode, ...bank };
    const firmCase = (await open(t, caseworker, 'business-loan-interest', applicantId)).id;
    expect(await violated(firmCase, caseworker, 'checkEligibility', { ...firm, loanAmountFen: 300_000_001, termMonths: 25 })).toEqual(['within-loan-ceiling', 'within-loan-term']);
    expect(await violated(firmCase, caseworker, 'checkEligibility', { ...firm, eligibleHires: 2 })).toEqual(['small-firm-hires']);
    expect(await violated(firmCase, caseworker, 'checkEligibility', { ...firm, businessCreditCode: unrelated.creditCode })).toEqual(['business-of-applicant']);
    expect((await act(t, caseworker, firmCase, 'checkEligibility', firm)).state).toBe('guaranteeReview');
    expect((await act(t, reviewer, firmCase, 'reject', { rejectionReason: '反担保不足' })).state).toBe('rejected');
    // The other person is the unrelated firm's representative: its loan passes the check.
    const theirs = (await open(t, caseworker, 'business-loan-interest', otherId)).id;
    expect((await act(t, caseworker, theirs, 'checkEligibility', { ...firm, eligibleHires: 16, employeeCount: 200, businessCreditCode: unrelated.creditCode })).state).toBe('guaranteeReview');
  });

  it('guaranteed loan: the rate at most LPR + 50 bp, the interest subsidy by LPR − 150 bp to the fen, paid to the lending bank', async () => {
    const caseId = (await open(t, caseworker, 'business-loan-interest', applicantId)).id;
    expect((await act(t, caseworker, caseId, 'checkEligibility', individualLoan())).state).toBe('guaranteeReview');
    expect((await act(t, reviewer, caseId, 'approveGuarantee', { opinion: '同意担保' })).state).toBe('approved');

    // 2025-06-12: the LPR is 3.00% since 2025-05-20 (3.10% before).
    const disbursement = { disbursedOn: '2025-06-10', disbursedAmountFen: 20_000_000, annualRatePercent: 3.45, lprBasisPoints: 300 };
    expect(await violated(caseId, caseworker, 'disburse', { ...disbursement, lprBasisPoints: 310 })).toEqual(['lpr-in-force']);
    expect(await violated(caseId, caseworker, 'disburse', { ...disbursement, annualRatePercent: 3.51 })).toEqual(['rate-within-lpr-markup']);
    expect((await act(t, caseworker, caseId, 'disburse', { ...disbursement, annualRatePercent: 3.5 })).state).toBe('disbursed');

    // 2025-Q2: 10 to 30 June, 21 days: 20,000,000 × (350 − 150) bp × 21 / 360 = 23,333.33 fen.
    t.clock.set('2025-07-08T02:00:00.000Z');
    await signIn();
    expect(await violated(caseId, caseworker, 'claimInterest', { period: '2025-Q2', interestPaidFen: 40_833, amountFen: 23_334 })).toEqual(['within-lpr-subsidy']);
    expect(await violated(caseId, caseworker, 'claimInterest', { period: '2025-Q2', interestPaidFen: 20_000, amountFen: 20_001 })).toEqual(['within-interest-paid']);
    expect((await act(t, caseworker, caseId, 'claimInterest', { period: '2025-Q2', interestPaidFen: 40_833, amountFen: 23_333 })).state).toBe('interestClaimed');
    expect((await act(t, reviewer, caseId, 'approveInterest', { opinion: '结息单核实无误' })).state).toBe('disbursed');

    // 2025-Q3, 92 days: 20,000,000 × 200 bp × 92 / 360 = 102,222.22 fen.
    t.clock.set('2025-10-09T02:00:00.000Z');
    await signIn();
    expect(await violated(caseId, caseworker, 'claimInterest', { period: '2025-Q3', interestPaidFen: 178_888, amountFen: 102_223 })).toEqual(['within-lpr-subsidy']);
    expect((await act(t, caseworker, caseId, 'claimInterest', { period: '2025-Q3', interestPaidFen: 178_888, amountFen: 102_222 })).state).toBe('interestClaimed');
    expect((await act(t, reviewer, caseId, 'approveInterest', { opinion: '结息单核实无误' })).state).toBe('disbursed');

    const items = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token: reviewer });
    expect(items.status).toBe(200);
    expect(items.body.items.map((i: { period: string; amountFen: number; fund: string; subsidyType: string }) => [i.subsidyType, i.period, i.amountFen, i.fund]).sort()).toEqual([
      ['loan-interest-subsidy', '2025-Q2', 23_333, 'employment-subsidy'],
      ['loan-interest-subsidy', '2025-Q3', 102_222, 'employment-subsidy'],
    ]);
  });
});
