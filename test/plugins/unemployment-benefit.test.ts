import { describe, expect, it } from 'vitest';
import { compile, start, step, type Actor, type CaseData, type EventTimer, type StepResult } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const unemploymentBenefit = ministryPackage('unemployment-benefit');
import { entitlementMonths } from '../../runtime/extensions/index.ts';
import { eventTimers, failingFields, futureDayFields, ledgerItems, paidToSubject, parametersOn, refusal, system, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

const compiled = compile(unemploymentBenefit.definitions[0], unemploymentBenefit.implementations);

const caseworker: Actor = { id: 'u-bw-1', name: '张三', role: 'caseworker', post: 'benefit-window', orgUnit: 'o-1' };
const reviewer: Actor = { id: 'u-br-1', name: '李四', role: 'reviewer', post: 'benefit-review', orgUnit: 'o-1' };

const parameters = parametersOn(unemploymentBenefit, '2026-06-01');

const facts = {
  subject: { birthDate: '1985-04-12', gender: 'male', unemploymentStatus: 'registered', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: true },
  registry: { employed: false, unemployed: true, recognized: false },
  registration: { found: true, caseNo: 'SY3502002026000001', state: 'registered', enteredOn: '2026-05-20' },
};
const application = {
  contributionMonths: 30,
  separationReason: 'dismissed-by-employer',
  separationDate: '2026-05-15',
  registrationDate: '2026-05-20',
  carriedOverMonths: 0,
  bankAccount: '6222020200112233445',
};
const medicalAgency = { medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '建设银行厦门分行' };
const approval = { months: 12, monthlyAmountFen: 189_000, ...medicalAgency };
const medicalPayee = { kind: 'institution', code: medicalAgency.medicalAgencyCode, name: medicalAgency.medicalAgencyName, account: medicalAgency.medicalAgencyAccount, bank: medicalAgency.medicalAgencyBank };

/**
 * The social insurance agency's answer (package 1.1.0: the rules read `facts.insurance`, not the typed
 * months): here the months the form or the case data states, as the agency would have answered them.
 */
function insuranceFact(data: CaseData): Record<string, unknown> {
  return { found: true, contributionMonths: data['contributionMonths'], contributionsPaidFen: 1_234_500, asOf: '2026-06-01T00:00:00.000Z', source: { member: '350200-SI', messageId: '3f0c2a4e-0000-4000-8000-000000000001' }, caseworkerEntered: false };
}

/** The facts a step reads: the checked case's agency answer beside the others. */
function withInsurance(data: CaseData, withFacts: Record<string, unknown> = facts): Record<string, unknown> {
  return 'insurance' in withFacts ? withFacts : { ...withFacts, insurance: insuranceFact(data) };
}

function applied(): StepResult {
  return start(compiled, { actor: caseworker, calendar, now: '2026-06-01T01:00:00.000Z', parameters });
}

function check(form: CaseData = application, withFacts: Record<string, unknown> = facts): StepResult {
  return step(compiled, { snapshot: applied().snapshot, event: { type: 'check', data: form }, actor: caseworker, calendar, now: '2026-06-02T02:00:00.000Z', facts: withInsurance(form, withFacts), parameters });
}

function approve(form: CaseData = approval, checked: StepResult = check(), params: Record<string, unknown> = parameters, actor: Actor = reviewer): StepResult {
  return step(compiled, { snapshot: checked.snapshot, event: { type: 'approve', data: form }, actor, calendar, now: '2026-06-04T02:00:00.000Z', facts: withInsurance(checked.snapshot.context.data), parameters: params });
}

function armedTimer(result: StepResult): EventTimer {
  const timers = eventTimers(result.effects);
  expect(timers).toHaveLength(1);
  return timers[0]!;
}

/** What the runtime does when the armed timer comes due: send its event as the system, at its time. */
function fire(result: StepResult, event?: string, params: Record<string, unknown> = parameters): StepResult {
  const timer = armedTimer(result);
  return step(compiled, { snapshot: result.snapshot, event: { type: event ?? timer.event, data: timer.data }, actor: system, calendar, now: timer.at, parameters: params });
}

function send(result: StepResult, type: string, data: CaseData, actor: Actor, now: string): StepResult {
  return step(compiled, { snapshot: result.snapshot, event: { type, data }, actor, calendar, now, facts: withInsurance(result.snapshot.context.data), parameters });
}

describe('unemployment benefit: application and review', () => {
  it('opens the benefit window task, then the review task, then starts paying at once', () => {
    const created = applied();
    expect(created.snapshot.state).toBe('applied');
    expect(created.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', role: 'caseworker', post: 'benefit-window', provisional: false }));

    const checked = check();
    expect(checked.snapshot.state).toBe('checked');
    expect(checked.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', role: 'reviewer', post: 'benefit-review', provisional: false }));

    const approved = approve();
    expect(approved.snapshot.state).toBe('receiving');
    expect(approved.status).toBe('active');
    expect(approved.effects.find((e) => e.kind === 'record')).toMatchObject({ record: { event: 'approve', onTime: true } });
    // The month of approval is paid at once; the approval itself pays nothing.
    expect(ledgerItems(approved.effects)).toEqual([]);
    expect(armedTimer(approved)).toEqual({
      kind: 'timer.schedule',
      timer: 'event',
      state: 'receiving',
      at: '2026-06-04T02:00:00.000Z',
      event: 'pay',
      otherwise: 'exhaust',
      data: { period: '2026-06' },
      workingDays: false,
      provisional: false,
    });
  });

  it('pays month after month on the first day, from the unemployment insurance fund, prepared by the system and approved by the reviewer', () => {
    let result = approve();
    const expected = [
      { period: '2026-06', next: '2026-06-30T16:00:00.000Z', nextPeriod: '2026-07' },
      { period: '2026-07', next: '2026-07-31T16:00:00.000Z', nextPeriod: '2026-08' },
      { period: '2026-08', next: '2026-08-31T16:00:00.000Z', nextPeriod: '2026-09' },
    ];
    expected.forEach(({ period, next, nextPeriod }, i) => {
      result = fire(result);
      expect(result.snapshot.state).toBe('receiving');
      expect(ledgerItems(result.effects)).toEqual([
        // To the person, at the account the application names.
        { subsidyType: 'unemployment-benefit', item: 'unemployment-benefit', period, fund: 'unemployment-insurance', amountFen: 189_000, payee: { ...paidToSubject, account: application.bankAccount }, preparedBy: system.id, approvedBy: reviewer.id },
        { subsidyType: 'medical-insurance', item: 'medical-insurance', period, fund: 'unemployment-insurance', amountFen: parameters['medicalInsuranceMonthlyFen'], payee: medicalPayee, preparedBy: system.id, approvedBy: reviewer.id },
      ]);
      expect(result.snapshot.context.data['paidMonths']).toBe(i + 1);
      // Re-entering receiving drops the old timer and arms the next month's.
      expect(result.effects).toContainEqual({ kind: 'timer.cancel', state: 'receiving' });
      expect(armedTimer(result)).toMatchObject({ at: next, event: 'pay', otherwise: 'exhaust', data: { period: nextPeriod } });
    });
  });

  it('pays each month at the standard in force on its payment date, so a rise from July leaves June as it was', () => {
    const june = fire(approve(), undefined, parametersOn(unemploymentBenefit, '2026-06-01'));
    expect(ledgerItems(june.effects)[0]).toMatchObject({ period: '2026-06', amountFen: 189_000 });
    const july = fire(june, undefined, parametersOn(unemploymentBenefit, '2026-07-01'));
    expect(ledgerItems(july.effects)[0]).toMatchObject({ period: '2026-07', amountFen: 196_000 });
  });

  it('refuses each eligibility rule of the check on its own', () => {
    const refused = (form: CaseData, withFacts: Record<string, unknown> = facts) => violatedRules(refusal(() => check(form, withFacts)));
    expect(refused(application, { ...facts, subject: { ...facts.subject, unemploymentStatus: 'none' } })).toEqual(['registered-unemployed']);
    expect(refused(application, { ...facts, registry: { ...facts.registry, employed: true } })).toEqual(['not-employed']);
    expect(refused({ ...application, contributionMonths: 11 })).toEqual(['minimum-contribution']);
    // The agency's months decide, whatever the form says.
    expect(refused(application, { ...facts, insurance: { ...insuranceFact(application), contributionMonths: 11 } })).toEqual(['minimum-contribution']);
    expect(check({ ...application, contributionMonths: 11 }, { ...facts, insurance: insuranceFact({ contributionMonths: 12 }) }).snapshot.state).toBe('checked');
    expect(refused({ ...application, separationReason: 'resigned-voluntarily' })).toEqual(['involuntary-separation']);
    expect(refused({ ...application, separationReason: 'mutual-agreement-employee-proposed' })).toEqual(['involuntary-separation']);
    expect(refused({ ...application, registrationDate: '2026-05-14' })).toEqual(['registered-after-separation']);
    expect(futureDayFields(refusal(() => check({ ...application, registrationDate: '2026-06-03' }, facts)))).toEqual(['registrationDate']);
    // Every failing rule is named at once.
    expect(refused({ ...application, contributionMonths: 6, separationReason: 'resigned-voluntarily' }, { ...facts, registry: { ...facts.registry, employed: true } })).toEqual([
      'not-employed',
      'minimum-contribution',
      'involuntary-separation',
    ]);
  });

  it('accepts exactly twelve insured months and every involuntary reason', () => {
    expect(check({ ...application, contributionMonths: 12 }).snapshot.state).toBe('checked');
    for (const separationReason of ['contract-expired-not-renewed', 'dismissed-by-employer', 'economic-layoff', 'employer-bankrupt', 'employer-closed', 'mutual-agreement-employer-proposed', 'resigned-for-employer-fault']) {
      expect(check({ ...application, separationReason }).snapshot.state, separationReason).toBe('checked');
    }
  });

  it('refuses an application form failing its schema, naming every field', () => {
    const bad = { ...application, contributionMonths: 12.5, carriedOverMonths: 25, bankAccount: '62-22', separationDate: '15/05/2026', extra: true };
    const error = refusal(() => check(bad));
    expect(error.code).toBe('FORM_INVALID');
    expect(failingFields(error)).toEqual(['bankAccount', 'carriedOverMonths', 'contributionMonths', 'extra', 'separationDate']);
    const { bankAccount: _omitted, ...withoutAccount } = application;
    expect(failingFields(refusal(() => check(withoutAccount)))).toEqual(['bankAccount']);
  });

  it('lets the caseworker reject an application and the reviewer reject a checked one, both ending rejected', () => {
    const byCaseworker = send(applied(), 'reject', { rejectionReason: '缴费不足' }, caseworker, '2026-06-02T02:00:00.000Z');
    expect(byCaseworker.snapshot.state).toBe('rejected');
    expect(byCaseworker.status).toBe('final');
    const byReviewer = send(check(), 'reject', { rejectionReason: '材料不实' }, reviewer, '2026-06-04T02:00:00.000Z');
    expect(byReviewer.snapshot.state).toBe('rejected');
    expect(byReviewer.status).toBe('final');
  });

  it('refuses the maker of the check as its reviewer, whether approving or rejecting', () => {
    const makerAsReviewer: Actor = { ...reviewer, id: caseworker.id };
    const approving = refusal(() => approve(approval, check(), parameters, makerAsReviewer));
    expect(approving.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(approving.details).toEqual({ event: 'approve', sameActorAs: 'check' });
    const rejecting = refusal(() => send(check(), 'reject', { rejectionReason: 'x' }, makerAsReviewer, '2026-06-04T02:00:00.000Z'));
    expect(rejecting.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(refusal(() => approve(approval, check(), parameters, caseworker)).code).toBe('ROLE_NOT_PERMITTED');
  });
});

describe('unemployment benefit: entitlement and amount', () => {
  it('works out the months from the contribution years plus carried-over months, at most 24', () => {
    expect(entitlementMonths(11, 10)).toBe(0);
    expect(entitlementMonths(12, 0)).toBe(12);
    expect(entitlementMonths(59, 0)).toBe(12);
    expect(entitlementMonths(60, 0)).toBe(18);
    expect(entitlementMonths(119, 0)).toBe(18);
    expect(entitlementMonths(120, 0)).toBe(24);
    expect(entitlementMonths(59, 3)).toBe(15);
    expect(entitlementMonths(70, 10)).toBe(24);
    expect(entitlementMonths(130, 6)).toBe(24);
  });

  it('approves only the entitled months', () => {
    const refusedMonths = (months: number, form: CaseData) => violatedRules(refusal(() => approve({ ...approval, months }, check(form))));
    expect(refusedMonths(11, application)).toEqual(['months-as-entitled']);
    expect(refusedMonths(13, application)).toEqual(['months-as-entitled']);
    expect(refusedMonths(12, { ...application, contributionMonths: 60 })).toEqual(['months-as-entitled']);
    expect(refusedMonths(18, { ...application, contributionMonths: 59, carriedOverMonths: 3 })).toEqual(['months-as-entitled']);
    expect(approve({ ...approval, months: 15 }, check({ ...application, contributionMonths: 59, carriedOverMonths: 3 })).snapshot.context.data['months']).toBe(15);
    expect(approve({ ...approval, months: 24 }, check({ ...application, contributionMonths: 70, carriedOverMonths: 10 })).snapshot.state).toBe('receiving');
  });

  it('approves only the monthly amount in force, which rises on 2026-07-01', () => {
    expect(violatedRules(refusal(() => approve({ ...approval, monthlyAmountFen: 189_001 })))).toEqual(['amount-as-standard']);
    expect(violatedRules(refusal(() => approve({ ...approval, months: 13, monthlyAmountFen: 100_000 })))).toEqual(['months-as-entitled', 'amount-as-standard']);
    const after = parametersOn(unemploymentBenefit, '2026-07-01');
    expect(after['monthlyAmountFen']).toBe(196_000);
    expect(violatedRules(refusal(() => approve(approval, check(), after)))).toEqual(['amount-as-standard']);
    const raised = approve({ ...approval, monthlyAmountFen: 196_000 }, check(), after);
    expect(fire(raised, undefined, after).effects).toContainEqual(expect.objectContaining({ kind: 'ledger.item', item: expect.objectContaining({ amountFen: 196_000 }) }));
  });

  it('refuses an approval form failing its schema', () => {
    const error = refusal(() => approve({ ...approval, months: 25, monthlyAmountFen: 1890.5 }));
    expect(error.code).toBe('FORM_INVALID');
    expect(failingFields(error)).toEqual(['monthlyAmountFen', 'months']);
  });
});

describe('unemployment benefit: exhaustion', () => {
  it('pays each approved month once, then refuses pay and ends exhausted by the timer\'s otherwise', () => {
    let result = approve();
    const periods: string[] = [];
    for (let month = 0; month < 12; month++) {
      result = fire(result);
      periods.push(...ledgerItems(result.effects).filter((item) => item.item === 'unemployment-benefit').map((item) => item.period));
    }
    expect(periods).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    expect(result.snapshot.context.data['paidMonths']).toBe(12);

    const timer = armedTimer(result);
    expect(timer).toMatchObject({ at: '2027-05-31T16:00:00.000Z', data: { period: '2027-06' }, otherwise: 'exhaust' });
    const refused = refusal(() => fire(result));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(violatedRules(refused)).toEqual(['within-approved-months']);

    const exhausted = fire(result, timer.otherwise!);
    expect(exhausted.snapshot.state).toBe('exhausted');
    expect(exhausted.status).toBe('final');
    expect(ledgerItems(exhausted.effects)).toEqual([]);
    expect(eventTimers(exhausted.effects)).toEqual([]);
    expect(exhausted.effects).toContainEqual({ kind: 'emit', event: 'benefit.ended', payload: { months: 12, paidMonths: 12 } });
  });

  it('refuses exhaustion while approved months remain unpaid, and from anyone but the system', () => {
    const afterOneMonth = fire(approve());
    const early = refusal(() => send(afterOneMonth, 'exhaust', {}, system, '2026-06-30T16:00:00.000Z'));
    expect(early.code).toBe('RULE_VIOLATION');
    expect(violatedRules(early)).toEqual(['all-months-paid']);
    expect(refusal(() => send(afterOneMonth, 'exhaust', {}, caseworker, '2026-06-30T16:00:00.000Z')).code).toBe('ROLE_NOT_PERMITTED');
    expect(refusal(() => send(afterOneMonth, 'pay', { period: '2026-13' }, system, '2026-06-30T16:00:00.000Z')).code).toBe('FORM_INVALID');
  });
});

describe('unemployment benefit: suspension and termination', () => {
  /** Receiving, with June and July paid; the August timer armed. */
  function paidTwoMonths(): StepResult {
    return fire(fire(approve()));
  }

  it('does not pay the months spent suspended: the timer after resumption is for the current month', () => {
    const suspended = send(paidTwoMonths(), 'suspend', { suspensionReason: 'not-seeking-work' }, caseworker, '2026-07-10T02:00:00.000Z');
    expect(suspended.snapshot.state).toBe('suspended');
    expect(suspended.effects).toContainEqual({ kind: 'timer.cancel', state: 'receiving' });
    expect(eventTimers(suspended.effects)).toEqual([]);

    const resumed = send(suspended, 'resume', { resumptionNote: '已按规定求职' }, caseworker, '2026-10-14T02:00:00.000Z');
    expect(resumed.snapshot.state).toBe('receiving');
    expect(armedTimer(resumed)).toMatchObject({ at: '2026-10-14T02:00:00.000Z', event: 'pay', data: { period: '2026-10' } });

    const paid = fire(resumed);
    expect(ledgerItems(paid.effects).map((item) => [item.item, item.period])).toEqual([['unemployment-benefit', '2026-10'], ['medical-insurance', '2026-10']]);
    expect(paid.snapshot.context.data['paidMonths']).toBe(3);
    expect(armedTimer(paid)).toMatchObject({ at: '2026-10-31T16:00:00.000Z', data: { period: '2026-11' } });
  });

  it('does not pay a month twice when resumed in the month already paid', () => {
    const suspended = send(paidTwoMonths(), 'suspend', { suspensionReason: 'not-seeking-work' }, caseworker, '2026-07-10T02:00:00.000Z');
    const resumed = send(suspended, 'resume', { resumptionNote: '已恢复求职' }, caseworker, '2026-07-20T02:00:00.000Z');
    expect(armedTimer(resumed)).toMatchObject({ at: '2026-07-31T16:00:00.000Z', data: { period: '2026-08' } });
  });

  it('stops on employment registration mid-month: the month under way was paid, no later one is', () => {
    const stopped = send(paidTwoMonths(), 'employmentRegistered', { terminationReason: 'employed' }, system, '2026-07-15T02:00:00.000Z');
    expect(stopped.snapshot.state).toBe('terminated');
    expect(stopped.status).toBe('final');
    expect(stopped.effects).toContainEqual({ kind: 'timer.cancel', state: 'receiving' });
    expect(eventTimers(stopped.effects)).toEqual([]);
    expect(ledgerItems(stopped.effects)).toEqual([]);
    expect(stopped.effects).toContainEqual({ kind: 'emit', event: 'benefit.ended', payload: { terminationReason: 'employed', months: 12, paidMonths: 2 } });
  });

  it('lets only the system stop the benefit on coordination events, and only for their own reason', () => {
    const receiving = paidTwoMonths();
    expect(refusal(() => send(receiving, 'employmentRegistered', { terminationReason: 'employed' }, caseworker, '2026-07-15T02:00:00.000Z')).code).toBe('ROLE_NOT_PERMITTED');
    expect(violatedRules(refusal(() => send(receiving, 'employmentRegistered', { terminationReason: 'army' }, system, '2026-07-15T02:00:00.000Z')))).toEqual(['reason-employed']);
    expect(violatedRules(refusal(() => send(receiving, 'refusedSuitableWork', { terminationReason: 'employed' }, system, '2026-07-15T02:00:00.000Z')))).toEqual(['reason-refused-work']);
  });

  it('delivers each send subscription to receiving and suspended cases with data their rules accept', () => {
    const suspended = send(paidTwoMonths(), 'suspend', { suspensionReason: 'not-seeking-work' }, caseworker, '2026-07-10T02:00:00.000Z');
    const sends = unemploymentBenefit.subscriptions.filter((s) => s.send !== undefined);
    expect(sends.map((s) => [s.event, s.send])).toEqual([
      ['employment.registered', 'employmentRegistered'],
      ['referral.refused', 'refusedSuitableWork'],
    ]);
    for (const subscription of sends) {
      for (const from of [paidTwoMonths(), suspended]) {
        const ended = send(from, subscription.send!, { ...subscription.data }, system, '2026-07-15T02:00:00.000Z');
        expect(ended.snapshot.state, `${subscription.send} from ${from.snapshot.state}`).toBe('terminated');
        expect(ended.snapshot.context.data['terminationReason']).toBe(subscription.data?.['terminationReason']);
      }
    }
  });

  it('opens an eligibility check from an involuntary termination, prefilled with the separation date', () => {
    const opening = unemploymentBenefit.subscriptions.find((s) => s.start === true);
    expect(opening).toMatchObject({ event: 'employment.terminated', process: 'unemployment-benefit', when: 'payload.involuntary == true' });
    const payload: Record<string, unknown> = { employerCreditCode: '91350200MA2XXXXX1A', terminationDate: '2026-05-15', terminationReason: 'dismissed', involuntary: true };
    const data = Object.fromEntries(Object.entries(opening!.fromPayload ?? {}).map(([from, to]) => [to, payload[from]]));
    const created = start(compiled, { actor: system, calendar, now: '2026-05-16T02:00:00.000Z', data, parameters });
    expect(created.snapshot.state).toBe('applied');
    expect(created.snapshot.context.data).toEqual({ separationDate: '2026-05-15' });
    expect(created.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', role: 'caseworker', post: 'benefit-window', provisional: false }));
  });

  it('lets a caseworker terminate from receiving or suspended with a statutory reason', () => {
    const fromReceiving = send(paidTwoMonths(), 'terminate', { terminationReason: 'emigration' }, caseworker, '2026-07-15T02:00:00.000Z');
    expect(fromReceiving.snapshot.state).toBe('terminated');
    expect(fromReceiving.effects).toContainEqual({ kind: 'emit', event: 'benefit.ended', payload: { terminationReason: 'emigration', months: 12, paidMonths: 2 } });
    const suspended = send(paidTwoMonths(), 'suspend', { suspensionReason: 'not-seeking-work' }, caseworker, '2026-07-10T02:00:00.000Z');
    const fromSuspended = send(suspended, 'terminate', { terminationReason: 'pension' }, caseworker, '2026-08-03T02:00:00.000Z');
    expect(fromSuspended.snapshot.state).toBe('terminated');
    expect(refusal(() => send(suspended, 'terminate', { terminationReason: 'bored' }, caseworker, '2026-08-03T02:00:00.000Z')).code).toBe('FORM_INVALID');
    expect(refusal(() => send(suspended, 'pay', { period: '2026-08' }, system, '2026-07-31T16:00:00.000Z')).code).toBe('TRANSITION_NOT_AVAILABLE');
  });
});

describe('unemployment benefit: payments besides the monthly benefit', () => {
  it('never pays a month before the registration month', () => {
    const receiving = approve();
    expect(violatedRules(refusal(() => send(receiving, 'pay', { period: '2026-04' }, system, '2026-06-04T02:00:00.000Z')))).toEqual(['paid-from-registration-month']);
    expect(ledgerItems(send(receiving, 'pay', { period: '2026-05' }, system, '2026-06-04T02:00:00.000Z').effects).map((i) => i.period)).toEqual(['2026-05', '2026-05']);
  });

  it('pays the funeral grant and survivors allowance to the family member named, prepared by the caseworker who recorded the death', () => {
    const survivor = { deathDate: '2026-07-02', survivorIdNumber: '11010519491231002X', survivorName: '王秀英', survivorRelation: 'spouse', survivorAccount: '6217001930012345678', survivorBank: '建设银行厦门分行' };
    const recorded = send(fire(approve()), 'recordDeath', survivor, caseworker, '2026-07-03T02:00:00.000Z');
    expect(recorded.snapshot.state).toBe('deathReview');
    expect(eventTimers(recorded.effects)).toEqual([]);
    expect(refusal(() => send(recorded, 'approveDeathGrants', {}, { ...reviewer, id: caseworker.id }, '2026-07-06T02:00:00.000Z')).code).toBe('MAKER_CHECKER_VIOLATION');
    const paid = send(recorded, 'approveDeathGrants', {}, reviewer, '2026-07-06T02:00:00.000Z');
    expect(paid.snapshot.state).toBe('deceased');
    const payee = { kind: 'person', code: survivor.survivorIdNumber, name: survivor.survivorName, account: survivor.survivorAccount, bank: survivor.survivorBank };
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'funeral-grant', item: 'funeral-grant', period: 'once', fund: 'unemployment-insurance', amountFen: parameters['funeralGrantFen'], payee, preparedBy: caseworker.id, approvedBy: reviewer.id },
      { subsidyType: 'survivors-allowance', item: 'survivors-allowance', period: 'once', fund: 'unemployment-insurance', amountFen: parameters['survivorsAllowanceFen'], payee, preparedBy: caseworker.id, approvedBy: reviewer.id },
    ]);
    expect(paid.effects).toContainEqual({ kind: 'emit', event: 'benefit.ended', payload: { deathDate: '2026-07-02', months: 12, paidMonths: 1 } });
  });

  it('pays a rural contract worker one month per full year worked, at most the set months, to the worker, once for the separation', () => {
    const rural = check({ ...application, contributionMonths: 200, ruralContractWorker: true });
    const max = (parameters['ruralAllowanceMaxMonths'] as number) * (parameters['ruralAllowanceMonthlyFen'] as number);
    expect(violatedRules(refusal(() => send(rural, 'approveRuralAllowance', { allowanceFen: 16 * (parameters['ruralAllowanceMonthlyFen'] as number) }, reviewer, '2026-06-04T02:00:00.000Z')))).toEqual(['allowance-as-standard']);
    const paid = send(rural, 'approveRuralAllowance', { allowanceFen: max }, reviewer, '2026-06-04T02:00:00.000Z');
    expect(paid.snapshot.state).toBe('allowancePaid');
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'rural-worker-allowance', item: 'rural-worker-allowance', period: application.separationDate, fund: 'unemployment-insurance', amountFen: max, payee: paidToSubject, preparedBy: caseworker.id, approvedBy: reviewer.id },
    ]);
  });
});

describe('unemployment benefit: manifest', () => {
  it('counts indicators over events and states the definition has', () => {
    const { states } = compiled.definition;
    const events = new Set(Object.values(states).flatMap((s) => Object.keys(s.on)));
    for (const indicator of unemploymentBenefit.indicators) {
      for (const selector of [indicator.numerator, indicator.denominator]) {
        expect(selector.process).toBe('unemployment-benefit');
        if (selector.event) expect(events.has(selector.event), `${indicator.id} ${selector.event}`).toBe(true);
        if (selector.to) expect(states[selector.to], `${indicator.id} ${selector.to}`).toBeDefined();
      }
    }
  });

  it('locks paths that exist in the definition', () => {
    const parameterIds = new Set(unemploymentBenefit.parameters.map((p) => p.id));
    for (const lock of unemploymentBenefit.locks) {
      if (lock.element.startsWith('parameters.')) {
        expect(parameterIds.has(lock.element.slice('parameters.'.length)), lock.element).toBe(true);
        continue;
      }
      const found = lock.element.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], compiled.definition);
      expect(found, lock.element).toBeDefined();
    }
  });
});
