import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { distinctFailingFields, eventTimers, futureDayFields, kinds, parametersOn, records, recordSelector, refusal, stepper, system, violatedRules } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';

const guidance = ministryPackage('vocational-guidance');
const compiled = compile(guidance.definitions[0], guidance.implementations);

const caseworker: Actor = { id: 'u-gw-1', name: '张三', role: 'caseworker', post: 'guidance-window', orgUnit: 'o-1' };

const parameters = parametersOn(guidance, '2026-11-02');
const act = stepper(compiled, { facts: {}, parameters });

/** Monday 2026-11-02, 10:00 in China; the days after are plain working days. */
const T_REQUEST = '2026-11-02T02:00:00.000Z';
const T_ACCEPT = '2026-11-03T02:00:00.000Z';
const T_SESSION = '2026-11-04T02:00:00.000Z';
const T_PLAN = '2026-11-05T02:00:00.000Z';

const intake = { channel: 'walk-in', needs: ['career-planning', 'interview'] };
const session = { sessionDate: '2026-11-04', topic: 'assessment', counsellorNotes: '完成职业兴趣测评，倾向行政类岗位' };
const plan = { planDate: '2026-11-05', careerGoal: '三个月内从事行政办公类工作', targetOccupation: '3-01-02-01', measures: ['job-referral', 'training'] };

const requested = () => start(compiled, { actor: caseworker, calendar, now: T_REQUEST, parameters }).snapshot;
const inGuidance = () => act(requested(), 'accept', caseworker, T_ACCEPT, { data: intake }).snapshot;
const counselled = () => act(inGuidance(), 'recordSession', caseworker, T_SESSION, { data: session }).snapshot;
const followingUp = () => act(counselled(), 'agreePlan', caseworker, T_PLAN, { data: plan }).snapshot;
const FOLLOW_UP_DUE = addWorkingDays(calendar, T_PLAN, 20).at;
const visitDue = () => act(followingUp(), 'followUpDue', system, FOLLOW_UP_DUE).snapshot;

describe('vocational-guidance: intake and sessions', () => {
  it('opens the intake task at the guidance window, two working days', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: T_REQUEST, parameters });
    expect(created.snapshot.state).toBe('requested');
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'requested', role: 'caseworker', post: 'guidance-window', dueAt: addWorkingDays(calendar, T_REQUEST, 2).at, provisional: false });
  });

  it('accepts a request into guidance, or declines it with a reason', () => {
    const accepted = act(requested(), 'accept', caseworker, T_ACCEPT, { data: intake });
    expect(accepted.snapshot.state).toBe('inGuidance');
    expect(accepted.effects).toContainEqual({ kind: 'task.open', state: 'inGuidance', role: 'caseworker', post: 'guidance-window', dueAt: addWorkingDays(calendar, T_ACCEPT, 10).at, provisional: false });
    const declined = act(requested(), 'decline', caseworker, T_ACCEPT, { data: { declineReason: '非本辖区常住人员，已告知属地办理' } });
    expect([declined.snapshot.state, declined.status]).toEqual(['declined', 'final']);
    expect(distinctFailingFields(refusal(() => act(requested(), 'accept', caseworker, T_ACCEPT, { data: { channel: 'walk-in', needs: [] } })))).toEqual(['needs']);
  });

  it('records sessions, counting them and starting the guidance task afresh each time', () => {
    const first = act(inGuidance(), 'recordSession', caseworker, T_SESSION, { data: session });
    expect(first.snapshot.state).toBe('inGuidance');
    expect(first.snapshot.context.data['sessions']).toBe(1);
    expect(kinds(first.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'task.open', 'timer.schedule']);
    const second = act(first.snapshot, 'recordSession', caseworker, '2026-11-06T02:00:00.000Z', { data: { ...session, sessionDate: '2026-11-06', topic: 'interview' } });
    expect(second.snapshot.context.data).toMatchObject({ sessions: 2, topic: 'interview' });
    expect(second.snapshot.context.dueAt).toBe(addWorkingDays(calendar, '2026-11-06T02:00:00.000Z', 10).at);
  });

  it('refuses a session dated after today in China (16:00 UTC is midnight in China)', () => {
    const tomorrow = { ...session, sessionDate: '2026-11-05' };
    const early = refusal(() => act(inGuidance(), 'recordSession', caseworker, '2026-11-04T15:59:59.999Z', { data: tomorrow }));
    expect(futureDayFields(early)).toEqual(['sessionDate']);
    expect(act(inGuidance(), 'recordSession', caseworker, '2026-11-04T16:00:00.000Z', { data: tomorrow }).snapshot.context.data['sessions']).toBe(1);
  });

  it('refuses a session form without notes or with an unknown topic', () => {
    const error = refusal(() => act(inGuidance(), 'recordSession', caseworker, T_SESSION, { data: { sessionDate: '2026-11-04', topic: 'astrology', counsellorNotes: '' } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['counsellorNotes', 'topic']);
  });
});

