import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor, type CaseSnapshot } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { distinctFailingFields, futureDayFields, kinds, ledgerItems, ofKind, paidToSubject, parametersOn, records, recordSelector, refusal, stepper, system, type StepOptions, violatedRules } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';

const internship = ministryPackage('internship');
const compiled = compile(internship.definitions[0], internship.implementations);

const caseworker: Actor = { id: 'u-sw-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-sw-2', name: '王五' };
const reviewer: Actor = { id: 'u-sr-1', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };

const parameters = parametersOn(internship, '2026-03-10');

/** A graduate of 2025, not employed anywhere; the unit is registered. */
const subject = { birthDate: '2003-05-10', gender: 'female', unemploymentStatus: 'none', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: false };
const registry = { employed: false, unemployed: false, recognized: false };
const unit = { registered: true, name: '厦门示例科技有限公司' };
const facts = { subject, registry, unit };
const application = {
  group: 'graduate',
  graduationDate: '2025-06-30',
  unitCreditCode: '91350100M000100Y43',
  internshipPost: '行政助理',
  startDate: '2026-03-16',
  months: 6,
  monthlySubsidyFen: 150_000,
};

const T_APPLY = '2026-03-10T02:00:00.000Z';
const T_SUBMIT = '2026-03-11T02:00:00.000Z';
const T_APPROVE = '2026-03-12T02:00:00.000Z';
const T_CLAIM = '2026-04-02T02:00:00.000Z';
const T_PAY = '2026-04-03T02:00:00.000Z';
const claim = { period: '2026-03', attendanceDays: 12, amountFen: 80_000 };

const act = stepper(compiled, { facts, parameters });

const applied = () => start(compiled, { actor: caseworker, calendar, now: T_APPLY, parameters }).snapshot;
const submitted = (options: StepOptions = {}) => act(applied(), 'submit', caseworker, T_SUBMIT, { ...options, data: { ...application, ...options.data } }).snapshot;
const interning = (options: StepOptions = {}) => act(submitted(options), 'approve', reviewer, T_APPROVE, { data: { opinion: '符合见习条件' } }).snapshot;
const claimed = () => act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: claim }).snapshot;
/** Pays `period` on a case that is interning: a claim, then its approval. */
const pay = (snapshot: CaseSnapshot, period: string, now: string, amountFen = 150_000) => {
  const submission = act(snapshot, 'submitClaim', caseworker, now, { data: { period, attendanceDays: 21, amountFen } });
  return act(submission.snapshot, 'approveClaim', reviewer, now, { data: { paidPeriod: period, opinion: '考勤属实' } });
};

