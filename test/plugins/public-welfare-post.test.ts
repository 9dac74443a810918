import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor, type CaseSnapshot, type StepResult } from '../../engine/index.ts';
import { statutoryRetirement } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const publicWelfarePost = ministryPackage('public-welfare-post');
import { distinctFailingFields, kinds, ofKind, parametersOn, records, recordSelector, refusal, stepper, system, violatedRules, type StepOptions } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

const compiled = compile(publicWelfarePost.definitions[0], publicWelfarePost.implementations);

const caseworker: Actor = { id: 'u-sw-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-sw-2', name: '王五' };
const reviewer: Actor = { id: 'u-sr-1', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };

/** The local minimum wage since 2022-04-01 (203,000 fen), and before it (180,000 fen). */
const parameters = parametersOn(publicWelfarePost, '2026-07-15');
const oldParameters = parametersOn(publicWelfarePost, '2022-03-31');

/** A recognised, employed man; he retires in 2038-04, far beyond the 3-year term. */
const subject = { birthDate: '1975-08-20', gender: 'male', unemploymentStatus: 'none', employmentStatus: 'employed', difficultyStatus: 'recognized', unjustifiedRefusals: 0, hasCertificate: true };
const facts = { subject, registry: { employed: true, unemployed: false, recognized: true }, employer: { registered: true, name: '某街道办事处' }, paidMonths: [] as unknown[] };
const employerPayee = { employerCreditCode: '91350100M000100Y43', employerName: '某街道办事处', employerAccount: '35101234567890', employerBank: '建设银行福州分行' };
const placement = { ...employerPayee, postName: '社区保洁', placementStart: '2026-07-15', monthlySubsidyFen: 190_000, retirementCategory: 'male-60' };
/** The unit is paid, named by the placement form's fields. */
const paidToUnit = { kind: 'employer', code: employerPayee.employerCreditCode, name: employerPayee.employerName, account: employerPayee.employerAccount, bank: employerPayee.employerBank };

const T_PLACE = '2026-07-15T02:00:00.000Z';
const T_CLAIM = '2026-08-03T02:00:00.000Z';
const T_APPROVE = '2026-08-05T02:00:00.000Z';
const claim = { period: '2026-07', amountFen: 190_000 };

const act = stepper(compiled, { facts, parameters });

const approved = () => start(compiled, { actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', parameters }).snapshot;
/** A placement proposed at `at` and under public notice, optionally of another person or placement (a placement is recorded once it has begun). */
const noticed = (options: StepOptions = {}, at = T_PLACE) => act(approved(), 'place', caseworker, at, { ...options, data: { ...placement, ...options.data } });
/** When the notice's ending timer of a step is due. */
const noticeEnd = (result: StepResult) => ofKind(result.effects, 'timer.schedule').find((timer) => timer.timer === 'event' && timer.event === 'endNotice')!.at;
/** A placed case: proposed at `at`, its notice ended by its timer (the system) without objection. */
const placed = (options: StepOptions = {}, at = T_PLACE) => {
  const proposed = noticed(options, at);
  return act(proposed.snapshot, 'endNotice', system, noticeEnd(proposed), { facts: options.facts }).snapshot;
};
const submitted = () => act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: claim }).snapshot;

