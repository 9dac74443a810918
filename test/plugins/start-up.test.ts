import { describe, expect, it } from 'vitest';
import { addMonths, compile, parameterValueOn, quarterBounds, start, step, type Actor, type CaseSnapshot } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const startUp = ministryPackage('start-up');
import { failingFields, futureDayFields, ledgerItems, paidToSubject, refusal, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

/** Form data, facts or parameters as the engine takes them. */
type Data = Record<string, unknown>;

const [subsidyFlow, loanFlow] = startUp.definitions;
const subsidy = compile(subsidyFlow, startUp.implementations);
const loan = compile(loanFlow, startUp.implementations);

const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };
const makerAsReviewer: Actor = { ...reviewer, id: caseworker.id };

const parameters = { noticeWorkingDays: 5, startUpSubsidyFen: 500_000, maxBusinessAgeMonths: 36, minOperatingMonths: 12, loanCeilingFen: 30_000_000, maxLoanTermMonths: 36, smallFirmLoanCeilingFen: 300_000_000, smallFirmMaxLoanTermMonths: 24, lprBasisPoints: 300, borrowerBearsBelowLprBp: 150, maxRateMarkupBp: 50 };
const subject = (unemploymentStatus: string, difficultyStatus: string) => ({ subject: { birthDate: '1998-05-04', gender: 'male', unemploymentStatus, difficultyStatus }, registry: { employed: false, unemployed: unemploymentStatus === 'registered', recognized: difficultyStatus === 'recognized' } });
const registeredUnemployed = subject('registered', 'none');
const nobody = subject('none', 'none');

const application = { businessCreditCode: '91350100M000100Y43', businessName: '福州某某餐饮店', businessStartDate: '2025-06-01', amountFen: 500_000, graduate: false, period: 'once' };
const NOW = '2026-10-15T02:00:00.000Z';
const system: Actor = { id: 'system', name: '系统', role: 'system', post: null, orgUnit: 'o-1' };