describe('internship: application and approval', () => {
  it('opens the intake at the subsidy window and the review at the subsidy review post', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: T_APPLY, parameters });
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'applied', role: 'caseworker', post: 'subsidy-window', dueAt: addWorkingDays(calendar, T_APPLY, 5).at, provisional: false });
    const submission = act(created.snapshot, 'submit', caseworker, T_SUBMIT, { data: application });
    expect(submission.snapshot.state).toBe('submitted');
    expect(submission.effects).toContainEqual({ kind: 'task.open', state: 'submitted', role: 'reviewer', post: 'subsidy-review', dueAt: addWorkingDays(calendar, T_SUBMIT, 5).at, provisional: false });
  });

  it('approves with a reviewer other than the one who submitted, emitting internship.approved', () => {
    const approval = act(submitted(), 'approve', reviewer, T_APPROVE, { data: { opinion: '符合见习条件' } });
    expect(approval.snapshot.state).toBe('interning');
    expect(ofKind(approval.effects, 'emit')).toEqual([{ kind: 'emit', event: 'internship.approved', payload: { unitCreditCode: '91350100M000100Y43', startDate: '2026-03-16', months: 6 } }]);
    const sameActor = refusal(() => act(submitted(), 'approve', { ...reviewer, id: caseworker.id }, T_APPROVE, { data: { opinion: 'ok' } }));
    expect(sameActor.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(sameActor.details).toEqual({ event: 'approve', sameActorAs: 'submit' });
    expect(refusal(() => act(submitted(), 'reject', { ...reviewer, id: caseworker.id }, T_APPROVE, { data: { rejectionReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    expect(refusal(() => act(submitted(), 'approve', otherCaseworker, T_APPROVE, { data: { opinion: 'ok' } })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('rejects or withdraws into final states', () => {
    expect(act(submitted(), 'reject', reviewer, T_APPROVE, { data: { rejectionReason: '见习岗位与专业不符' } }).snapshot.state).toBe('rejected');
    expect(act(applied(), 'withdraw', caseworker, T_SUBMIT, { data: { withdrawalReason: '本人已升学' } }).status).toBe('final');
  });

  it('refuses an unregistered unit, a person employed anywhere, a term out of bounds or a subsidy above the standard, naming each rule', () => {
    const submit = (options: StepOptions) => refusal(() => act(applied(), 'submit', caseworker, T_SUBMIT, { ...options, data: { ...application, ...options.data } }));
    const unregistered = submit({ facts: { ...facts, unit: { registered: false, name: null } } });
    expect(unregistered.code).toBe('RULE_VIOLATION');
    expect(violatedRules(unregistered)).toEqual(['unit-registered']);
    expect(violatedRules(submit({ facts: { ...facts, registry: { ...registry, employed: true } } }))).toEqual(['not-employed']);
    expect(violatedRules(submit({ data: { months: 2 } }))).toEqual(['period-within-bounds']);
    expect(violatedRules(submit({ data: { months: 13 } }))).toEqual(['period-within-bounds']);
    expect(violatedRules(submit({ data: { monthlySubsidyFen: 160_001 } }))).toEqual(['subsidy-within-standard']);
    expect(act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, months: 12, monthlySubsidyFen: 160_000 } }).snapshot.state).toBe('submitted');
  });

  it('takes the term bounds and the standard from the parameters in force locally', () => {
    const local = parametersOn(internship, '2026-03-10', { maxMonths: 6, monthlySubsidyFen: 140_000 });
    const error = refusal(() => act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, months: 9 }, parameters: local }));
    expect(violatedRules(error)).toEqual(['period-within-bounds', 'subsidy-within-standard']);
  });

  it('takes graduates who left school within two years of the start, and no earlier', () => {
    const submit = (graduationDate: string) => act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, graduationDate } });
    expect(submit('2024-03-17').snapshot.state).toBe('submitted');
    expect(violatedRules(refusal(() => submit('2024-03-16')))).toEqual(['graduate-within-years']);
    const error = refusal(() => act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, graduationDate: undefined } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['graduationDate']);
  });

  it('takes unemployed youths of 16 to 24 on the start date who are registered unemployed', () => {
    const youth = { group: 'unemployed-youth', graduationDate: undefined };
    const registered = { ...subject, unemploymentStatus: 'registered' };
    const submit = (birthDate: string, person: Record<string, unknown> = registered) =>
      act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, ...youth }, facts: { ...facts, subject: { ...person, birthDate } } });
    // 25 on 2026-03-17, the day after the start; 16 on the start date.
    expect(submit('2001-03-17').snapshot.state).toBe('submitted');
    expect(submit('2010-03-16').snapshot.state).toBe('submitted');
    expect(violatedRules(refusal(() => submit('2001-03-16')))).toEqual(['youth-age']);
    expect(violatedRules(refusal(() => submit('2010-03-17')))).toEqual(['youth-age']);
    expect(violatedRules(refusal(() => submit('2003-05-10', subject)))).toEqual(['youth-registered-unemployed']);
  });

  it('checks the unit and employment again at approval', () => {
    const approve = (changed: Record<string, unknown>) => refusal(() => act(submitted(), 'approve', reviewer, T_APPROVE, { data: { opinion: 'ok' }, facts: { ...facts, ...changed } }));
    expect(violatedRules(approve({ unit: { registered: false, name: null } }))).toEqual(['unit-registered']);
    expect(violatedRules(approve({ registry: { ...registry, employed: true } }))).toEqual(['not-employed']);
  });

  it('refuses an application failing its schema: bad credit code, fractional fen, unknown group', () => {
    const error = refusal(() => act(applied(), 'submit', caseworker, T_SUBMIT, { data: { ...application, unitCreditCode: '91350100M000100Y44', monthlySubsidyFen: 1500.5, group: 'student' } }));
    expect(distinctFailingFields(error)).toEqual(['group', 'monthlySubsidyFen', 'unitCreditCode']);
  });
});