describe('vocational-guidance: the career plan and follow-up', () => {
  it('agrees a plan after a session and arms the follow-up reminder after the parameter number of working days', () => {
    const agreed = act(counselled(), 'agreePlan', caseworker, T_PLAN, { data: plan });
    expect(agreed.snapshot.state).toBe('followingUp');
    expect(agreed.snapshot.context.data).toMatchObject(plan);
    // Following up has no task of its own: the reminder opens one when it fires.
    expect(kinds(agreed.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'timer.schedule']);
    expect(parameters['followUpWorkingDays']).toBe(20);
    expect(eventTimers(agreed.effects)).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'followingUp', at: FOLLOW_UP_DUE, event: 'followUpDue', otherwise: null, data: {}, workingDays: true, provisional: false },
    ]);
  });

  it("takes the follow-up interval from the city's parameter", () => {
    const agreed = act(counselled(), 'agreePlan', caseworker, T_PLAN, { data: plan, parameters: parametersOn(guidance, '2026-11-02', { followUpWorkingDays: 10 }) });
    expect(eventTimers(agreed.effects)[0]?.at).toBe(addWorkingDays(calendar, T_PLAN, 10).at);
  });

  it('refuses a plan before any session, or dated in the future, naming each rule', () => {
    const noSession = refusal(() => act(inGuidance(), 'agreePlan', caseworker, T_PLAN, { data: plan }));
    expect(noSession.code).toBe('RULE_VIOLATION');
    expect(violatedRules(noSession)).toEqual(['plan-after-session']);
    expect(futureDayFields(refusal(() => act(counselled(), 'agreePlan', caseworker, T_PLAN, { data: { ...plan, planDate: '2026-11-06' } })))).toEqual(['planDate']);
    // The form's bound on the date is checked before any rule.
    expect(futureDayFields(refusal(() => act(inGuidance(), 'agreePlan', caseworker, T_PLAN, { data: { ...plan, planDate: '2026-11-06' } })))).toEqual(['planDate']);
    expect(distinctFailingFields(refusal(() => act(counselled(), 'agreePlan', caseworker, T_PLAN, { data: { ...plan, targetOccupation: '3-1' } })))).toEqual(['targetOccupation']);
  });

  it('reminds the caseworker when the interval passes: the system opens a five-day visit task', () => {
    const due = act(followingUp(), 'followUpDue', system, FOLLOW_UP_DUE);
    expect(due.snapshot.state).toBe('visitDue');
    expect(due.effects).toContainEqual({ kind: 'task.open', state: 'visitDue', role: 'caseworker', post: 'guidance-window', dueAt: addWorkingDays(calendar, FOLLOW_UP_DUE, 5).at, provisional: false });
    expect(refusal(() => act(followingUp(), 'followUpDue', caseworker, FOLLOW_UP_DUE)).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('records the visit, counting it and arming the next reminder from the visit', () => {
    const T_VISIT = '2026-12-04T02:00:00.000Z';
    const visited = act(visitDue(), 'recordVisit', caseworker, T_VISIT, { data: { visitDate: '2026-12-04', progress: '已参加两次面试' } });
    expect(visited.snapshot.state).toBe('followingUp');
    expect(visited.snapshot.context.data['visits']).toBe(1);
    expect(eventTimers(visited.effects)).toEqual([expect.objectContaining({ event: 'followUpDue', at: addWorkingDays(calendar, T_VISIT, 20).at })]);
    // A visit before the reminder also counts and restarts the interval.
    const early = act(followingUp(), 'recordVisit', caseworker, '2026-11-20T02:00:00.000Z', { data: { visitDate: '2026-11-20', progress: '电话回访' } });
    expect(early.effects).toContainEqual({ kind: 'timer.cancel', state: 'followingUp' });
    expect(eventTimers(early.effects)[0]?.at).toBe(addWorkingDays(calendar, '2026-11-20T02:00:00.000Z', 20).at);
  });

  it('refuses a visit dated in the future', () => {
    const error = refusal(() => act(visitDue(), 'recordVisit', caseworker, '2026-12-04T02:00:00.000Z', { data: { visitDate: '2026-12-05', progress: '计划中' } }));
    expect(futureDayFields(error)).toEqual(['visitDate']);
  });
});

describe('vocational-guidance: closing', () => {
  it('closes with an outcome; "other" needs a note', () => {
    for (const outcome of ['employed', 'training']) {
      const closed = act(visitDue(), 'close', caseworker, '2026-12-04T02:00:00.000Z', { data: { outcome } });
      expect([closed.snapshot.state, closed.status, closed.snapshot.context.data['outcome']]).toEqual(['closed', 'final', outcome]);
    }
    expect(distinctFailingFields(refusal(() => act(inGuidance(), 'close', caseworker, T_SESSION, { data: { outcome: 'other' } })))).toEqual(['note']);
    expect(act(inGuidance(), 'close', caseworker, T_SESSION, { data: { outcome: 'other', note: '本人放弃' } }).snapshot.state).toBe('closed');
  });

  it('closes as employed when employment.registered is delivered, from every open state, as the system only', () => {
    const subscription = guidance.subscriptions.find((s) => s.event === 'employment.registered');
    expect(subscription).toMatchObject({ process: 'vocational-guidance', send: 'employmentRegistered', data: { outcome: 'employed' } });
    const event = { data: { ...subscription!.data } };
    for (const snapshot of [inGuidance(), followingUp(), visitDue()]) {
      const closed = act(snapshot, 'employmentRegistered', system, '2026-12-10T02:00:00.000Z', event);
      expect([closed.snapshot.state, closed.snapshot.context.data['outcome']]).toEqual(['closed', 'employed']);
    }
    expect(refusal(() => act(inGuidance(), 'employmentRegistered', caseworker, '2026-12-10T02:00:00.000Z', event)).code).toBe('ROLE_NOT_PERMITTED');
    expect(refusal(() => act(inGuidance(), 'employmentRegistered', system, '2026-12-10T02:00:00.000Z', { data: { outcome: 'training' } })).code).toBe('FORM_INVALID');
    // A request not yet accepted does not listen.
    expect(refusal(() => act(requested(), 'employmentRegistered', system, '2026-12-10T02:00:00.000Z', event)).code).toBe('TRANSITION_NOT_AVAILABLE');
  });
});

describe('vocational-guidance: indicators', () => {
  const selects = recordSelector('vocational-guidance');
  const indicator = (id: string) => guidance.indicators.find((i) => i.id === id)!;

  it('counts closures with outcome employed, by hand or by an employment registration, among all closures', () => {
    const all = [
      ...records(act(visitDue(), 'close', caseworker, '2026-12-04T02:00:00.000Z', { data: { outcome: 'employed' } })),
      ...records(act(inGuidance(), 'close', caseworker, T_SESSION, { data: { outcome: 'training' } })),
      ...records(act(followingUp(), 'employmentRegistered', system, '2026-12-10T02:00:00.000Z', { data: { outcome: 'employed' } })),
      ...records(act(requested(), 'decline', caseworker, T_ACCEPT, { data: { declineReason: '重复申请' } })),
    ];
    const share = indicator('vocational-guidance-employed-share');
    expect(all.filter((r) => selects(share.denominator, r)).map((r) => r.event)).toEqual(['close', 'close', 'employmentRegistered']);
    expect(all.filter((r) => selects(share.numerator, r)).map((r) => r.event)).toEqual(['close', 'employmentRegistered']);
  });

  it('counts intake steps against the two-day deadline', () => {
    const late = new Date(Date.parse(addWorkingDays(calendar, T_REQUEST, 2).at) + 1).toISOString();
    const all = [
      ...records(act(requested(), 'accept', caseworker, T_ACCEPT, { data: intake })),
      ...records(act(requested(), 'decline', caseworker, late, { data: { declineReason: '重复申请' } })),
      ...records(act(inGuidance(), 'recordSession', caseworker, T_SESSION, { data: session })),
    ];
    const onTime = indicator('vocational-guidance-intake-on-time-rate');
    expect(all.filter((r) => selects(onTime.denominator, r)).map((r) => r.event)).toEqual(['accept', 'decline']);
    expect(all.filter((r) => selects(onTime.numerator, r)).map((r) => r.event)).toEqual(['accept']);
  });
});
