import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor, type StepResult } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const employmentDifficulty = ministryPackage('employment-difficulty');
import { distinctFailingFields, futureDayFields, kinds, ofKind, parametersOn, records, recordSelector, refusal, stepper, system, type StepOptions, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

const compiled = compile(employmentDifficulty.definitions[0], employmentDifficulty.implementations);

const caseworker: Actor = { id: 'u-aw-1', name: '张三', role: 'caseworker', post: 'assistance-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-aw-2', name: '王五' };
const reviewer: Actor = { id: 'u-ar-1', name: '李四', role: 'reviewer', post: 'assistance-review', orgUnit: 'o-1' };

const parameters = parametersOn(employmentDifficulty, '2026-09-28');

/** A registered unemployed woman of 46, so in the 4050 category; she retires in 2033-02 as a female-50 worker. */
const subject = { birthDate: '1980-05-10', gender: 'female', unemploymentStatus: 'registered', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: true };
/** The 低保 and disability facts are null for a category that does not ask the agencies (`askWhen`). */
const facts = { subject, registry: { employed: false, unemployed: true, recognized: false }, minimumLiving: null, disability: null };
/** The agencies' answers as the runtime records them (package 1.1.0), from civil affairs and the disabled persons' federation. */
const origin = { asOf: '2026-09-28T16:00:00.000Z', source: { member: '350200-910', messageId: '6c1d0f3a-0000-4000-8000-000000000001' }, caseworkerEntered: false };
const receiving = { found: true, receiving: true, since: '2025-03-01', ...origin };
const certificate = { found: true, holds: true, category: 'physical', grade: 3, validUntil: '2030-12-31', ...origin };
const verification = { category: 'age-4050', evidence: '身份证、失业登记证明', retirementCategory: 'female-50' };

const T_START = '2026-09-28T02:00:00.000Z';
/** Tuesday before the National Day holiday (10-01..10-07), with the make-up working Saturday 10-10 after it. */
const T_VERIFY = '2026-09-29T02:00:00.000Z';
const NOTICE_ENDS = '2026-10-12T15:59:59.999Z';
/** 2026-10-14 in China. */
const T_RECOGNIZE = '2026-10-14T02:00:00.000Z';
const VALID_UNTIL = '2028-10-14';

const act = stepper(compiled, { facts, parameters });

const applied = () => start(compiled, { actor: caseworker, calendar, now: T_START, parameters }).snapshot;
const publicized = () => act(applied(), 'verify', caseworker, T_VERIFY, { data: verification }).snapshot;
const reviewed = () => act(publicized(), 'endNotice', system, NOTICE_ENDS).snapshot;
const recognized = () => act(reviewed(), 'recognize', reviewer, T_RECOGNIZE, { data: { validUntil: VALID_UNTIL, opinion: '公示无异议' } }).snapshot;
const plan = { measures: ['job-referral', 'public-welfare-post'], nextVisitDate: '2026-11-02' };
const assisted = () => act(recognized(), 'startAssistance', caseworker, '2026-10-16T02:00:00.000Z', { data: plan }).snapshot;
const recheck = () => act(assisted(), 'employmentRegistered', system, '2026-11-20T02:00:00.000Z').snapshot;

describe('employment-difficulty: the main path', () => {
  it('opens the intake task at the assistance window', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: T_START, parameters });
    expect(created.snapshot.state).toBe('applied');
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'applied', role: 'caseworker', post: 'assistance-window', dueAt: addWorkingDays(calendar, T_START, 5).at, provisional: false });
  });

  it('verifies and publishes a notice of N working days, across the holiday and weekend', () => {
    const result = act(applied(), 'verify', caseworker, T_VERIFY, { data: verification });
    expect(result.snapshot.state).toBe('publicized');
    expect(kinds(result.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'timer.schedule']);
    // 09-30, 10-08, 10-09, Saturday 10-10 (make-up day), Monday 10-12: five working days.
    expect(NOTICE_ENDS).toBe(addWorkingDays(calendar, T_VERIFY, 5).at);
    expect(ofKind(result.effects, 'timer.schedule')).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'publicized', at: NOTICE_ENDS, event: 'endNotice', otherwise: null, data: {}, workingDays: true, provisional: false },
    ]);
  });

  it('takes the notice length from the city parameter', () => {
    const result = act(applied(), 'verify', caseworker, T_VERIFY, { data: verification, parameters: parametersOn(employmentDifficulty, '2026-09-28', { noticeWorkingDays: 10 }) });
    const [timer] = ofKind(result.effects, 'timer.schedule');
    expect(timer).toMatchObject({ event: 'endNotice', at: addWorkingDays(calendar, T_VERIFY, 10).at });
    expect(timer?.at).toBe('2026-10-19T15:59:59.999Z');
  });

  it('moves to review when the notice ends, opening the reviewer task', () => {
    const result = act(publicized(), 'endNotice', system, NOTICE_ENDS);
    expect(result.snapshot.state).toBe('reviewed');
    expect(result.effects).toContainEqual({ kind: 'task.open', state: 'reviewed', role: 'reviewer', post: 'assistance-review', dueAt: addWorkingDays(calendar, NOTICE_ENDS, 5).at, provisional: false });
    expect(refusal(() => act(publicized(), 'endNotice', caseworker, NOTICE_ENDS)).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('recognises: sets the status, emits the event with category and validity, arms the expiry', () => {
    const result = act(reviewed(), 'recognize', reviewer, T_RECOGNIZE, { data: { validUntil: VALID_UNTIL } });
    expect(result.snapshot.state).toBe('recognized');
    expect(kinds(result.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'subject.set', 'emit', 'timer.schedule']);
    expect(result.effects).toContainEqual({ kind: 'subject.set', field: 'difficultyStatus', value: 'recognized' });
    expect(result.effects).toContainEqual({ kind: 'emit', event: 'difficulty.recognized', payload: { category: 'age-4050', validUntil: VALID_UNTIL } });
    // Fires at the end of the last valid day, China time.
    expect(ofKind(result.effects, 'timer.schedule')).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'recognized', at: '2028-10-14T16:00:00.000Z', event: 'expire', otherwise: null, data: {}, workingDays: false, provisional: false },
    ]);
  });

  it('starts assistance with a plan, then counts follow-up visits, each re-opening the 20-day task and re-arming the expiry', () => {
    const started = act(recognized(), 'startAssistance', caseworker, '2026-10-16T02:00:00.000Z', { data: plan });
    expect(started.snapshot.state).toBe('assisted');
    expect(started.snapshot.context.data).toMatchObject(plan);
    expect(started.effects).toContainEqual({ kind: 'task.open', state: 'assisted', role: 'caseworker', post: 'assistance-window', dueAt: addWorkingDays(calendar, '2026-10-16T02:00:00.000Z', 20).at, provisional: false });
    expect(ofKind(started.effects, 'timer.schedule').filter((t) => t.timer === 'event')).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'assisted', at: '2028-10-14T16:00:00.000Z', event: 'expire', otherwise: null, data: {}, workingDays: false, provisional: false },
    ]);

    const visit = { visitDate: '2026-11-02', outcome: '已推荐岗位两个', nextVisitDate: '2026-12-01' };
    const first = act(started.snapshot, 'visit', caseworker, '2026-11-02T02:00:00.000Z', { data: visit });
    const second = act(first.snapshot, 'visit', caseworker, '2026-12-01T02:00:00.000Z', { data: { ...visit, visitDate: '2026-12-01', nextVisitDate: '2027-01-04' } });
    expect(second.snapshot.state).toBe('assisted');
    expect(second.snapshot.context.data['visits']).toBe(2);
    expect(second.snapshot.context.dueAt).toBe(addWorkingDays(calendar, '2026-12-01T02:00:00.000Z', 20).at);
    expect(kinds(second.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'task.open', 'timer.schedule', 'timer.schedule']);
    expect(second.effects).toContainEqual(expect.objectContaining({ timer: 'event', event: 'expire', at: '2028-10-14T16:00:00.000Z' }));
  });

  it('re-checks after an employment registration: confirm keeps assisting, an exit for employment ends the status', () => {
    const rechecking = act(assisted(), 'employmentRegistered', system, '2026-11-20T02:00:00.000Z');
    expect(rechecking.snapshot.state).toBe('recheck');
    expect(rechecking.effects).toContainEqual({ kind: 'task.open', state: 'recheck', role: 'caseworker', post: 'assistance-window', dueAt: addWorkingDays(calendar, '2026-11-20T02:00:00.000Z', 5).at, provisional: false });

    const confirmed = act(rechecking.snapshot, 'confirm', caseworker, '2026-11-23T02:00:00.000Z', { data: { recheckOpinion: '公益性岗位安置，仍属援助对象' } });
    expect(confirmed.snapshot.state).toBe('assisted');

    const exited = act(recheck(), 'exit', caseworker, '2026-11-23T02:00:00.000Z', { data: { exitReason: 'employed' } });
    expect(exited.status).toBe('final');
    expect(exited.snapshot.state).toBe('exited');
    expect(exited.effects).toContainEqual({ kind: 'subject.set', field: 'difficultyStatus', value: 'none' });
    expect(exited.effects).toContainEqual({ kind: 'emit', event: 'difficulty.ended', payload: { exitReason: 'employed' } });
  });

  it('ends every kind of exit with the status reset and difficulty.ended carrying the reason', () => {
    const exits: [StepResult, string][] = [
      [act(recognized(), 'exit', caseworker, '2026-11-02T02:00:00.000Z', { data: { exitReason: 'moved-away' } }), 'moved-away'],
      [act(recognized(), 'expire', system, '2028-10-14T16:00:00.000Z'), 'expired'],
      [act(assisted(), 'exit', caseworker, '2026-11-02T02:00:00.000Z', { data: { exitReason: 'retired', note: '办理退休' } }), 'retired'],
      [act(assisted(), 'expire', system, '2028-10-14T16:00:00.000Z'), 'expired'],
      [act(recheck(), 'exit', caseworker, '2026-11-23T02:00:00.000Z', { data: { exitReason: 'employed' } }), 'employed'],
    ];
    for (const [result, reason] of exits) {
      expect(result.snapshot.state).toBe('exited');
      expect(ofKind(result.effects, 'subject.set')).toEqual([{ kind: 'subject.set', field: 'difficultyStatus', value: 'none' }]);
      expect(ofKind(result.effects, 'emit')).toEqual([{ kind: 'emit', event: 'difficulty.ended', payload: { exitReason: reason } }]);
    }
    // The expiry is the system's: a caseworker cannot send it.
    expect(refusal(() => act(assisted(), 'expire', caseworker, '2028-10-14T16:00:00.000Z')).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('returns to verification on an objection, cancelling the notice timer and re-opening the intake task', () => {
    const result = act(publicized(), 'objection', caseworker, '2026-10-08T02:00:00.000Z', { data: { objection: '群众反映其已在个体经营' } });
    expect(result.snapshot.state).toBe('applied');
    expect(result.effects).toContainEqual({ kind: 'timer.cancel', state: 'publicized' });
    expect(result.effects).toContainEqual({ kind: 'task.open', state: 'applied', role: 'caseworker', post: 'assistance-window', dueAt: addWorkingDays(calendar, '2026-10-08T02:00:00.000Z', 5).at, provisional: false });
    // A fresh verification starts a fresh notice period.
    const again = act(result.snapshot, 'verify', caseworker, '2026-10-09T02:00:00.000Z', { data: verification });
    expect(ofKind(again.effects, 'timer.schedule')).toEqual([expect.objectContaining({ event: 'endNotice', at: addWorkingDays(calendar, '2026-10-09T02:00:00.000Z', 5).at })]);
  });

  it('rejects at intake or at review, ending rejected', () => {
    const atIntake = act(applied(), 'reject', caseworker, T_VERIFY, { data: { rejectionReason: '材料不实' } });
    expect([atIntake.snapshot.state, atIntake.status]).toEqual(['rejected', 'final']);
    const atReview = act(reviewed(), 'reject', reviewer, T_RECOGNIZE, { data: { rejectionReason: '公示期间核实不符合条件' } });
    expect([atReview.snapshot.state, atReview.status]).toEqual(['rejected', 'final']);
    expect(ofKind(atReview.effects, 'subject.set')).toEqual([]);
  });
});

describe('employment-difficulty: verification rules', () => {
  const verify = (options: StepOptions) => refusal(() => act(applied(), 'verify', caseworker, T_VERIFY, { data: verification, ...options }));

  it('refuses a category the city has not put in force, and accepts it once it has', () => {
    const otherLocal = { ...verification, category: 'other-local' };
    expect(parameters['categories']).not.toContain('other-local');
    const error = verify({ data: otherLocal });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['category-in-force']);
    const local = parametersOn(employmentDifficulty, '2026-09-28', { categories: ['other-local', 'disability'] });
    expect(act(applied(), 'verify', caseworker, T_VERIFY, { data: otherLocal, parameters: local }).snapshot.state).toBe('publicized');
    expect(violatedRules(verify({ parameters: local }))).toEqual(['category-in-force']);
  });

  it('refuses a person who is not registered unemployed', () => {
    expect(violatedRules(verify({ facts: { ...facts, subject: { ...subject, unemploymentStatus: 'none' } } }))).toEqual(['registered-unemployed']);
  });

  it('recognises a 低保 recipient only as civil affairs records, and a person with disabilities only with a valid certificate', () => {
    const asked = (category: string, more: Record<string, unknown>) => ({ data: { ...verification, category }, facts: { ...facts, ...more } });
    expect(act(applied(), 'verify', caseworker, T_VERIFY, asked('subsistence-allowance', { minimumLiving: receiving })).snapshot.state).toBe('publicized');
    expect(violatedRules(verify(asked('subsistence-allowance', { minimumLiving: { ...receiving, receiving: false, since: null } })))).toEqual(['receives-minimum-living']);
    expect(violatedRules(verify(asked('subsistence-allowance', { minimumLiving: { ...receiving, found: false, receiving: false, since: null } })))).toEqual(['receives-minimum-living']);
    expect(act(applied(), 'verify', caseworker, T_VERIFY, asked('disability', { disability: certificate })).snapshot.state).toBe('publicized');
    expect(violatedRules(verify(asked('disability', { disability: { ...certificate, holds: false } })))).toEqual(['holds-disability-certificate']);
    // The caseworker's tick when the federation did not answer stands in, either way.
    const typed = (holds: boolean) => ({ found: null, holds, category: null, grade: null, validUntil: null, asOf: null, source: null, caseworkerEntered: true });
    expect(act(applied(), 'verify', caseworker, T_VERIFY, asked('disability', { disability: typed(true) })).snapshot.state).toBe('publicized');
    expect(violatedRules(verify(asked('disability', { disability: typed(false) })))).toEqual(['holds-disability-certificate']);
  });

  it('refuses a person already recognised anywhere in the country', () => {
    expect(violatedRules(verify({ facts: { ...facts, registry: { ...facts.registry, recognized: true } } }))).toEqual(['not-already-recognised']);
  });

  it('holds the 4050 category to women of 40 and men of 50 on the day of verification', () => {
    const woman = (birthDate: string) => ({ facts: { ...facts, subject: { ...subject, birthDate } } });
    // She turns 40 on 2026-09-30, the day after the verification.
    expect(violatedRules(verify(woman('1986-09-30')))).toEqual(['age-4050']);
    expect(act(applied(), 'verify', caseworker, T_VERIFY, { data: verification, ...woman('1986-09-29') }).snapshot.state).toBe('publicized');

    const man = (birthDate: string) => ({ data: { ...verification, retirementCategory: 'male-60' }, facts: { ...facts, subject: { ...subject, gender: 'male', birthDate } } });
    expect(violatedRules(verify(man('1977-05-01')))).toEqual(['age-4050']);
    expect(act(applied(), 'verify', caseworker, T_VERIFY, man('1976-05-01')).snapshot.state).toBe('publicized');

    // Another category does not look at the age beyond working age.
    const young = { data: { ...verification, category: 'disability' }, facts: { ...woman('1998-01-01').facts, disability: certificate } };
    expect(act(applied(), 'verify', caseworker, T_VERIFY, young).snapshot.state).toBe('publicized');
  });

  it('refuses a person past the statutory retirement month, by the declared retirement category', () => {
    // A man born 1964-06 retired in 2024-06 (before the gradual delay).
    const retiredMan = { data: { ...verification, retirementCategory: 'male-60' }, facts: { ...facts, subject: { ...subject, gender: 'male', birthDate: '1964-06-15' } } };
    expect(violatedRules(verify(retiredMan))).toEqual(['working-age']);
    // A woman born 1974-03 retired in 2024-03 as a worker (50) but retires in 2030-04 as a cadre (55).
    const woman = { facts: { ...facts, subject: { ...subject, birthDate: '1974-03-20' } } };
    expect(violatedRules(verify(woman))).toEqual(['working-age']);
    expect(act(applied(), 'verify', caseworker, T_VERIFY, { ...woman, data: { ...verification, retirementCategory: 'female-55' } }).snapshot.state).toBe('publicized');
  });

  it('names every rule that fails at once', () => {
    const facts2 = { subject: { ...subject, unemploymentStatus: 'none', birthDate: '1990-01-01' }, registry: { ...facts.registry, recognized: true } };
    expect(violatedRules(verify({ facts: facts2 }))).toEqual(['registered-unemployed', 'not-already-recognised', 'age-4050']);
  });

  it('refuses a verification form failing its schema', () => {
    const error = verify({ data: { category: 'poor', retirementCategory: 'male-65', extra: true } });
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['category', 'evidence', 'extra', 'retirementCategory']);
  });
});