describe('public-welfare-post: placement', () => {
  it('opens the placement task at the subsidy window', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', parameters });
    expect(created.snapshot.state).toBe('postApproved');
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'postApproved', role: 'caseworker', post: 'subsidy-window', dueAt: addWorkingDays(calendar, '2026-07-10T02:00:00.000Z', 5).at, provisional: false });
  });

  it('places a recognised, employed person at a subsidy within the minimum wage once the public notice ends without objection', () => {
    const result = noticed();
    expect(result.snapshot.state).toBe('publicized');
    expect(result.snapshot.context.data).toEqual(placement);
    // Wednesday 15 July 2026: five working days end on Wednesday the 22nd, 23:59:59.999 China time.
    expect(result.effects).toContainEqual(expect.objectContaining({ kind: 'timer.schedule', timer: 'event', state: 'publicized', event: 'endNotice', at: '2026-07-22T15:59:59.999Z' }));
    const effective = act(result.snapshot, 'endNotice', system, '2026-07-22T15:59:59.999Z');
    expect(effective.snapshot.state).toBe('placed');
    expect(effective.snapshot.context.data).toEqual(placement);
    // Placed waits for claims: no task, no timer.
    expect(kinds(effective.effects)).toEqual(['timer.cancel', 'record']);
  });

  it('runs the notice for the working days in force; only the system ends it', () => {
    expect(parameters['noticeWorkingDays']).toBe(5);
    const tenDays = noticed({ parameters: { ...parameters, noticeWorkingDays: 10 } });
    expect(noticeEnd(tenDays)).toBe('2026-07-29T15:59:59.999Z');
    expect(refusal(() => act(noticed().snapshot, 'endNotice', caseworker, '2026-07-23T02:00:00.000Z')).code).toBe('ROLE_NOT_PERMITTED');
    // No claim before the placement takes effect.
    expect(refusal(() => act(noticed().snapshot, 'submitClaim', caseworker, T_CLAIM, { data: claim })).code).toBe('TRANSITION_NOT_AVAILABLE');
  });

  it('takes an objection during the notice back to the caseworker, who verifies again and may place or cancel', () => {
    const objected = act(noticed().snapshot, 'objection', system, '2026-07-17T02:00:00.000Z', { data: { objection: '据反映该人员家庭经济条件较好，不符合安置条件。' } });
    expect(objected.snapshot.state).toBe('postApproved');
    expect(objected.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'postApproved', role: 'caseworker', post: 'subsidy-window' }));
    expect(objected.effects).toContainEqual(expect.objectContaining({ kind: 'timer.cancel', state: 'publicized' }));
    expect(objected.snapshot.context.data['objection']).toBe('据反映该人员家庭经济条件较好，不符合安置条件。');
    expect(distinctFailingFields(refusal(() => act(noticed().snapshot, 'objection', system, '2026-07-17T02:00:00.000Z', { data: { objection: '' } })))).toEqual(['objection']);
    expect(act(objected.snapshot, 'place', caseworker, '2026-07-20T02:00:00.000Z', { data: placement }).snapshot.state).toBe('publicized');
    expect(act(objected.snapshot, 'cancel', caseworker, '2026-07-20T02:00:00.000Z', { data: { cancellationReason: '经核实不符合安置条件' } }).snapshot.state).toBe('ended');
  });

  it('ends a placement under notice when difficulty.ended is delivered', () => {
    const result = act(noticed().snapshot, 'difficultyEnded', system, '2026-07-17T02:00:00.000Z', { data: { endReason: 'difficulty-ended' } });
    expect([result.snapshot.state, result.status]).toEqual(['ended', 'final']);
  });

  it('refuses a person not recognised, not employed, an unregistered unit, or a subsidy above the minimum wage, naming each rule', () => {
    const place = (options: StepOptions) => refusal(() => act(approved(), 'place', caseworker, T_PLACE, { data: placement, ...options }));
    const notRecognised = place({ facts: { ...facts, subject: { ...subject, difficultyStatus: 'none' } } });
    expect(notRecognised.code).toBe('RULE_VIOLATION');
    expect(violatedRules(notRecognised)).toEqual(['difficulty-recognised']);
    expect(violatedRules(place({ facts: { ...facts, subject: { ...subject, employmentStatus: 'none' } } }))).toEqual(['employed']);
    expect(violatedRules(place({ facts: { ...facts, employer: { registered: false, name: null } } }))).toEqual(['employer-registered']);
    expect(violatedRules(place({ data: { ...placement, monthlySubsidyFen: 203_001 } }))).toEqual(['subsidy-within-minimum-wage']);
    const all = place({ facts: { ...facts, subject: { ...subject, employmentStatus: 'none', difficultyStatus: 'none' } }, parameters: oldParameters });
    expect(violatedRules(all)).toEqual(['difficulty-recognised', 'employed', 'subsidy-within-minimum-wage']);
  });

  it('bounds the subsidy by the minimum wage in force on the day: 180,000 fen until 2022-03-31, 203,000 from 2022-04-01', () => {
    expect(oldParameters['minimumWageFen']).toBe(180_000);
    expect(parametersOn(publicWelfarePost, '2022-04-01')['minimumWageFen']).toBe(203_000);
    expect(violatedRules(refusal(() => act(approved(), 'place', caseworker, T_PLACE, { data: placement, parameters: oldParameters })))).toEqual(['subsidy-within-minimum-wage']);
    expect(act(approved(), 'place', caseworker, T_PLACE, { data: { ...placement, monthlySubsidyFen: 203_000 }, parameters: parametersOn(publicWelfarePost, '2022-04-01') }).snapshot.state).toBe('publicized');
  });

  it('refuses a placement form failing its schema: fractional fen, bad credit code, missing fields', () => {
    const { retirementCategory: _omitted, ...withoutCategory } = placement;
    const error = refusal(() => act(approved(), 'place', caseworker, T_PLACE, { data: { ...withoutCategory, monthlySubsidyFen: 1500.5, employerCreditCode: '91350100M000100Y44' } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['employerCreditCode', 'monthlySubsidyFen', 'retirementCategory']);
    const { employerAccount: _account, ...withoutAccount } = placement;
    expect(distinctFailingFields(refusal(() => act(approved(), 'place', caseworker, T_PLACE, { data: withoutAccount })))).toEqual(['employerAccount']);
  });

  it('cancels before placement', () => {
    const result = act(approved(), 'cancel', caseworker, T_PLACE, { data: { cancellationReason: '本人放弃' } });
    expect([result.snapshot.state, result.status]).toEqual(['ended', 'final']);
  });
});

