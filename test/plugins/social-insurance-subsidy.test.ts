import { describe, expect, it } from 'vitest';
import { compile, parameterValueOn, start, step, type Actor, type CaseSnapshot } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const socialInsuranceSubsidy = ministryPackage('social-insurance-subsidy');
import { futureDayFields, ledgerItems, paidToSubject, refusal, system, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

/** Form data, facts or parameters as the engine takes them. */
type Data = Record<string, unknown>;

const compiled = compile(socialInsuranceSubsidy.definitions[0], socialInsuranceSubsidy.implementations);

const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-3', name: '王五' };
const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };

const parameters = { monthlyCapFen: 80_000, flexibleShareMaxPercent: 67, termMonths: 36, nearRetirementYears: 5, graduateTermMonths: 24, graduateWindowMonths: 12 };
const recognized: Data = { subject: { birthDate: '1975-04-02', gender: 'female', difficultyStatus: 'recognized' }, registry: { employed: true, unemployed: false }, paidMonths: [] };
const notRecognized = { ...recognized, subject: { ...(recognized['subject'] as Data), difficultyStatus: 'none' } };
const employerFacts = (registered: boolean) => ({ ...recognized, employer: { registered, name: registered ? '福州示例科技有限公司' : null } });

const flexible = { workerType: 'flexible', category: 'age-4050', employmentStart: '2026-09-01', recognizedOn: '2026-08-20', retirementCategory: 'female-55' };
const unitAccount = { employerName: '福州示例科技有限公司', employerAccount: '35101588001052500817', employerBank: '中国建设银行福州分行' };
const hired = { ...flexible, workerType: 'employer-hired', employerCreditCode: '91350100M000100Y43', ...unitAccount, category: 'disability' };

function approved(verification: Data = flexible, facts: Data = recognized): CaseSnapshot {
  const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
  const verified = step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: verification }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts, parameters });
  return step(compiled, { snapshot: verified.snapshot, event: { type: 'approve', data: { opinion: '符合条件' } }, actor: reviewer, calendar, now: '2026-09-03T02:00:00.000Z', facts, parameters }).snapshot;
}

function claim(snapshot: CaseSnapshot, data: Data, options: { facts?: Data; parameters?: Data; now?: string } = {}) {
  return step(compiled, {
    snapshot,
    event: { type: 'submitClaim', data },
    actor: caseworker,
    calendar, now: options.now ?? '2026-10-20T02:00:00.000Z',
    facts: options.facts ?? recognized,
    parameters: { ...parameters, ...options.parameters },
  });
}

describe('social insurance subsidy: application', () => {
  it('opens the intake at the subsidy window and the review at the review post, five working days each', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    expect(created.snapshot.state).toBe('applied');
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'applied', role: 'caseworker', post: 'subsidy-window', dueAt: '2026-09-08T15:59:59.999Z', provisional: false });
    const verified = step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: flexible }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: recognized, parameters });
    expect(verified.snapshot.state).toBe('verified');
    expect(verified.effects).toContainEqual({ kind: 'task.open', state: 'verified', role: 'reviewer', post: 'subsidy-review', dueAt: '2026-09-09T15:59:59.999Z', provisional: false });
  });

  it('refuses a person not recognised as having employment difficulties, at intake and again at review', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    const atIntake = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: flexible }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: notRecognized, parameters }));
    expect(atIntake.code).toBe('RULE_VIOLATION');
    expect(violatedRules(atIntake)).toEqual(['difficulty-recognized']);

    const verified = step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: flexible }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: recognized, parameters });
    const atReview = refusal(() => step(compiled, { snapshot: verified.snapshot, event: { type: 'approve', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-09-03T02:00:00.000Z', facts: notRecognized, parameters }));
    expect(violatedRules(atReview)).toEqual(['difficulty-recognized']);
  });

  it('needs the employer credit code for an employer-hired person, and a registered employer', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    const { employerCreditCode: _code, employerAccount: _account, ...withoutCode } = hired;
    const missing = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: withoutCode }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: recognized, parameters }));
    expect(missing.code).toBe('FORM_INVALID');
    expect((missing.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['employerCreditCode', 'employerAccount']);

    const unregistered = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: hired }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: employerFacts(false), parameters }));
    expect(violatedRules(unregistered)).toEqual(['employer-registered']);
    const both = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: hired }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: { ...employerFacts(false), subject: notRecognized.subject }, parameters }));
    expect(violatedRules(both)).toEqual(['difficulty-recognized', 'employer-registered']);

    const ok = step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: hired }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: employerFacts(true), parameters });
    expect(ok.snapshot.state).toBe('verified');
  });

  it('refuses a bad credit code and unknown fields', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    const error = refusal(() =>
      step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: { ...hired, employerCreditCode: '91350100M000100Y44', extra: 1 } }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: employerFacts(true), parameters }),
    );
    expect(error.code).toBe('FORM_INVALID');
    expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['employerCreditCode', 'extra']);
  });

  it('keeps the reviewer apart from whoever verified the application, for approval and rejection alike', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    const verified = step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data: flexible }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: recognized, parameters });
    const makerAsReviewer = { ...reviewer, id: caseworker.id };
    for (const event of [{ type: 'approve', data: { opinion: 'ok' } }, { type: 'reject', data: { rejectionReason: '材料不全' } }]) {
      const error = refusal(() => step(compiled, { snapshot: verified.snapshot, event, actor: makerAsReviewer, calendar, now: '2026-09-03T02:00:00.000Z', facts: recognized, parameters }));
      expect(error.code).toBe('MAKER_CHECKER_VIOLATION');
    }
    const rejected = step(compiled, { snapshot: verified.snapshot, event: { type: 'reject', data: { rejectionReason: '材料不全' } }, actor: reviewer, calendar, now: '2026-09-03T02:00:00.000Z' });
    expect(rejected.status).toBe('final');
    expect(rejected.snapshot.state).toBe('rejected');
  });
});