describe('employment-difficulty: review and maker-checker', () => {
  const recognize = (validUntil: string, options: StepOptions = {}, now = T_RECOGNIZE) => act(reviewed(), 'recognize', reviewer, now, { data: { validUntil }, ...options });

  it('refuses the verifier as the reviewer, for recognition and for rejection', () => {
    const makerAsReviewer: Actor = { ...reviewer, id: caseworker.id };
    const error = refusal(() => act(reviewed(), 'recognize', makerAsReviewer, T_RECOGNIZE, { data: { validUntil: VALID_UNTIL } }));
    expect(error.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(error.details).toEqual({ event: 'recognize', sameActorAs: 'verify' });
    expect(refusal(() => act(reviewed(), 'reject', makerAsReviewer, T_RECOGNIZE, { data: { rejectionReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    // A caseworker cannot review at all.
    expect(refusal(() => act(reviewed(), 'recognize', otherCaseworker, T_RECOGNIZE, { data: { validUntil: VALID_UNTIL } })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('keeps the validity after today and within validityMonths of today', () => {
    expect(recognize('2026-10-15').snapshot.state).toBe('recognized');
    expect(recognize('2028-10-14').snapshot.state).toBe('recognized');
    for (const validUntil of ['2026-10-14', '2026-10-01', '2028-10-15']) {
      const error = refusal(() => recognize(validUntil));
      expect(error.code, validUntil).toBe('RULE_VIOLATION');
      expect(violatedRules(error)).toEqual(['valid-until-within-validity']);
    }
    // A city allowing 36 months accepts what the 24-month default refuses.
    expect(recognize('2029-10-14', { parameters: parametersOn(employmentDifficulty, '2026-10-14', { validityMonths: 36 }) }).snapshot.state).toBe('recognized');
  });

  it('reads "today" in China time: 17:00 UTC on 10-13 is already 10-14 in China', () => {
    expect(violatedRules(refusal(() => recognize('2026-10-14', {}, '2026-10-13T17:00:00.000Z')))).toEqual(['valid-until-within-validity']);
    expect(recognize('2028-10-14', {}, '2026-10-13T17:00:00.000Z').snapshot.state).toBe('recognized');
  });

  it('checks again at review that no other recognition was made meanwhile', () => {
    const error = refusal(() => recognize(VALID_UNTIL, { facts: { ...facts, registry: { ...facts.registry, recognized: true } } }));
    expect(violatedRules(error)).toEqual(['not-already-recognised']);
  });
});

describe('employment-difficulty: assistance rules', () => {
  const visit = { visitDate: '2026-11-02', outcome: '参加培训', nextVisitDate: '2026-12-01' };

  it('refuses a visit dated after today (China time) and a next visit not after it', () => {
    const future = refusal(() => act(assisted(), 'visit', caseworker, '2026-11-02T02:00:00.000Z', { data: { ...visit, visitDate: '2026-11-03' } }));
    expect(futureDayFields(future)).toEqual(['visitDate']);
    // 17:00 UTC on 11-02 is 11-03 in China.
    expect(act(assisted(), 'visit', caseworker, '2026-11-02T17:00:00.000Z', { data: { ...visit, visitDate: '2026-11-03' } }).snapshot.state).toBe('assisted');
    const backwards = refusal(() => act(assisted(), 'visit', caseworker, '2026-11-02T02:00:00.000Z', { data: { ...visit, nextVisitDate: '2026-11-02' } }));
    expect(violatedRules(backwards)).toEqual(['next-visit-after-visit']);
  });

  it('makes an exit for employment only at the re-check after an employment registration', () => {
    for (const snapshot of [recognized(), assisted()]) {
      const error = refusal(() => act(snapshot, 'exit', caseworker, '2026-11-02T02:00:00.000Z', { data: { exitReason: 'employed' } }));
      expect(error.code).toBe('RULE_VIOLATION');
      expect(violatedRules(error)).toEqual(['employed-exit-after-recheck']);
    }
    const atRecheck = refusal(() => act(recheck(), 'exit', caseworker, '2026-11-23T02:00:00.000Z', { data: { exitReason: 'moved-away' } }));
    expect(violatedRules(atRecheck)).toEqual(['recheck-exit-is-employment']);
  });

  it('refuses plans and exits failing their forms', () => {
    const empty = refusal(() => act(recognized(), 'startAssistance', caseworker, '2026-10-16T02:00:00.000Z', { data: { measures: [], nextVisitDate: '2026-11-02' } }));
    expect(empty.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(empty)).toEqual(['measures']);
    const unknown = refusal(() => act(recognized(), 'startAssistance', caseworker, '2026-10-16T02:00:00.000Z', { data: { measures: ['training', 'cash'] } }));
    expect(distinctFailingFields(unknown)).toEqual(['measures.1', 'nextVisitDate']);
    const repeated = refusal(() => act(recognized(), 'startAssistance', caseworker, '2026-10-16T02:00:00.000Z', { data: { measures: ['training', 'training'], nextVisitDate: '2026-11-02' } }));
    expect(distinctFailingFields(repeated)).toEqual(['measures']);
    const exit = refusal(() => act(assisted(), 'exit', caseworker, '2026-11-02T02:00:00.000Z', { data: { exitReason: 'bored' } }));
    expect(exit.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(exit)).toEqual(['exitReason']);
  });
});

describe('employment-difficulty: manifest', () => {
  /** Whether an indicator selector counts a performance record of this process. */
  const selects = recordSelector('employment-difficulty');
  const indicator = (id: string) => employmentDifficulty.indicators.find((i) => i.id === id)!;

  it('counts as successes exactly the exits with reason "employed"', () => {
    const exits = [
      ...records(act(recheck(), 'exit', caseworker, '2026-11-23T02:00:00.000Z', { data: { exitReason: 'employed' } })),
      ...records(act(assisted(), 'exit', caseworker, '2026-11-02T02:00:00.000Z', { data: { exitReason: 'moved-away' } })),
      ...records(act(recognized(), 'expire', system, '2028-10-14T16:00:00.000Z')),
      ...records(act(recheck(), 'confirm', caseworker, '2026-11-23T02:00:00.000Z', { data: { recheckOpinion: '仍属困难' } })),
    ];
    const rate = indicator('employment-difficulty-assistance-success-rate');
    expect(exits.filter((r) => selects(rate.denominator, r))).toHaveLength(3);
    expect(exits.filter((r) => selects(rate.numerator, r)).map((r) => r.data)).toEqual([{ exitReason: 'employed' }]);
  });

  it('counts verifications (and intake rejections) against the 5-day deadline', () => {
    const onTime = records(act(applied(), 'verify', caseworker, T_VERIFY, { data: verification }));
    const late = records(act(applied(), 'reject', caseworker, '2026-10-12T02:00:00.000Z', { data: { rejectionReason: '逾期' } }));
    const later = records(act(publicized(), 'endNotice', system, NOTICE_ENDS));
    const rate = indicator('employment-difficulty-verification-on-time-rate');
    const all = [...onTime, ...late, ...later];
    expect(all.filter((r) => selects(rate.denominator, r)).map((r) => r.event)).toEqual(['verify', 'reject']);
    expect(all.filter((r) => selects(rate.numerator, r)).map((r) => r.event)).toEqual(['verify']);
  });

  it('delivers employment.registered to assisted cases as a system event the definition accepts', () => {
    const [subscription] = employmentDifficulty.subscriptions;
    expect(subscription).toMatchObject({ event: 'employment.registered', process: 'employment-difficulty', send: 'employmentRegistered' });
    const result = act(assisted(), subscription!.send!, system, '2026-11-20T02:00:00.000Z', { data: { ...subscription!.data } });
    expect(result.snapshot.state).toBe('recheck');
    // Only an assisted case listens; the runtime leaves a case in another state alone.
    expect(Object.keys(compiled.definition.states).filter((s) => compiled.definition.states[s]!.on['employmentRegistered'])).toEqual(['assisted']);
  });

  it('defaults to every catalogue category but the local one, within the parameter bounds', () => {
    const categories = employmentDifficulty.parameters.find((p) => p.id === 'categories')!;
    expect(categories.unit).toBe('codes');
    if (categories.unit !== 'codes') return;
    expect(categories.options.map((o) => o.code)).toEqual(['age-4050', 'disability', 'subsistence-allowance', 'zero-employment-household', 'long-term-unemployed', 'land-expropriated', 'other-local']);
    expect(categories.default).toEqual(categories.options.map((o) => o.code).filter((c) => c !== 'other-local'));
    expect(employmentDifficulty.parameters.flatMap((p) => (p.unit === 'codes' ? [] : [[p.id, p.default, p.min, p.max]]))).toEqual([
      ['noticeWorkingDays', 5, 5, 15],
      ['validityMonths', 24, 12, 36],
    ]);
  });
});