describe('start-up subsidy', () => {
  const created = () => start(subsidy, { actor: caseworker, calendar, now: '2026-10-14T02:00:00.000Z', parameters }).snapshot;
  const submit = (data: Data, options: { facts?: Data; parameters?: Data; now?: string } = {}) =>
    step(subsidy, {
      snapshot: created(),
      event: { type: 'submit', data: { ...application, ...data } },
      actor: caseworker,
      calendar,
      now: options.now ?? NOW,
      // The applicant's own first business, established on the day the form gives.
      facts: { business: { registered: true, name: application.businessName, establishedOn: { ...application, ...data }.businessStartDate, legalRepresentativeIsSubject: true, otherBusinessesOfRepresentative: 0 }, ...(options.facts ?? registeredUnemployed) },
      parameters: { ...parameters, ...options.parameters },
    });

  /** The notice period ended by its timer (the system): the case goes on to the reviewer. */
  const endNotice = (snapshot: CaseSnapshot) => step(subsidy, { snapshot, event: { type: 'endNotice' }, actor: system, calendar, now: '2026-10-22T16:00:00.000Z', parameters });

  it('puts a checked application under public notice for the working days in force, ended by its timer', () => {
    const noticed = submit({});
    expect(noticed.snapshot.state).toBe('publicized');
    // Thursday 15 October 2026: five working days end on Thursday the 22nd, 23:59:59.999 China time.
    expect(noticed.effects).toContainEqual(expect.objectContaining({ kind: 'timer.schedule', timer: 'event', state: 'publicized', event: 'endNotice', at: '2026-10-22T15:59:59.999Z' }));
    const tenDays = submit({}, { parameters: { noticeWorkingDays: 10 } });
    expect(tenDays.effects).toContainEqual(expect.objectContaining({ kind: 'timer.schedule', event: 'endNotice', at: '2026-10-29T15:59:59.999Z' }));
    expect(refusal(() => step(subsidy, { snapshot: noticed.snapshot, event: { type: 'endNotice' }, actor: caseworker, calendar, now: NOW, parameters })).code).toBe('ROLE_NOT_PERMITTED');
    const objected = step(subsidy, { snapshot: noticed.snapshot, event: { type: 'objection', data: { objection: '申请人并非首次创业' } }, actor: system, calendar, now: NOW, parameters });
    expect(objected.snapshot.state).toBe('applied');
  });

  it('pays an approved subsidy once into the ledger, prepared at the window and approved by the reviewer', () => {
    const submitted = endNotice(submit({}).snapshot);
    expect(submitted.snapshot.state).toBe('submitted');
    expect(submitted.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'submitted', role: 'reviewer', post: 'subsidy-review', provisional: false }));
    const paid = step(subsidy, { snapshot: submitted.snapshot, event: { type: 'approve', data: { opinion: '经营正常' } }, actor: reviewer, calendar, now: '2026-10-16T02:00:00.000Z', parameters });
    expect(paid.status).toBe('final');
    expect(paid.snapshot.state).toBe('paid');
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'start-up-subsidy', item: 'start-up-subsidy', period: 'once', fund: 'employment-subsidy', amountFen: 500_000, payee: paidToSubject, preparedBy: 'u-1', approvedBy: 'u-2' },
    ]);
  });

  it('keeps the reviewer apart from whoever submitted, and rejects without paying', () => {
    const submitted = endNotice(submit({}).snapshot).snapshot;
    for (const event of [{ type: 'approve', data: { opinion: 'ok' } }, { type: 'reject', data: { rejectionReason: '非首次创业' } }]) {
      expect(refusal(() => step(subsidy, { snapshot: submitted, event, actor: makerAsReviewer, calendar, now: NOW, parameters })).code).toBe('MAKER_CHECKER_VIOLATION');
    }
    const rejected = step(subsidy, { snapshot: submitted, event: { type: 'reject', data: { rejectionReason: '非首次创业' } }, actor: reviewer, calendar, now: NOW, parameters });
    expect(rejected.snapshot.state).toBe('rejected');
    expect(ledgerItems(rejected.effects)).toEqual([]);
  });

  it('accepts an incubator named only when it is a registered, active one recognised on the day', () => {
    const incubator = { registered: true, name: '福州市创业孵化基地', status: 'active', validFrom: '2024-01-01', validUntil: '2026-12-31', occupations: [] };
    const hosted = (fact: Data) => submit({ incubatorCreditCode: '91350206MA8T2Q5R2E' }, { facts: { ...registeredUnemployed, incubator: fact } });
    expect(hosted(incubator).snapshot.state).toBe('publicized');
    for (const wrong of [{ registered: false }, { status: 'revoked' }, { validUntil: '2026-10-14' }, { validFrom: '2026-10-16' }]) {
      expect(violatedRules(refusal(() => hosted({ ...incubator, ...wrong })))).toEqual(['incubator-qualified']);
    }
  });

  it('refuses more than the subsidy in force', () => {
    const error = refusal(() => submit({ amountFen: 500_001 }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['within-subsidy-amount']);
    expect(submit({ amountFen: 800_000 }, { parameters: { startUpSubsidyFen: 800_000 } }).snapshot.state).toBe('publicized');
  });

  it('refuses a business registered longer ago than the maximum age, to the day', () => {
    expect(violatedRules(refusal(() => submit({ businessStartDate: '2023-10-14' })))).toEqual(['business-recent']);
    expect(submit({ businessStartDate: '2023-10-15' }).snapshot.state).toBe('publicized');
    expect(violatedRules(refusal(() => submit({ businessStartDate: '2024-10-14' }, { parameters: { maxBusinessAgeMonths: 24 } })))).toEqual(['business-recent']);
  });

  it('refuses a business that has not operated the minimum months, and one registered in the future', () => {
    expect(violatedRules(refusal(() => submit({ businessStartDate: '2025-10-16' })))).toEqual(['business-operated']);
    expect(submit({ businessStartDate: '2025-10-15' }).snapshot.state).toBe('publicized');
    // With no minimum, only a future date is refused; 17:00Z is already the 16th in China.
    const noMinimum = { parameters: { minOperatingMonths: 0 } };
    expect(futureDayFields(refusal(() => submit({ businessStartDate: '2026-10-16' }, noMinimum)))).toEqual(['businessStartDate']);
    expect(submit({ businessStartDate: '2026-10-16' }, { ...noMinimum, now: '2026-10-15T17:00:00.000Z' }).snapshot.state).toBe('publicized');
  });

  it('accepts a graduate, a registered unemployed person or a recognised person with difficulties, and no one else', () => {
    expect(violatedRules(refusal(() => submit({}, { facts: nobody })))).toEqual(['eligible-group']);
    expect(submit({ graduate: true }, { facts: nobody }).snapshot.state).toBe('publicized');
    expect(submit({}, { facts: subject('none', 'recognized') }).snapshot.state).toBe('publicized');
  });

  it('names every violated rule at once', () => {
    const error = refusal(() => submit({ amountFen: 600_000, businessStartDate: '2026-09-01' }, { facts: nobody }));
    expect(violatedRules(error)).toEqual(['within-subsidy-amount', 'business-operated', 'eligible-group']);
  });

  it('fixes the period to once and needs the graduate flag', () => {
    const { graduate: _graduate, ...withoutFlag } = application;
    const error = refusal(() => step(subsidy, { snapshot: created(), event: { type: 'submit', data: { ...withoutFlag, period: '2026-10' } }, actor: caseworker, calendar, now: NOW, facts: registeredUnemployed, parameters }));
    expect(error.code).toBe('FORM_INVALID');
    expect(failingFields(error)).toEqual(['graduate', 'period']);
  });

  it('takes an application online to the window\'s check, which returns it to the applicant or puts it under notice as at the window', () => {
    const applicant: Actor = { id: 'acct-1', name: '林创业', role: 'applicant', post: null, orgUnit: 'o-1' };
    const facts = { business: { registered: true, name: application.businessName, establishedOn: application.businessStartDate, legalRepresentativeIsSubject: true, otherBusinessesOfRepresentative: 0 }, ...registeredUnemployed };
    const send = (snapshot: CaseSnapshot, type: string, data: Data, actor: Actor) => step(subsidy, { snapshot, event: { type, data }, actor, calendar, now: NOW, facts, parameters });

    // The applicant applies with the same form, refused at once by the rules the window's check applies again.
    expect(violatedRules(refusal(() => send(created(), 'apply', { ...application, amountFen: 500_001 }, applicant)))).toEqual(['within-subsidy-amount']);
    const received = send(created(), 'apply', application, applicant);
    expect(received.snapshot.state).toBe('received');
    expect(received.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'received', role: 'caseworker', post: 'subsidy-window', provisional: false }));
    // Each sends only their own step: the applicant does not check, the window does not apply for the citizen.
    expect(refusal(() => send(created(), 'submit', application, applicant)).code).toBe('ROLE_NOT_PERMITTED');
    expect(refusal(() => send(created(), 'apply', application, caseworker)).code).toBe('ROLE_NOT_PERMITTED');
    expect(violatedRules(refusal(() => send(received.snapshot, 'submit', { ...application, businessStartDate: '2025-06-02' }, caseworker)))).toEqual(['start-date-as-registered']);

    // Returned with the reason, it waits for the applicant (no one's task), who sends it again to the check.
    const returned = send(received.snapshot, 'returnForCorrection', { returnReason: '营业执照照片不清晰', toAdd: '请重新上传营业执照' }, caseworker);
    expect(returned.snapshot.state).toBe('returned');
    expect(returned.effects.some((e) => e.kind === 'task.open')).toBe(false);
    const again = send(returned.snapshot, 'resubmit', { ...application, businessName: '福州某某餐饮店（个体）' }, applicant);
    expect(again.snapshot.state).toBe('received');

    // Checked, it is under notice, and the reviewer pays it as a window application, apart from who checked it.
    const noticed = send(again.snapshot, 'submit', application, caseworker);
    expect(noticed.snapshot.state).toBe('publicized');
    const paid = step(subsidy, { snapshot: endNotice(noticed.snapshot).snapshot, event: { type: 'approve', data: { opinion: '经营正常' } }, actor: reviewer, calendar, now: '2026-10-23T02:00:00.000Z', parameters });
    expect(paid.snapshot.state).toBe('paid');
    expect(ledgerItems(paid.effects)).toEqual([expect.objectContaining({ amountFen: 500_000, preparedBy: 'u-1', approvedBy: 'u-2' })]);
  });
});