describe('social insurance subsidy: monthly claims', () => {
  it('pays an approved claim into the ledger for its month, prepared by the caseworker and approved by the reviewer', () => {
    const submitted = claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 });
    expect(submitted.snapshot.state).toBe('claimSubmitted');
    expect(submitted.effects).toContainEqual({ kind: 'task.open', state: 'claimSubmitted', role: 'reviewer', post: 'subsidy-review', dueAt: '2026-10-27T15:59:59.999Z', provisional: false });

    const paid = step(compiled, { snapshot: submitted.snapshot, event: { type: 'approveClaim', data: { opinion: '与社保缴费记录一致' } }, actor: reviewer, calendar, now: '2026-10-21T02:00:00.000Z', facts: recognized, parameters });
    expect(paid.snapshot.state).toBe('approved');
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'social-insurance-subsidy', item: 'social-insurance-subsidy', period: '2026-10', fund: 'employment-subsidy', amountFen: 60_000, preparedBy: 'u-1', approvedBy: 'u-2', payee: paidToSubject },
    ]);
    expect(paid.snapshot.context.data['monthsPaid']).toBe(1);

    // The next month is prepared by another caseworker: the ledger names whoever prepared it.
    const next = step(compiled, { snapshot: paid.snapshot, event: { type: 'submitClaim', data: { period: '2026-11', contributionPaidFen: 90_000, amountFen: 50_000 } }, actor: otherCaseworker, calendar, now: '2026-11-20T02:00:00.000Z', facts: recognized, parameters });
    const paidAgain = step(compiled, { snapshot: next.snapshot, event: { type: 'approveClaim', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-11-21T02:00:00.000Z', facts: recognized, parameters });
    expect(ledgerItems(paidAgain.effects)).toEqual([expect.objectContaining({ period: '2026-11', amountFen: 50_000, preparedBy: 'u-3', approvedBy: 'u-2', payee: paidToSubject })]);
    expect(paidAgain.snapshot.context.data['monthsPaid']).toBe(2);
  });

  it("pays a hire's claim to the employer named at verification, and a flexible worker's to the person, each refused the other way", () => {
    const hire = claim(approved(hired, employerFacts(true)), { period: '2026-10', contributionPaidFen: 100_000, employerShareFen: 70_000, individualShareFen: 30_000, amountFen: 70_000 });
    const approve = (snapshot: CaseSnapshot, type: string) => step(compiled, { snapshot, event: { type, data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-21T02:00:00.000Z', facts: employerFacts(true), parameters });
    expect(violatedRules(refusal(() => approve(hire.snapshot, 'approveClaim')))).toEqual(['paid-to-person']);
    expect(ledgerItems(approve(hire.snapshot, 'approveEmployerClaim').effects)).toEqual([
      expect.objectContaining({ amountFen: 70_000, payee: { kind: 'employer', code: hired.employerCreditCode, name: unitAccount.employerName, account: unitAccount.employerAccount, bank: unitAccount.employerBank } }),
    ]);
    const own = claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 });
    expect(violatedRules(refusal(() => approve(own.snapshot, 'approveEmployerClaim')))).toEqual(['paid-to-employer']);
  });

  it('refuses a claim approved by whoever submitted it', () => {
    const submitted = claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 });
    const error = refusal(() => step(compiled, { snapshot: submitted.snapshot, event: { type: 'approveClaim', data: { opinion: 'ok' } }, actor: { ...reviewer, id: caseworker.id }, calendar, now: '2026-10-21T02:00:00.000Z', parameters }));
    expect(error.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(error.details).toEqual({ event: 'approveClaim', sameActorAs: 'submitClaim' });
  });

  it('returns a claim without paying it, and accepts a corrected one', () => {
    const submitted = claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 });
    const returned = step(compiled, { snapshot: submitted.snapshot, event: { type: 'returnClaim', data: { returnReason: '缴费金额与记录不符' } }, actor: reviewer, calendar, now: '2026-10-21T02:00:00.000Z', parameters });
    expect(returned.snapshot.state).toBe('approved');
    expect(ledgerItems(returned.effects)).toEqual([]);
    expect(returned.snapshot.context.data['monthsPaid']).toBeUndefined();
    expect(claim(returned.snapshot, { period: '2026-10', contributionPaidFen: 85_000, amountFen: 56_000 }).snapshot.state).toBe('claimSubmitted');
  });

  it('limits a flexible worker to two thirds of the contributions paid, to the fen', () => {
    const snapshot = approved();
    expect(claim(snapshot, { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 }).snapshot.state).toBe('claimSubmitted');
    // 60 300 is 67% of 90 000: within the default local share, above two thirds.
    const error = refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_300 }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['flexible-two-thirds']);
  });

  it('applies a smaller local share for flexible workers when the city sets one', () => {
    const snapshot = approved();
    const error = refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 90_000, amountFen: 50_000 }, { parameters: { flexibleShareMaxPercent: 50 } }));
    expect(violatedRules(error)).toEqual(['flexible-local-share']);
    expect(claim(snapshot, { period: '2026-10', contributionPaidFen: 90_000, amountFen: 45_000 }, { parameters: { flexibleShareMaxPercent: 50 } }).snapshot.state).toBe('claimSubmitted');
  });

  it("lets an employer's share be subsidised beyond two thirds of the contributions, never beyond that share or the contributions paid", () => {
    const snapshot = approved(hired, employerFacts(true));
    expect(claim(snapshot, { period: '2026-10', contributionPaidFen: 100_000, employerShareFen: 75_000, individualShareFen: 25_000, amountFen: 75_000 }).snapshot.state).toBe('claimSubmitted');
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 100_000, employerShareFen: 75_000, individualShareFen: 25_000, amountFen: 75_001 })))).toEqual(['employer-share-only']);
    const error = refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 70_000, employerShareFen: 50_000, individualShareFen: 20_000, amountFen: 75_000 }));
    expect(violatedRules(error)).toEqual(['within-contribution', 'employer-share-only']);
  });

  it("needs a hire's shares stated and adding up to the contributions; a flexible worker may leave them out", () => {
    const snapshot = approved(hired, employerFacts(true));
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 100_000, employerShareFen: 70_000, amountFen: 60_000 })))).toEqual(['employer-share-only', 'contribution-shares-add-up']);
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 100_000, employerShareFen: 70_000, individualShareFen: 30_001, amountFen: 60_000 })))).toEqual(['contribution-shares-add-up']);
    expect(claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses more than the monthly cap in force', () => {
    const snapshot = approved(hired, employerFacts(true));
    const data = { period: '2026-10', contributionPaidFen: 120_000, employerShareFen: 90_000, individualShareFen: 30_000, amountFen: 85_000 };
    const error = refusal(() => claim(snapshot, data));
    expect(violatedRules(error)).toEqual(['within-monthly-cap']);
    expect(claim(snapshot, data, { parameters: { monthlyCapFen: 90_000 } }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses a claim once the person is no longer recognised', () => {
    const error = refusal(() => claim(approved(), { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_000 }, { facts: notRecognized }));
    expect(violatedRules(error)).toEqual(['still-recognized']);
  });

  it('refuses a month that has not begun in China time', () => {
    const snapshot = approved();
    const data = { period: '2026-11', contributionPaidFen: 90_000, amountFen: 60_000 };
    // 2026-10-31T15:00Z is 23:00 on 31 October in China; 17:00Z is already 1 November.
    expect(violatedRules(refusal(() => claim(snapshot, data, { now: '2026-10-31T15:00:00.000Z' })))).toEqual(['period-begun']);
    expect(claim(snapshot, data, { now: '2026-10-31T17:00:00.000Z' }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses a malformed month and amounts that are not positive whole fen', () => {
    const error = refusal(() => claim(approved(), { period: '2026-13', contributionPaidFen: 900.5, amountFen: 0 }));
    expect(error.code).toBe('FORM_INVALID');
    expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['amountFen', 'contributionPaidFen', 'period']);
  });
});