describe('internship: monthly subsidy through the ledger', () => {
  it('pays an approved claim into the employment subsidy ledger with its preparer and approver, counting the month', () => {
    const submission = act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: claim });
    expect(submission.snapshot.state).toBe('claimSubmitted');
    expect(submission.effects).toContainEqual({ kind: 'task.open', state: 'claimSubmitted', role: 'reviewer', post: 'subsidy-review', dueAt: addWorkingDays(calendar, T_CLAIM, 5).at, provisional: false });
    const payment = act(submission.snapshot, 'approveClaim', reviewer, T_PAY, { data: { paidPeriod: '2026-03', opinion: '按出勤天数折算' } });
    expect(payment.snapshot.state).toBe('interning');
    expect(payment.snapshot.context.data).toMatchObject({ monthsPaid: 1, paidPeriod: '2026-03' });
    expect(ledgerItems(payment.effects)).toEqual([
      { subsidyType: 'internship-subsidy', item: 'internship-subsidy', period: '2026-03', fund: 'employment-subsidy', amountFen: 80_000, preparedBy: caseworker.id, approvedBy: reviewer.id, payee: paidToSubject },
    ]);
  });

  it('never pays a month twice: the case refuses a month paid or earlier, and the ledger key is the same for any case', () => {
    const paid = pay(interning(), '2026-03', T_CLAIM);
    const again = refusal(() => act(paid.snapshot, 'submitClaim', caseworker, T_CLAIM, { data: claim }));
    expect(again.code).toBe('RULE_VIOLATION');
    expect(violatedRules(again)).toEqual(['period-after-last-paid']);
    expect(act(paid.snapshot, 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, period: '2026-04' } }).snapshot.state).toBe('claimSubmitted');
    // A second internship of the same person paying the same month writes the same (item, period):
    // the ledger's unique key on ID number, item and period refuses it in any city.
    const other = pay(interning({ data: { unitCreditCode: '91350100M000100Y43', internshipPost: '档案整理' } }), '2026-03', T_CLAIM);
    const [first] = ledgerItems(paid.effects);
    const [second] = ledgerItems(other.effects);
    expect([second?.item, second?.period]).toEqual([first?.item, first?.period]);
  });

  it('pays at most the number of months of the internship', () => {
    let snapshot = interning({ data: { months: 3 } });
    for (const [period, now] of [['2026-03', '2026-04-02'], ['2026-04', '2026-05-06'], ['2026-05', '2026-06-02']] as const) snapshot = pay(snapshot, period, `${now}T02:00:00.000Z`).snapshot;
    expect(snapshot.context.data['monthsPaid']).toBe(3);
    const fourth = refusal(() => act(snapshot, 'submitClaim', caseworker, '2026-07-02T02:00:00.000Z', { data: { ...claim, period: '2026-06' } }));
    expect(violatedRules(fourth)).toEqual(['months-remaining']);
  });

  it('refuses a month outside the internship or one that has not begun in China', () => {
    expect(violatedRules(refusal(() => act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, period: '2026-02' } })))).toEqual(['period-within-internship']);
    // Started 2026-03-16 for 6 months: it runs into September, and not into October.
    expect(violatedRules(refusal(() => act(interning(), 'submitClaim', caseworker, '2026-10-09T02:00:00.000Z', { data: { ...claim, period: '2026-10' } })))).toEqual(['period-within-internship']);
    expect(act(interning(), 'submitClaim', caseworker, '2026-09-02T02:00:00.000Z', { data: { ...claim, period: '2026-09' } }).snapshot.state).toBe('claimSubmitted');
    // 15:59 UTC on 03-31 is still March in China; 16:00 UTC is 04-01.
    const april = { ...claim, period: '2026-04' };
    expect(violatedRules(refusal(() => act(interning(), 'submitClaim', caseworker, '2026-03-31T15:59:59.999Z', { data: april })))).toEqual(['period-has-begun']);
    expect(act(interning(), 'submitClaim', caseworker, '2026-03-31T16:00:00.000Z', { data: april }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses a claim above the agreed subsidy, or above the standard in force', () => {
    expect(violatedRules(refusal(() => act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, amountFen: 150_001 } })))).toEqual(['claim-within-agreed-subsidy']);
    const lowered = parametersOn(internship, '2026-04-01', { monthlySubsidyFen: 140_000 });
    expect(violatedRules(refusal(() => act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, amountFen: 145_000 }, parameters: lowered })))).toEqual(['claim-within-standard']);
  });

  it('refuses the preparer of a claim as its reviewer, and a confirmation of another month', () => {
    const makerAsReviewer = refusal(() => act(claimed(), 'approveClaim', { ...reviewer, id: caseworker.id }, T_PAY, { data: { paidPeriod: '2026-03', opinion: 'ok' } }));
    expect(makerAsReviewer.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(makerAsReviewer.details).toEqual({ event: 'approveClaim', sameActorAs: 'submitClaim' });
    expect(refusal(() => act(claimed(), 'returnClaim', { ...reviewer, id: caseworker.id }, T_PAY, { data: { returnReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    const wrongMonth = refusal(() => act(claimed(), 'approveClaim', reviewer, T_PAY, { data: { paidPeriod: '2026-04', opinion: 'ok' } }));
    expect(violatedRules(wrongMonth)).toEqual(['paid-period-confirmed']);
  });

  it('returns a claim without paying; the month may be claimed again', () => {
    const returned = act(claimed(), 'returnClaim', reviewer, T_PAY, { data: { returnReason: '缺考勤表' } });
    expect(returned.snapshot.state).toBe('interning');
    expect(ledgerItems(returned.effects)).toEqual([]);
    const resubmitted = act(returned.snapshot, 'submitClaim', otherCaseworker, T_PAY, { data: claim });
    const paid = act(resubmitted.snapshot, 'approveClaim', reviewer, T_PAY, { data: { paidPeriod: '2026-03', opinion: 'ok' } });
    expect(ledgerItems(paid.effects)[0]).toMatchObject({ period: '2026-03', preparedBy: otherCaseworker.id, approvedBy: reviewer.id });
  });
});

describe('internship: completion and early termination', () => {
  it('completes from the month the term ends, not earlier and not with a date after today', () => {
    const done = act(interning(), 'complete', caseworker, '2026-09-16T02:00:00.000Z', { data: { completionDate: '2026-09-16', assessment: 'passed', retained: true } });
    expect([done.snapshot.state, done.status]).toEqual(['ended', 'final']);
    const early = refusal(() => act(interning(), 'complete', caseworker, '2026-09-01T02:00:00.000Z', { data: { completionDate: '2026-08-31', assessment: 'passed', retained: false } }));
    expect(violatedRules(early)).toEqual(['planned-period-over']);
    const future = refusal(() => act(interning(), 'complete', caseworker, '2026-09-01T02:00:00.000Z', { data: { completionDate: '2026-09-02', assessment: 'passed', retained: false } }));
    expect(futureDayFields(future)).toEqual(['completionDate']);
  });

  it('ends early with a reason and a date not after today', () => {
    const ended = act(interning(), 'terminate', caseworker, '2026-05-06T02:00:00.000Z', { data: { terminationDate: '2026-05-06', endReason: 'left' } });
    expect([ended.snapshot.state, ended.status]).toEqual(['ended', 'final']);
    expect(futureDayFields(refusal(() => act(interning(), 'terminate', caseworker, '2026-05-06T02:00:00.000Z', { data: { terminationDate: '2026-05-07', endReason: 'left' } })))).toEqual(['terminationDate']);
    expect(distinctFailingFields(refusal(() => act(interning(), 'terminate', caseworker, '2026-05-06T02:00:00.000Z', { data: { terminationDate: '2026-05-06', endReason: 'employed' } })))).toEqual(['endReason']);
  });

  it('ends when employment.registered is delivered while interning; a claim under review does not listen', () => {
    const subscription = internship.subscriptions.find((s) => s.event === 'employment.registered');
    expect(subscription).toMatchObject({ process: 'internship', send: 'employmentRegistered', data: { endReason: 'employed' } });
    const event = { data: { ...subscription!.data } };
    const ended = act(interning(), 'employmentRegistered', system, '2026-06-01T02:00:00.000Z', event);
    expect([ended.snapshot.state, ended.snapshot.context.data['endReason']]).toEqual(['ended', 'employed']);
    expect(kinds(ended.effects)).toEqual(['record']);
    expect(refusal(() => act(claimed(), 'employmentRegistered', system, '2026-06-01T02:00:00.000Z', event)).code).toBe('TRANSITION_NOT_AVAILABLE');
    expect(refusal(() => act(interning(), 'employmentRegistered', caseworker, '2026-06-01T02:00:00.000Z', event)).code).toBe('ROLE_NOT_PERMITTED');
  });
});

describe('internship: indicators', () => {
  const selects = recordSelector('internship');
  const indicator = (id: string) => internship.indicators.find((i) => i.id === id)!;

  it('counts reviews of claims against the five-day deadline', () => {
    const late = new Date(Date.parse(addWorkingDays(calendar, T_CLAIM, 5).at) + 1).toISOString();
    const all = [
      ...records(act(interning(), 'submitClaim', caseworker, T_CLAIM, { data: claim })),
      ...records(act(claimed(), 'approveClaim', reviewer, T_PAY, { data: { paidPeriod: '2026-03', opinion: 'ok' } })),
      ...records(act(claimed(), 'returnClaim', reviewer, late, { data: { returnReason: '逾期退回' } })),
    ];
    const onTime = indicator('internship-claim-review-on-time-rate');
    expect(all.filter((r) => selects(onTime.denominator, r)).map((r) => r.event)).toEqual(['approveClaim', 'returnClaim']);
    expect(all.filter((r) => selects(onTime.numerator, r)).map((r) => r.event)).toEqual(['approveClaim']);
  });

  it('counts completions among the internships that ended', () => {
    const all = [
      ...records(act(interning(), 'complete', caseworker, '2026-09-16T02:00:00.000Z', { data: { completionDate: '2026-09-16', assessment: 'excellent', retained: false } })),
      ...records(act(interning(), 'terminate', caseworker, '2026-05-06T02:00:00.000Z', { data: { terminationDate: '2026-05-06', endReason: 'unit-ended' } })),
      ...records(act(interning(), 'employmentRegistered', system, '2026-06-01T02:00:00.000Z', { data: { endReason: 'employed' } })),
      ...records(act(applied(), 'withdraw', caseworker, T_SUBMIT, { data: { withdrawalReason: '放弃' } })),
    ];
    const completion = indicator('internship-completion-rate');
    expect(all.filter((r) => selects(completion.denominator, r)).map((r) => r.event)).toEqual(['complete', 'terminate', 'employmentRegistered']);
    expect(all.filter((r) => selects(completion.numerator, r)).map((r) => r.event)).toEqual(['complete']);
  });
});