describe('guaranteed business loan interest subsidy', () => {
  const bank = { lender: '中国建设银行福州分行', lenderCode: '9135020015402120X1', lenderAccount: '35150198010100000123', lenderBank: '中国建设银行福州分行营业部' };
  const eligibility = { borrowerType: 'individual', eligibleGroup: 'graduate', groupProofNo: '毕业证书 1038412024', loanAmountFen: 20_000_000, businessCreditCode: '91350100M000100Y43', termMonths: 24, ...bank };
  const disbursement = { disbursedOn: '2026-03-20', disbursedAmountFen: 20_000_000, annualRatePercent: 3.45, lprBasisPoints: 300 };
  const loanFacts = { ...nobody, business: { registered: true, name: '福州某某餐饮店', establishedOn: '2025-06-01', legalRepresentativeIsSubject: true, otherBusinessesOfRepresentative: 0 } };
  const interest = { period: '2026-Q2', interestPaidFen: 172_500, amountFen: 86_250 };

  function checked(data: Data = eligibility, params: Data = parameters) {
    const created = start(loan, { actor: caseworker, calendar, now: '2026-02-02T02:00:00.000Z', parameters });
    return step(loan, { snapshot: created.snapshot, event: { type: 'checkEligibility', data }, actor: caseworker, calendar, now: '2026-02-03T02:00:00.000Z', facts: loanFacts, parameters: params });
  }

  function disbursed(): CaseSnapshot {
    const approved = step(loan, { snapshot: checked().snapshot, event: { type: 'approveGuarantee', data: { opinion: '同意担保' } }, actor: reviewer, calendar, now: '2026-02-05T02:00:00.000Z', parameters });
    return step(loan, { snapshot: approved.snapshot, event: { type: 'disburse', data: disbursement }, actor: caseworker, calendar, now: '2026-03-20T02:00:00.000Z', parameters }).snapshot;
  }

  const claim = (snapshot: CaseSnapshot, data: Data, params: Data = parameters) =>
    step(loan, { snapshot, event: { type: 'claimInterest', data: { ...interest, ...data } }, actor: caseworker, calendar, now: '2026-07-05T02:00:00.000Z', parameters: params });

  it('walks eligibility, guarantee review, disbursement, a paid quarter and repayment', () => {
    const inReview = checked();
    expect(inReview.snapshot.state).toBe('guaranteeReview');
    expect(inReview.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'guaranteeReview', role: 'reviewer', post: 'subsidy-review', provisional: false }));
    const approved = step(loan, { snapshot: inReview.snapshot, event: { type: 'approveGuarantee', data: { opinion: '同意担保' } }, actor: reviewer, calendar, now: '2026-02-05T02:00:00.000Z', parameters });
    expect(approved.snapshot.state).toBe('approved');
    expect(approved.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'approved', role: 'caseworker', post: 'subsidy-window', provisional: false }));

    const outstanding = step(loan, { snapshot: approved.snapshot, event: { type: 'disburse', data: disbursement }, actor: caseworker, calendar, now: '2026-03-20T02:00:00.000Z', parameters });
    expect(outstanding.snapshot.state).toBe('disbursed');
    expect(outstanding.effects.some((e) => e.kind === 'task.open')).toBe(false);

    const claimed = claim(outstanding.snapshot, {});
    expect(claimed.snapshot.state).toBe('interestClaimed');
    const paid = step(loan, { snapshot: claimed.snapshot, event: { type: 'approveInterest', data: { opinion: '与结息单一致' } }, actor: reviewer, calendar, now: '2026-07-06T02:00:00.000Z', parameters });
    expect(paid.snapshot.state).toBe('disbursed');
    expect(ledgerItems(paid.effects)).toEqual([
      {
        subsidyType: 'loan-interest-subsidy',
        item: 'loan-interest-subsidy',
        period: '2026-Q2',
        fund: 'employment-subsidy',
        amountFen: 86_250,
        payee: { kind: 'bank', code: bank.lenderCode, name: bank.lender, account: bank.lenderAccount, bank: bank.lenderBank },
        preparedBy: 'u-1',
        approvedBy: 'u-2',
      },
    ]);
    expect(paid.snapshot.context.data['quartersPaid']).toBe(1);

    const repaid = step(loan, { snapshot: paid.snapshot, event: { type: 'repay', data: { repaidOn: '2028-03-18' } }, actor: caseworker, calendar, now: '2028-03-19T02:00:00.000Z', parameters });
    expect(repaid.status).toBe('final');
    expect(repaid.snapshot.state).toBe('repaid');
  });

  it('refuses a loan above the ceiling or longer than the longest term', () => {
    expect(violatedRules(refusal(() => checked({ ...eligibility, loanAmountFen: 30_000_001 })))).toEqual(['within-loan-ceiling']);
    expect(violatedRules(refusal(() => checked({ ...eligibility, termMonths: 37 })))).toEqual(['within-loan-term']);
    expect(violatedRules(refusal(() => checked({ ...eligibility, loanAmountFen: 35_000_000, termMonths: 48 })))).toEqual(['within-loan-ceiling', 'within-loan-term']);
    // The ceiling in force after the 2027 change admits the larger loan.
    const ceiling = startUp.parameters.find((p) => p.id === 'loanCeilingFen')!;
    const params2027 = { ...parameters, loanCeilingFen: parameterValueOn(ceiling, '2027-01-01') };
    expect(checked({ ...eligibility, loanAmountFen: 35_000_000 }, params2027).snapshot.state).toBe('guaranteeReview');
  });

  it('keeps the guarantee reviewer and the interest approver apart from whoever prepared the case', () => {
    const inReview = checked().snapshot;
    for (const event of [{ type: 'approveGuarantee', data: { opinion: 'ok' } }, { type: 'reject', data: { rejectionReason: '无担保' } }]) {
      expect(refusal(() => step(loan, { snapshot: inReview, event, actor: makerAsReviewer, calendar, now: NOW, parameters })).code).toBe('MAKER_CHECKER_VIOLATION');
    }
    expect(step(loan, { snapshot: inReview, event: { type: 'reject', data: { rejectionReason: '征信不良' } }, actor: reviewer, calendar, now: NOW, parameters }).snapshot.state).toBe('rejected');

    const claimed = claim(disbursed(), {}).snapshot;
    const error = refusal(() => step(loan, { snapshot: claimed, event: { type: 'approveInterest', data: { opinion: 'ok' } }, actor: makerAsReviewer, calendar, now: NOW, parameters }));
    expect(error.details).toEqual({ event: 'approveInterest', sameActorAs: 'claimInterest' });
  });

  it('refuses a disbursement above the approved loan', () => {
    const approved = step(loan, { snapshot: checked().snapshot, event: { type: 'approveGuarantee', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-02-05T02:00:00.000Z', parameters });
    const error = refusal(() => step(loan, { snapshot: approved.snapshot, event: { type: 'disburse', data: { ...disbursement, disbursedAmountFen: 20_000_001 } }, actor: caseworker, calendar, now: '2026-03-20T02:00:00.000Z', parameters }));
    expect(violatedRules(error)).toEqual(['within-approved-amount']);
  });

  it('limits the subsidy by the LPR rule to the fen: principal × (rate − (LPR − 150 bp)) × days ÷ 360, and to the interest paid', () => {
    // 2026-Q2, 91 days: 20,000,000 × (345 − 300 + 150) bp × 91 / 360 = 98,583.3 fen.
    const snapshot = disbursed();
    expect(violatedRules(refusal(() => claim(snapshot, { amountFen: 98_584 })))).toEqual(['within-lpr-subsidy']);
    expect(claim(snapshot, { amountFen: 98_583 }).snapshot.state).toBe('interestClaimed');
    expect(violatedRules(refusal(() => claim(snapshot, { interestPaidFen: 50_000, amountFen: 50_001 })))).toEqual(['within-interest-paid']);
    const lpr = startUp.parameters.find((p) => p.id === 'lprBasisPoints')!;
    expect([parameterValueOn(lpr, '2024-10-20'), parameterValueOn(lpr, '2024-10-21'), parameterValueOn(lpr, '2025-05-20')]).toEqual([335, 310, 300]);
  });

  it('subsidises only quarters overlapping the loan term', () => {
    // Disbursed 2026-03-20 for 24 months: the term runs until 2028-03-20.
    const snapshot = disbursed();
    // 12 days of 2026-Q1 (20 to 31 March) and 79 of 2028-Q1 (1 January to 19 March) bear interest.
    expect(claim(snapshot, { period: '2026-Q1', amountFen: 13_000 }).snapshot.state).toBe('interestClaimed');
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2026-Q1', amountFen: 13_001 })))).toEqual(['within-lpr-subsidy']);
    expect(claim(snapshot, { period: '2028-Q1', amountFen: 85_583 }).snapshot.state).toBe('interestClaimed');
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2025-Q4' })))).toEqual(['within-lpr-subsidy', 'quarter-within-loan-term']);
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2028-Q2' })))).toEqual(['within-lpr-subsidy', 'quarter-within-loan-term']);
  });

  it('refuses a malformed quarter', () => {
    const error = refusal(() => claim(disbursed(), { period: '2026-Q5', amountFen: 0 }));
    expect(error.code).toBe('FORM_INVALID');
    expect(failingFields(error)).toEqual(['amountFen', 'period']);
  });

  it('returns a claim without paying it, and ends a loan in default or refuses a repayment dated before disbursement', () => {
    const claimed = claim(disbursed(), {}).snapshot;
    const returned = step(loan, { snapshot: claimed, event: { type: 'returnClaim', data: { returnReason: '结息单缺失' } }, actor: reviewer, calendar, now: NOW, parameters });
    expect(returned.snapshot.state).toBe('disbursed');
    expect(ledgerItems(returned.effects)).toEqual([]);
    expect(violatedRules(refusal(() => step(loan, { snapshot: returned.snapshot, event: { type: 'repay', data: { repaidOn: '2026-03-19' } }, actor: caseworker, calendar, now: NOW, parameters })))).toEqual(['repaid-after-disbursement']);
    const defaulted = step(loan, { snapshot: returned.snapshot, event: { type: 'default', data: { defaultedOn: '2026-12-21' } }, actor: caseworker, calendar, now: '2027-01-05T02:00:00.000Z', parameters });
    expect(defaulted.status).toBe('final');
    expect(defaulted.snapshot.state).toBe('defaulted');
  });
});

describe('start-up parameters and calendar months', () => {
  it('keeps every value within its bounds', () => {
    for (const p of startUp.parameters) {
      if (p.unit === 'codes') continue;
      for (const value of [p.default, ...(p.changes ?? []).map((c) => c.value)]) expect(p.min <= value && value <= p.max, p.id).toBe(true);
    }
  });

  it('adds months clamping to the end of a month, and bounds quarters', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    expect(quarterBounds('2028-Q1')).toEqual({ first: '2028-01-01', last: '2028-03-31' });
    expect(quarterBounds('2026-Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
    expect(quarterBounds('2026-Q5')).toBeUndefined();
  });
});