/** The months from `first` on, `count` of them, as the personLedgerItems fact lists paid months. */
function paidMonths(first: string, count: number): Data[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = year * 12 + month - 1 + i;
    return { item: 'social-insurance-subsidy', period: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`, fund: 'employment-subsidy', amountFen: 60_000, approvedOn: '2026-01-01' };
  });
}

describe('social insurance subsidy: term and eligibility', () => {
  const month = { contributionPaidFen: 90_000, amountFen: 60_000 };

  it('refuses a month before the recognition or the start of employment, to the month', () => {
    const snapshot = approved({ ...flexible, employmentStart: '2026-08-31', recognizedOn: '2026-07-31' });
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2026-06' })))).toEqual(['not-before-recognition', 'not-before-employment-start']);
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2026-07' })))).toEqual(['not-before-employment-start']);
    expect(claim(snapshot, { ...month, period: '2026-08' }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses a recognition date or a start of employment after the day of verification (China time)', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    // 2026-09-02T16:30Z is already 3 September in China.
    const verify = (data: Data, now: string) => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data }, actor: caseworker, calendar, now, facts: recognized, parameters });
    expect(futureDayFields(refusal(() => verify({ ...flexible, recognizedOn: '2026-09-03', employmentStart: '2026-09-03' }, '2026-09-02T15:30:00.000Z')))).toEqual(['employmentStart', 'recognizedOn']);
    expect(verify({ ...flexible, recognizedOn: '2026-09-03', employmentStart: '2026-09-03' }, '2026-09-02T16:30:00.000Z').snapshot.state).toBe('verified');
  });

  it('counts every month paid to the person, and checks the term again at approval', () => {
    const snapshot = approved();
    const with35 = { ...recognized, paidMonths: paidMonths('2023-01', 35) };
    const with36 = { ...recognized, paidMonths: paidMonths('2023-01', 36) };
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2026-10' }, { facts: with36 })))).toEqual(['within-subsidy-term']);
    const submitted = claim(snapshot, { ...month, period: '2026-10' }, { facts: with35 });
    // Another city paid a month in between: the 36th was reached before this approval.
    const approveClaim = (facts: Data) => step(compiled, { snapshot: submitted.snapshot, event: { type: 'approveClaim', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-21T02:00:00.000Z', facts, parameters });
    expect(violatedRules(refusal(() => approveClaim(with36)))).toEqual(['within-subsidy-term']);
    expect(ledgerItems(approveClaim(with35).effects)).toEqual([expect.objectContaining({ period: '2026-10' })]);
  });

  it('runs to retirement when every month paid, the first included, lies within five years of it', () => {
    // A man born in January 1969 retires in 2030-02; 2025-02 is 60 months before it, 2025-01 is 61.
    const man: Data = { ...recognized, subject: { birthDate: '1969-01-15', gender: 'male', difficultyStatus: 'recognized' } };
    const snapshot = approved({ ...flexible, employmentStart: '2024-12-01', recognizedOn: '2024-12-01', retirementCategory: 'male-60' }, man);
    const later = { now: '2030-03-10T02:00:00.000Z' };
    expect(claim(snapshot, { ...month, period: '2028-02' }, { ...later, facts: { ...man, paidMonths: paidMonths('2025-02', 36) } }).snapshot.state).toBe('claimSubmitted');
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2028-01' }, { ...later, facts: { ...man, paidMonths: paidMonths('2025-01', 36) } })))).toEqual(['within-subsidy-term']);
    // The first month claimed counts as the start too.
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2025-01' }, { ...later, facts: { ...man, paidMonths: paidMonths('2025-02', 36) } })))).toEqual(['within-subsidy-term']);
    expect(claim(snapshot, { ...month, period: '2030-01' }, { ...later, facts: { ...man, paidMonths: paidMonths('2025-02', 36) } }).snapshot.state).toBe('claimSubmitted');
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2030-02' }, { ...later, facts: { ...man, paidMonths: paidMonths('2025-02', 10) } })))).toEqual(['before-retirement']);
  });

  it('takes a graduate who began flexible work at most 12 months after leaving school, recognised or not, for 24 months at two thirds', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-01T02:00:00.000Z', parameters });
    const graduate = { workerType: 'graduate-flexible', graduationDate: '2025-09-01', employmentStart: '2026-09-01' };
    const verify = (data: Data) => step(compiled, { snapshot: created.snapshot, event: { type: 'verify', data }, actor: caseworker, calendar, now: '2026-09-02T02:00:00.000Z', facts: notRecognized, parameters });
    expect(violatedRules(refusal(() => verify({ ...graduate, graduationDate: '2025-08-31' })))).toEqual(['graduate-within-window']);
    expect(violatedRules(refusal(() => verify({ ...graduate, graduationDate: '2026-09-02' })))).toEqual(['graduate-within-window']);
    const missing = refusal(() => verify({ workerType: 'graduate-flexible', employmentStart: '2026-09-01' }));
    expect((missing.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['graduationDate']);
    // A person with employment difficulties states the category, recognition date and retirement category.
    const flexibleMissing = refusal(() => verify({ workerType: 'flexible', employmentStart: '2026-09-01' }));
    expect((flexibleMissing.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['category', 'recognizedOn', 'retirementCategory']);

    const verified = verify(graduate);
    const snapshot = step(compiled, { snapshot: verified.snapshot, event: { type: 'approve', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-09-03T02:00:00.000Z', facts: notRecognized, parameters }).snapshot;
    expect(snapshot.state).toBe('approved');
    expect(violatedRules(refusal(() => claim(snapshot, { period: '2026-10', contributionPaidFen: 90_000, amountFen: 60_001 }, { facts: notRecognized })))).toEqual(['flexible-two-thirds']);
    expect(claim(snapshot, { ...month, period: '2026-10' }, { facts: { ...notRecognized, paidMonths: paidMonths('2024-10', 23) } }).snapshot.state).toBe('claimSubmitted');
    expect(violatedRules(refusal(() => claim(snapshot, { ...month, period: '2026-10' }, { facts: { ...notRecognized, paidMonths: paidMonths('2024-10', 24) } })))).toEqual(['graduate-term']);
  });
});

describe('social insurance subsidy: ending', () => {
  it('ends when the caseworker stops it', () => {
    const ended = step(compiled, { snapshot: approved(), event: { type: 'end', data: { endReason: 'term-expired' } }, actor: caseworker, calendar, now: '2026-12-01T02:00:00.000Z' });
    expect(ended.status).toBe('final');
    expect(ended.snapshot.state).toBe('ended');
  });

  it('ends, as the system, with the data its subscription to difficulty.ended sends', () => {
    const subscription = socialInsuranceSubsidy.subscriptions.find((s) => s.event === 'difficulty.ended');
    expect(subscription).toMatchObject({ process: 'social-insurance-subsidy', send: 'difficultyEnded' });
    const event = { type: subscription!.send!, data: { ...subscription!.data } };
    const ended = step(compiled, { snapshot: approved(), event, actor: system, calendar, now: '2026-12-01T02:00:00.000Z' });
    expect(ended.snapshot.state).toBe('ended');
    expect(ended.snapshot.context.data['endReason']).toBe('difficulty-ended');
    expect(refusal(() => step(compiled, { snapshot: approved(), event, actor: caseworker, calendar, now: '2026-12-01T02:00:00.000Z' })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it("leaves a graduate's subsidy running when a difficulty recognition of the person ends", () => {
    const graduate = approved({ workerType: 'graduate-flexible', graduationDate: '2026-06-30', employmentStart: '2026-08-01' }, notRecognized);
    const event = { type: 'difficultyEnded', data: { endReason: 'difficulty-ended' } };
    expect(violatedRules(refusal(() => step(compiled, { snapshot: graduate, event, actor: system, calendar, now: '2026-12-01T02:00:00.000Z' })))).toEqual(['rests-on-recognition']);
  });
});

describe('social insurance subsidy: parameters', () => {
  it('keeps every value within its bounds and raises the monthly cap on its effective date', () => {
    for (const p of socialInsuranceSubsidy.parameters) {
      if (p.unit === 'codes') continue;
      for (const value of [p.default, ...(p.changes ?? []).map((c) => c.value)]) expect(p.min <= value && value <= p.max, p.id).toBe(true);
    }
    const cap = socialInsuranceSubsidy.parameters.find((p) => p.id === 'monthlyCapFen')!;
    expect(parameterValueOn(cap, '2026-12-31')).toBe(80_000);
    expect(parameterValueOn(cap, '2027-01-01')).toBe(90_000);
  });
});