describe('public-welfare-post: claims and payment', () => {
  it('submits a claim to the reviewer, who pays it into the ledger with maker and checker recorded', () => {
    const submission = act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: claim });
    expect(submission.snapshot.state).toBe('claimSubmitted');
    expect(submission.effects).toContainEqual({ kind: 'task.open', state: 'claimSubmitted', role: 'reviewer', post: 'subsidy-review', dueAt: addWorkingDays(calendar, T_CLAIM, 5).at, provisional: false });

    const payment = act(submission.snapshot, 'approveClaim', reviewer, T_APPROVE, { data: { opinion: '考勤表齐全' } });
    expect(payment.snapshot.state).toBe('placed');
    expect(payment.snapshot.context.data['monthsPaid']).toBe(1);
    expect(ofKind(payment.effects, 'ledger.item')).toEqual([
      {
        kind: 'ledger.item',
        item: { subsidyType: 'public-welfare-post', item: 'public-welfare-post', period: '2026-07', fund: 'employment-subsidy', amountFen: 190_000, preparedBy: caseworker.id, approvedBy: reviewer.id, payee: paidToUnit },
      },
    ]);
  });

  it('pays month after month, counting the months paid', () => {
    const first = act(submitted(), 'approveClaim', reviewer, T_APPROVE, { data: { opinion: 'ok' } });
    const second = act(first.snapshot, 'submitClaim', caseworker, '2026-09-02T02:00:00.000Z', { data: { period: '2026-08', amountFen: 150_000 } });
    const paid = act(second.snapshot, 'approveClaim', reviewer, '2026-09-03T02:00:00.000Z', { data: { opinion: 'ok' } });
    expect(paid.snapshot.context.data['monthsPaid']).toBe(2);
    expect(ofKind(paid.effects, 'ledger.item')[0]?.item).toMatchObject({ period: '2026-08', amountFen: 150_000 });
  });

  it('returns a claim without paying; the corrected claim names its new preparer', () => {
    const returned = act(submitted(), 'returnClaim', reviewer, T_APPROVE, { data: { returnReason: '缺考勤表' } });
    expect(returned.snapshot.state).toBe('placed');
    expect(ofKind(returned.effects, 'ledger.item')).toEqual([]);
    const resubmitted = act(returned.snapshot, 'submitClaim', otherCaseworker, '2026-08-06T02:00:00.000Z', { data: { period: '2026-07', amountFen: 95_000 } });
    const paid = act(resubmitted.snapshot, 'approveClaim', reviewer, '2026-08-07T02:00:00.000Z', { data: { opinion: '按实际出勤折算' } });
    expect(paid.snapshot.context.data['monthsPaid']).toBe(1);
    expect(ofKind(paid.effects, 'ledger.item')[0]?.item).toEqual({
      subsidyType: 'public-welfare-post',
      item: 'public-welfare-post',
      period: '2026-07',
      fund: 'employment-subsidy',
      amountFen: 95_000,
      preparedBy: otherCaseworker.id,
      approvedBy: reviewer.id,
      payee: paidToUnit,
    });
  });

  it('refuses the preparer of a claim as its reviewer', () => {
    const makerAsReviewer: Actor = { ...reviewer, id: caseworker.id };
    const approve = refusal(() => act(submitted(), 'approveClaim', makerAsReviewer, T_APPROVE, { data: { opinion: 'ok' } }));
    expect(approve.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(approve.details).toEqual({ event: 'approveClaim', sameActorAs: 'submitClaim' });
    expect(refusal(() => act(submitted(), 'returnClaim', makerAsReviewer, T_APPROVE, { data: { returnReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    expect(refusal(() => act(submitted(), 'approveClaim', otherCaseworker, T_APPROVE, { data: { opinion: 'ok' } })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('refuses a claim above the agreed subsidy or above the minimum wage in force', () => {
    const tooMuch = refusal(() => act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, amountFen: 190_001 } }));
    expect(tooMuch.code).toBe('RULE_VIOLATION');
    expect(violatedRules(tooMuch)).toEqual(['claim-within-agreed-subsidy']);
    // Agreed at the minimum wage; a claim under an older, lower minimum wage exceeds it only.
    const atCap = placed({ data: { monthlySubsidyFen: 200_000 } });
    const overCap = refusal(() => act(atCap, 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, amountFen: 200_000 }, parameters: oldParameters }));
    expect(violatedRules(overCap)).toEqual(['claim-within-minimum-wage']);
  });

  it('refuses a month before the placement month or one that has not begun (China time)', () => {
    expect(violatedRules(refusal(() => act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: { ...claim, period: '2026-06' } })))).toEqual(['period-not-before-placement']);
    // 15:00 UTC on 08-31 is still August in China; 16:00 UTC is 09-01.
    expect(violatedRules(refusal(() => act(placed(), 'submitClaim', caseworker, '2026-08-31T15:00:00.000Z', { data: { ...claim, period: '2026-09' } })))).toEqual(['period-not-in-future']);
    expect(act(placed(), 'submitClaim', caseworker, '2026-08-31T16:00:00.000Z', { data: { ...claim, period: '2026-09' } }).snapshot.state).toBe('claimSubmitted');
  });

  it('refuses claim forms failing their schema', () => {
    const error = refusal(() => act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: { period: '2026-13', amountFen: 0 } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['amountFen', 'period']);
  });
});

describe('public-welfare-post: the 3-year term and the near-retirement exception', () => {
  const LATER = '2032-06-10T02:00:00.000Z';
  const claimFor = (snapshot: CaseSnapshot, period: string, withFacts: Record<string, unknown> = facts) =>
    act(snapshot, 'submitClaim', caseworker, LATER, { data: { ...claim, period }, facts: withFacts });
  const refusedRules = (snapshot: CaseSnapshot, period: string, withFacts: Record<string, unknown> = facts) => violatedRules(refusal(() => claimFor(snapshot, period, withFacts)));

  it('pays 36 months from the placement month and no more', () => {
    const snapshot = placed();
    expect(claimFor(snapshot, '2029-06').snapshot.state).toBe('claimSubmitted');
    expect(refusedRules(snapshot, '2029-07')).toEqual(['within-subsidy-term']);
  });

  it('runs to retirement for a person within 5 years of it at placement, and only then', () => {
    // Born 1970-06: retires 2031-11 under the gradual delay.
    expect(statutoryRetirement('1970-06', 'male-60').retirementMonth).toBe('2031-11');
    const nearFacts = { ...facts, subject: { ...subject, birthDate: '1970-06-15' } };

    // Placed 2026-11: exactly 60 months before retirement, so the subsidy runs to 2031-10.
    const near = placed({ data: { placementStart: '2026-11-01' }, facts: nearFacts }, '2026-11-02T02:00:00.000Z');
    expect(claimFor(near, '2029-11', nearFacts).snapshot.state).toBe('claimSubmitted');
    expect(claimFor(near, '2031-10', nearFacts).snapshot.state).toBe('claimSubmitted');
    expect(refusedRules(near, '2031-11', nearFacts)).toEqual(['within-subsidy-term']);

    // Placed 2026-10: 61 months before retirement, so the 36-month term applies.
    const notNear = placed({ data: { placementStart: '2026-10-15' }, facts: nearFacts }, '2026-11-02T02:00:00.000Z');
    expect(claimFor(notNear, '2029-09', nearFacts).snapshot.state).toBe('claimSubmitted');
    expect(refusedRules(notNear, '2029-10', nearFacts)).toEqual(['within-subsidy-term']);
  });

  it('counts the months paid to the person in every placement and city: a 37th month is refused, unless within 5 years of retirement', () => {
    const paid = (n: number) => Array.from({ length: n }, (_, i) => ({ item: 'public-welfare-post', period: `2020-${String((i % 12) + 1).padStart(2, '0')}`, fund: 'employment-subsidy', amountFen: 150_000, approvedOn: '2021-01-05' }));
    const snapshot = placed();
    expect(claimFor(snapshot, '2026-07', { ...facts, paidMonths: paid(35) }).snapshot.state).toBe('claimSubmitted');
    expect(refusedRules(snapshot, '2026-07', { ...facts, paidMonths: paid(36) })).toEqual(['term-across-placements']);
    // Born 1970-06, placed 2026-11: within 5 years of retirement, so earlier placements do not end the subsidy.
    const nearFacts = { ...facts, subject: { ...subject, birthDate: '1970-06-15' }, paidMonths: paid(40) };
    const near = placed({ data: { placementStart: '2026-11-01' }, facts: nearFacts }, '2026-11-02T02:00:00.000Z');
    expect(claimFor(near, '2027-01', nearFacts).snapshot.state).toBe('claimSubmitted');
  });

  it("takes a woman's retirement from her declared category", () => {
    // Born 1974-03: retires 2030-04 as a cadre (55), so placed 2026-07 she is within 5 years.
    const womanFacts = { ...facts, subject: { ...subject, gender: 'female', birthDate: '1974-03-20' } };
    const cadre = placed({ data: { retirementCategory: 'female-55' }, facts: womanFacts });
    expect(claimFor(cadre, '2030-03', womanFacts).snapshot.state).toBe('claimSubmitted');
    expect(refusedRules(cadre, '2030-04', womanFacts)).toEqual(['within-subsidy-term']);
    // A woman declared in the men's category has no retirement month to count from: no claim passes.
    const undeclared = placed({ data: { retirementCategory: 'male-60' }, facts: womanFacts });
    expect(refusedRules(undeclared, '2027-01', womanFacts)).toEqual(['within-subsidy-term']);
  });
});

describe('public-welfare-post: ending', () => {
  it('ends by hand with a reason', () => {
    const result = act(placed(), 'end', caseworker, '2027-03-01T02:00:00.000Z', { data: { endReason: 'left-post' } });
    expect([result.snapshot.state, result.status]).toEqual(['ended', 'final']);
    expect(distinctFailingFields(refusal(() => act(placed(), 'end', caseworker, '2027-03-01T02:00:00.000Z', { data: { endReason: 'difficulty-ended' } })))).toEqual(['endReason']);
  });

  it('ends when difficulty.ended is delivered, with the subscription data, from the system only', () => {
    const [subscription] = publicWelfarePost.subscriptions;
    expect(subscription).toMatchObject({ event: 'difficulty.ended', process: 'public-welfare-post', send: 'difficultyEnded' });
    const event = { data: { ...subscription!.data } };
    const result = act(placed(), subscription!.send!, system, '2027-03-01T02:00:00.000Z', event);
    expect([result.snapshot.state, result.status]).toEqual(['ended', 'final']);
    expect(result.snapshot.context.data['endReason']).toBe('difficulty-ended');
    expect(refusal(() => act(placed(), 'difficultyEnded', caseworker, '2027-03-01T02:00:00.000Z', event)).code).toBe('ROLE_NOT_PERMITTED');
    expect(refusal(() => act(placed(), 'difficultyEnded', system, '2027-03-01T02:00:00.000Z', { data: { endReason: 'other' } })).code).toBe('FORM_INVALID');
  });
});

describe('public-welfare-post: indicator', () => {
  const selects = recordSelector('public-welfare-post');

  it('counts reviews of claims, approved or returned, against the 5-day deadline', () => {
    const deadline = addWorkingDays(calendar, T_CLAIM, 5).at;
    const all = [
      ...records(act(placed(), 'submitClaim', caseworker, T_CLAIM, { data: claim })),
      ...records(act(submitted(), 'approveClaim', reviewer, T_APPROVE, { data: { opinion: 'ok' } })),
      ...records(act(submitted(), 'returnClaim', reviewer, new Date(Date.parse(deadline) + 1).toISOString(), { data: { returnReason: '逾期退回' } })),
    ];
    const [indicator] = publicWelfarePost.indicators;
    expect(all.filter((r) => selects(indicator!.denominator, r)).map((r) => r.event)).toEqual(['approveClaim', 'returnClaim']);
    expect(all.filter((r) => selects(indicator!.numerator, r)).map((r) => r.event)).toEqual(['approveClaim']);
  });
});
