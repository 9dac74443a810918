import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, registrationForm, tableCounts, vacancyPostingForm, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, endNotice, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CREDIT_CODE = '91350203MA2Y3K1B9C';
const difficultyForm = { category: 'disability', evidence: '残疾人证 35020319850612', retirementCategory: 'male-60', holdsDisabilityCertificate: true };
const benefitForm = {
  contributionMonths: 30,
  separationReason: 'dismissed-by-employer',
  separationDate: '2026-09-30',
  registrationDate: '2026-11-02',
  carriedOverMonths: 0,
  bankAccount: '6222020200112233445',
};
const startUpForm = { businessCreditCode: CREDIT_CODE, businessName: '厦门某某餐饮店', businessStartDate: '2025-06-01', amountFen: 500_000, graduate: true, period: 'once' };
const loanForm = {
  borrowerType: 'individual',
  eligibleGroup: 'graduate',
  groupProofNo: '毕业证书 103841202405001234',
  loanAmountFen: 20_000_000,
  businessCreditCode: CREDIT_CODE,
  lender: '中国建设银行厦门分行',
  lenderCode: '9135020015402120X1',
  lenderAccount: '35150198010100000123',
  lenderBank: '中国建设银行厦门分行营业部',
  termMonths: 24,
};
const disbursement = { disbursedOn: '2026-10-08', disbursedAmountFen: 20_000_000, annualRatePercent: 3.45, lprBasisPoints: 300 };
const training = { classNo: 'XM2026-0418', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-09-01' };
const certificate = { certificateNo: 'S350200202600518', certificateType: 'skill-level', issuedOn: '2026-10-20' };
const posting = (overrides: Record<string, unknown> = {}) => vacancyPostingForm(CREDIT_CODE, overrides);

/** A recognised flexible worker's social insurance subsidy application (recognised on the day the notice ends, in the walk below). */
const insuranceForm = { workerType: 'flexible', category: 'disability', employmentStart: '2026-11-01', recognizedOn: '2026-11-12', retirementCategory: 'male-60' };
const ruleIds = (body: { details: { violations: { rule: string }[] } }) => body.details.violations.map((v) => v.rule);

describe.each(backends)('main and rejection paths of the subsidy, benefit and vacancy processes (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  const ids = { caseworker: '', reviewer: '' };
  let employerId = '';
  let recognisedId = '';
  let sequence = 0;

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** A new (male) person; each call gets a sequence number of its own. */
  async function person(name: string): Promise<string> {
    const idNumber = citizenId('350203', '19850612', String(++sequence * 2 + 1).padStart(3, '0'));
    return registerPerson(t, caseworker, idNumber, name);
  }

  /** A new person and the business they represent (its credit code from the sequence), established on `establishedOn`. */
  async function entrepreneur(name: string, establishedOn = '2025-06-01'): Promise<{ personId: string; businessCreditCode: string }> {
    const idNumber = citizenId('350203', '19850612', String(++sequence * 2 + 1).padStart(3, '0'));
    const personId = await registerPerson(t, caseworker, idNumber, name);
    const body = `MA${String(sequence).padStart(6, '0')}`;
    const first17 = `91350203${body}${organizationCodeCheckCharacter(body)}`;
    const businessCreditCode = first17 + creditCodeCheckCharacter(first17);
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: businessCreditCode, name: `${name}的店`, legalRepIdNumber: idNumber, establishedOn } });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);
    return { personId, businessCreditCode };
  }

  /** A person with an approved unemployment registration, reached through its flow. */
  async function registeredUnemployed(name: string): Promise<string> {
    const personId = await person(name);
    const registration = await open(t, caseworker, 'unemployment-registration', personId);
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    expect((await act(t, reviewer, registration.id, 'approve', { opinion: '同意' })).state).toBe('registered');
    return personId;
  }

  /** Sends a step that must be refused; checks that no table or case row changed. */
  async function refusedStep(token: string, caseId: string, type: string, data: Record<string, unknown>) {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(response.body.message.zh).toBeTruthy();
    return response;
  }

  /** Expects a refusal by business rules naming exactly these rules, in order. */
  async function refusedByRules(token: string, caseId: string, type: string, data: Record<string, unknown>, rules: string[]) {
    const response = await refusedStep(token, caseId, type, data);
    expect([response.status, response.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(ruleIds(response.body)).toEqual(rules);
  }

  async function ledger(caseId: string) {
    const response = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token: reviewer });
    expect(response.status).toBe(200);
    return response.body.items as Record<string, unknown>[];
  }

  /** The one ledger item of a case, paid from `fund`, prepared by the caseworker and approved by the reviewer. */
  async function expectPaid(caseId: string, personId: string, item: { subsidyType: string; period: string; fund: string; amountFen: number }) {
    expect(await ledger(caseId)).toEqual([
      expect.objectContaining({ ...item, caseId, personId, preparedBy: ids.caseworker, approvedBy: ids.reviewer, paymentStatus: 'unpaid' }),
    ]);
  }

  async function expectFinal(caseId: string, state: string, outcome: string) {
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state, status: 'final', outcome });
    expect(await ledger(caseId)).toEqual([]);
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await signIn();
    ids.caseworker = (await t.request('GET', '/api/auth/me', { token: caseworker })).body.id;
    ids.reviewer = (await t.request('GET', '/api/auth/me', { token: reviewer })).body.id;
    expect(ids.caseworker).not.toBe(ids.reviewer);
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: CREDIT_CODE, name: '厦门示例物流有限公司' } });
    expect(employer.status).toBe(201);
    employerId = employer.body.id;
  });
  afterAll(() => t.close());

  it('employment-difficulty: recognises after the notice timer, rejects at review, refuses a category not in force', async () => {
    recognisedId = await registeredUnemployed('黄志明');
    const refusedId = await registeredUnemployed('吴国强');
    const recognition = await open(t, caseworker, 'employment-difficulty', recognisedId);
    const rejection = await open(t, caseworker, 'employment-difficulty', refusedId);
    expect([recognition.state, rejection.state]).toEqual(['applied', 'applied']);

    // 'other-local' is in the catalogue but not among the categories in force by default.
    await refusedByRules(caseworker, rejection.id, 'verify', { ...difficultyForm, category: 'other-local' }, ['category-in-force']);
    expect((await act(t, caseworker, recognition.id, 'verify', difficultyForm)).state).toBe('publicized');
    expect((await act(t, caseworker, rejection.id, 'verify', difficultyForm)).state).toBe('publicized');

    // The notice period ends by its timer, five working days later.
    t.clock.set('2026-11-12T01:00:00.000Z');
    await signIn();
    const fired = (await fireDueTimers(t.rt)).filter((f) => [recognition.id, rejection.id].includes(f.caseId));
    expect(fired.map((f) => [f.caseId, f.outcome])).toEqual(
      expect.arrayContaining([
        [recognition.id, { sent: 'endNotice' }],
        [rejection.id, { sent: 'endNotice' }],
      ]),
    );
    expect(fired).toHaveLength(2);
    for (const id of [recognition.id, rejection.id]) expect((await t.request('GET', `/api/cases/${id}`, { token: reviewer })).body.state).toBe('reviewed');

    expect((await act(t, reviewer, recognition.id, 'recognize', { validUntil: '2027-11-11', opinion: '公示期满无异议' })).state).toBe('recognized');
    expect((await act(t, reviewer, rejection.id, 'reject', { rejectionReason: '残疾等级不符合认定条件' })).state).toBe('rejected');
    await expectFinal(rejection.id, 'rejected', 'rejected');

    // Only the recognised person may have a social insurance subsidy verified (next test).
    const unrecognised = await open(t, caseworker, 'social-insurance-subsidy', refusedId);
    await refusedByRules(caseworker, unrecognised.id, 'verify', insuranceForm, ['difficulty-recognized']);
  });

  it('social-insurance-subsidy: verifies, approves and pays a month; refuses a bad claim; the reviewer rejects another', async () => {
    // The reviewer rejects a first application, which ends the case with nothing paid.
    const first = await open(t, caseworker, 'social-insurance-subsidy', recognisedId);
    expect((await act(t, caseworker, first.id, 'verify', insuranceForm)).state).toBe('verified');
    expect((await act(t, reviewer, first.id, 'reject', { rejectionReason: '灵活就业证明不全' })).state).toBe('rejected');
    await expectFinal(first.id, 'rejected', 'rejected');

    const subsidy = await open(t, caseworker, 'social-insurance-subsidy', recognisedId);
    expect((await act(t, caseworker, subsidy.id, 'verify', insuranceForm)).state).toBe('verified');
    expect((await act(t, reviewer, subsidy.id, 'approve', { opinion: '符合条件' })).state).toBe('approved');

    // December has not begun; a flexible worker gets at most two thirds, and the local 67 %.
    await refusedByRules(caseworker, subsidy.id, 'submitClaim', { period: '2026-12', contributionPaidFen: 60_000, amountFen: 60_000 }, [
      'period-begun',
      'flexible-two-thirds',
      'flexible-local-share',
    ]);
    await refusedByRules(caseworker, subsidy.id, 'submitClaim', { period: '2026-11', contributionPaidFen: 200_000, amountFen: 80_001 }, ['within-monthly-cap']);

    expect((await act(t, caseworker, subsidy.id, 'submitClaim', { period: '2026-11', contributionPaidFen: 120_000, amountFen: 80_000 })).state).toBe('claimSubmitted');
    expect(await ledger(subsidy.id)).toEqual([]);
    expect(await act(t, reviewer, subsidy.id, 'approveClaim', { opinion: '缴费记录核实无误' })).toMatchObject({ state: 'approved', status: 'active', data: { monthsPaid: 1 } });
    await expectPaid(subsidy.id, recognisedId, { subsidyType: 'social-insurance-subsidy', period: '2026-11', fund: 'employment-subsidy', amountFen: 80_000 });
  });

  it('start-up-subsidy: pays once into the ledger, refuses an ineligible application, the reviewer rejects another', async () => {
    const { personId: graduate, businessCreditCode } = await entrepreneur('林晓东');
    const form = { ...startUpForm, businessCreditCode };
    const subsidy = await open(t, caseworker, 'start-up-subsidy', graduate);
    expect(subsidy.state).toBe('applied');
    expect((await act(t, caseworker, subsidy.id, 'submit', form)).state).toBe('publicized');
    expect((await endNotice(t, reviewer, subsidy.id)).state).toBe('submitted');
    expect((await act(t, reviewer, subsidy.id, 'approve', { opinion: '营业执照与经营记录核实无误' })).state).toBe('paid');
    await expectPaid(subsidy.id, graduate, { subsidyType: 'start-up-subsidy', period: 'once', fund: 'employment-subsidy', amountFen: 500_000 });

    // A second application by the same person reaches approval, where the ledger refuses paying twice.
    const again = await open(t, caseworker, 'start-up-subsidy', graduate);
    await act(t, caseworker, again.id, 'submit', form);
    await endNotice(t, reviewer, again.id);
    const twice = await refusedStep(reviewer, again.id, 'approve', { opinion: '同意' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DUPLICATE_RECORD', details: { period: 'once', fund: 'employment-subsidy' } });
    expect((await t.request('GET', `/api/cases/${again.id}`, { token: reviewer })).body.state).toBe('submitted');

    // Neither a graduate nor registered unemployed nor recognised; too much; opened five months ago.
    const nobody = await entrepreneur('郑建华', '2026-06-01');
    const refused = await open(t, caseworker, 'start-up-subsidy', nobody.personId);
    await refusedByRules(caseworker, refused.id, 'submit', { ...startUpForm, businessCreditCode: nobody.businessCreditCode, graduate: false, amountFen: 500_001, businessStartDate: '2026-06-01' }, [
      'within-subsidy-amount',
      'business-operated',
      'eligible-group',
    ]);

    const other = await entrepreneur('陈立新');
    const rejected = await open(t, caseworker, 'start-up-subsidy', other.personId);
    expect((await act(t, caseworker, rejected.id, 'submit', { ...startUpForm, businessCreditCode: other.businessCreditCode })).state).toBe('publicized');
    expect((await endNotice(t, reviewer, rejected.id)).state).toBe('submitted');
    expect((await act(t, reviewer, rejected.id, 'reject', { rejectionReason: '经营场所核查不实' })).state).toBe('rejected');
    await expectFinal(rejected.id, 'rejected', 'rejected');
  });

  it('business-loan-interest: guarantee, disbursement, a paid quarter and repayment; refusals name their rules; the reviewer rejects another', async () => {
    const { personId: borrower, businessCreditCode } = await entrepreneur('许文涛');
    const loan = await open(t, caseworker, 'business-loan-interest', borrower);
    expect(loan.state).toBe('applied');
    await refusedByRules(caseworker, loan.id, 'checkEligibility', { ...loanForm, businessCreditCode, loanAmountFen: 30_000_001, termMonths: 37 }, ['within-loan-ceiling', 'within-loan-term']);
    expect((await act(t, caseworker, loan.id, 'checkEligibility', { ...loanForm, businessCreditCode })).state).toBe('guaranteeReview');
    expect((await act(t, reviewer, loan.id, 'approveGuarantee', { opinion: '同意担保' })).state).toBe('approved');
    await refusedByRules(caseworker, loan.id, 'disburse', { ...disbursement, disbursedAmountFen: 20_000_001 }, ['within-approved-amount']);
    expect((await act(t, caseworker, loan.id, 'disburse', disbursement)).state).toBe('disbursed');

    // Above the interest paid, and a quarter ending before the disbursement (no day of interest to subsidise).
    await refusedByRules(caseworker, loan.id, 'claimInterest', { period: '2026-Q3', interestPaidFen: 100_000, amountFen: 100_001 }, [
      'within-interest-paid',
      'within-lpr-subsidy',
      'quarter-within-loan-term',
    ]);
    expect((await act(t, caseworker, loan.id, 'claimInterest', { period: '2026-Q4', interestPaidFen: 100_000, amountFen: 50_000 })).state).toBe('interestClaimed');
    expect(await act(t, reviewer, loan.id, 'approveInterest', { opinion: '结息单核实无误' })).toMatchObject({ state: 'disbursed', data: { quartersPaid: 1 } });
    await expectPaid(loan.id, borrower, { subsidyType: 'loan-interest-subsidy', period: '2026-Q4', fund: 'employment-subsidy', amountFen: 50_000 });

    await refusedByRules(caseworker, loan.id, 'repay', { repaidOn: '2026-10-07' }, ['repaid-after-disbursement']);
    expect(await act(t, caseworker, loan.id, 'repay', { repaidOn: '2026-11-12' })).toMatchObject({ state: 'repaid', status: 'final', outcome: 'completed' });

    const other = await entrepreneur('蔡明辉');
    const rejected = await open(t, caseworker, 'business-loan-interest', other.personId);
    expect((await act(t, caseworker, rejected.id, 'checkEligibility', { ...loanForm, businessCreditCode: other.businessCreditCode })).state).toBe('guaranteeReview');
    expect((await act(t, reviewer, rejected.id, 'reject', { rejectionReason: '反担保不足' })).state).toBe('rejected');
    await expectFinal(rejected.id, 'rejected', 'rejected');
  });

  it('vacancy-posting: refuses a sex requirement at submit, publishes after a revision, and the reviewer rejects another', async () => {
    const biased = await open(t, caseworker, 'vacancy-posting', employerId);
    await refusedByRules(caseworker, biased.id, 'submit', posting({ requirements: '限男性，能适应倒班。' }), ['no-sex-requirement']);
    expect((await t.request('GET', `/api/cases/${biased.id}`, { token: caseworker })).body).toMatchObject({ state: 'draft', version: 1 });

    const revised = await open(t, caseworker, 'vacancy-posting', employerId);
    expect((await act(t, caseworker, revised.id, 'submit', posting({ payMaxFen: 450_000 }))).state).toBe('submitted');
    expect((await act(t, reviewer, revised.id, 'startReview', {})).state).toBe('underReview');
    expect((await act(t, reviewer, revised.id, 'requestRevision', { revisionNote: '请明确薪酬区间' })).state).toBe('revisionRequested');
    // The resubmission is screened again.
    await refusedByRules(caseworker, revised.id, 'resubmit', posting({ requirements: '仅限女性' }), ['no-sex-requirement']);
    expect((await act(t, caseworker, revised.id, 'resubmit', posting())).state).toBe('submitted');
    expect((await act(t, reviewer, revised.id, 'startReview', {})).state).toBe('underReview');
    expect(await act(t, reviewer, revised.id, 'publish', { opinion: '信息真实，予以发布' })).toMatchObject({ state: 'published', status: 'active', data: { payMaxFen: 600_000 } });

    const rejected = await open(t, caseworker, 'vacancy-posting', employerId);
    expect((await act(t, caseworker, rejected.id, 'submit', posting())).state).toBe('submitted');
    expect((await act(t, reviewer, rejected.id, 'startReview', {})).state).toBe('underReview');
    expect((await act(t, reviewer, rejected.id, 'reject', { rejectionReason: '单位招聘资质核查未通过' })).state).toBe('rejected');
    expect((await t.request('GET', `/api/cases/${rejected.id}`, { token: caseworker })).body).toMatchObject({ state: 'rejected', status: 'final', outcome: 'rejected' });
  });

  it('unemployment-benefit: refuses a voluntary separation and an employed applicant by rule; the reviewer rejects another', async () => {
    const resigned = await registeredUnemployed('周志远');
    const voluntary = await open(t, caseworker, 'unemployment-benefit', resigned);
    await refusedByRules(caseworker, voluntary.id, 'check', { ...benefitForm, separationReason: 'resigned-voluntarily' }, ['involuntary-separation']);
    expect((await t.request('GET', `/api/cases/${voluntary.id}`, { token: caseworker })).body).toMatchObject({ state: 'applied', version: 1 });

    // Hired after applying: the registration is cancelled, and both the registration and employment rules refuse.
    const hiredId = await registeredUnemployed('何家伟');
    const hiredCase = await open(t, caseworker, 'unemployment-benefit', hiredId);
    const hire = await open(t, caseworker, 'employment-registration', hiredId);
    expect((await act(t, caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: CREDIT_CODE, hireDate: '2026-11-10' })).state).toBe('employed');
    await refusedByRules(caseworker, hiredCase.id, 'check', benefitForm, ['registered-unemployed', 'not-employed', 'registration-on-record']);

    const applicant = await registeredUnemployed('杨海涛');
    const benefit = await open(t, caseworker, 'unemployment-benefit', applicant);
    expect((await act(t, caseworker, benefit.id, 'check', benefitForm)).state).toBe('checked');
    expect((await act(t, reviewer, benefit.id, 'reject', { rejectionReason: '缴费记录与单位申报不一致' })).state).toBe('rejected');
    await expectFinal(benefit.id, 'rejected', 'rejected');
  });

  it('training-subsidy: a failed assessment is closed without a certificate; a claim above the catalogue rate is refused', async () => {
    const trainee = await person('郑丽娟');
    const failed = await open(t, caseworker, 'training-subsidy', trainee);
    expect(failed.state).toBe('enrolled');
    expect((await act(t, caseworker, failed.id, 'startTraining', training)).state).toBe('inTraining');
    expect((await act(t, caseworker, failed.id, 'assess', { result: 'fail', assessedOn: '2026-10-15' })).state).toBe('assessed');
    await refusedByRules(caseworker, failed.id, 'certify', certificate, ['assessment-passed']);
    expect((await act(t, caseworker, failed.id, 'close', { closeReason: 'failed' })).state).toBe('closed');
    await expectFinal(failed.id, 'closed', 'cancelled');

    // Level 4 pays at most 150,000 fen, and only for the year the certificate was issued.
    const certified = await open(t, caseworker, 'training-subsidy', trainee);
    await act(t, caseworker, certified.id, 'startTraining', training);
    await act(t, caseworker, certified.id, 'assess', { result: 'pass', assessedOn: '2026-10-15' });
    expect((await act(t, caseworker, certified.id, 'certify', certificate)).state).toBe('certified');
    await refusedByRules(caseworker, certified.id, 'claim', { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0003', amountFen: 150_001, year: '2026' }, ['within-catalogue-rate']);
    await refusedByRules(caseworker, certified.id, 'claim', { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0003', amountFen: 150_000, year: '2025' }, ['certificate-year']);
    expect((await act(t, caseworker, certified.id, 'claim', { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0003', amountFen: 150_000, year: '2026' })).state).toBe('claimed');
    expect((await act(t, reviewer, certified.id, 'approveClaim', { opinion: '证书真实有效' })).state).toBe('paid');
    await expectPaid(certified.id, trainee, { subsidyType: 'training-subsidy', period: 'once', fund: 'employment-subsidy', amountFen: 150_000 });
  });
});
