import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { distinctFailingFields, futureDayFields, ofKind, parametersOn, records, recordSelector, refusal, stepper, type StepOptions, violatedRules } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';

const survey = ministryPackage('labour-survey');
const compiled = compile(survey.definitions[0], survey.implementations);

const enumerator: Actor = { id: 'u-sv-1', name: '张三', role: 'caseworker', post: 'survey-window', orgUnit: 'o-1' };
const reviewer: Actor = { id: 'u-sr-1', name: '李四', role: 'reviewer', post: 'survey-review', orgUnit: 'o-1' };

const parameters = parametersOn(survey, '2026-11-02');
/** A man born 1990-08-20. */
const subject = { birthDate: '1990-08-20', gender: 'male', unemploymentStatus: 'none', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: false };
const facts = { subject };

const T_PLAN = '2026-11-02T02:00:00.000Z';
const T_ASSIGN = '2026-11-03T02:00:00.000Z';
const T_COLLECT = '2026-11-10T02:00:00.000Z';
const T_VERIFY = '2026-11-12T02:00:00.000Z';

const assignment = { surveyRound: '2026-11', communityCode: '350203001001', enumerator: '张三' };
const answers = { surveyDate: '2026-11-10', householdId: 'H-0012', employmentStatus: 'employed', occupationCode: '4-01-02-01', education: '20', residenceArea: '350203001' };

const act = stepper(compiled, { facts, parameters });

const planned = () => start(compiled, { actor: enumerator, calendar, now: T_PLAN, parameters }).snapshot;
const assigned = () => act(planned(), 'assign', enumerator, T_ASSIGN, { data: assignment }).snapshot;
const collected = (options: StepOptions = {}) => act(assigned(), 'collect', enumerator, T_COLLECT, { ...options, data: { ...answers, ...options.data } }).snapshot;
const verify = (verifiedStatus: string, snapshot = collected()) => act(snapshot, 'verify', reviewer, T_VERIFY, { data: { verifiedStatus, opinion: '电话回访核实' } });

describe('labour-survey: assignment and collection', () => {
  it('opens the assignment at the survey post, then the collection task for ten working days', () => {
    const created = start(compiled, { actor: enumerator, calendar, now: T_PLAN, parameters });
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'planned', role: 'caseworker', post: 'survey-window', dueAt: addWorkingDays(calendar, T_PLAN, 5).at, provisional: false });
    const assignedCase = act(created.snapshot, 'assign', enumerator, T_ASSIGN, { data: assignment });
    expect(assignedCase.snapshot.state).toBe('assigned');
    expect(assignedCase.effects).toContainEqual({ kind: 'task.open', state: 'assigned', role: 'caseworker', post: 'survey-window', dueAt: addWorkingDays(calendar, T_ASSIGN, 10).at, provisional: false });
  });

  it('refuses an assignment whose community code is not a 12-digit code or whose round is not a month', () => {
    const error = refusal(() => act(planned(), 'assign', enumerator, T_ASSIGN, { data: { ...assignment, communityCode: '350203', surveyRound: '2026-13' } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['communityCode', 'surveyRound']);
  });

  it('collects the answers into the case and sends them to the reviewer', () => {
    const result = act(assigned(), 'collect', enumerator, T_COLLECT, { data: answers });
    expect(result.snapshot.state).toBe('collected');
    expect(result.snapshot.context.data).toEqual({ ...assignment, ...answers });
    expect(result.effects).toContainEqual({ kind: 'task.open', state: 'collected', role: 'reviewer', post: 'survey-review', dueAt: addWorkingDays(calendar, T_COLLECT, 5).at, provisional: false });
  });

  it('asks an occupation of the employed only', () => {
    const collect = (data: Record<string, unknown>) => refusal(() => act(assigned(), 'collect', enumerator, T_COLLECT, { data: { ...answers, ...data } }));
    expect(distinctFailingFields(collect({ occupationCode: 'none' }))).toEqual(['occupationCode']);
    expect(distinctFailingFields(collect({ employmentStatus: 'unemployed' }))).toEqual(['occupationCode']);
    expect(act(assigned(), 'collect', enumerator, T_COLLECT, { data: { ...answers, employmentStatus: 'unemployed', occupationCode: 'none' } }).snapshot.state).toBe('collected');
    expect(distinctFailingFields(collect({ education: '30', residenceArea: '35020' }))).toEqual(['education', 'residenceArea']);
  });

  it('refuses a survey date after today, outside the round, or of a person under the minimum age, naming each rule', () => {
    const collect = (data: Record<string, unknown>, options: StepOptions = {}) => refusal(() => act(assigned(), 'collect', enumerator, T_COLLECT, { ...options, data: { ...answers, ...data } }));
    const future = collect({ surveyDate: '2026-11-11' });
    expect(futureDayFields(future)).toEqual(['surveyDate']);
    expect(violatedRules(collect({ surveyDate: '2026-10-30' }))).toEqual(['survey-date-in-round']);
    // 16 on 2026-11-11, the day after the survey.
    const young = { subject: { ...subject, birthDate: '2010-11-11' } };
    expect(violatedRules(collect({}, { facts: young }))).toEqual(['minimum-age']);
    expect(act(assigned(), 'collect', enumerator, T_COLLECT, { data: answers, facts: { subject: { ...subject, birthDate: '2010-11-10' } } }).snapshot.state).toBe('collected');
  });

  it('ends without answers when the person cannot be surveyed', () => {
    const skipped = act(assigned(), 'skip', enumerator, T_COLLECT, { data: { nonResponseReason: 'not-found' } });
    expect([skipped.snapshot.state, skipped.status]).toEqual(['notSurveyed', 'final']);
    expect(act(planned(), 'skip', enumerator, T_ASSIGN, { data: { nonResponseReason: 'moved-away' } }).snapshot.state).toBe('notSurveyed');
  });
});

describe('labour-survey: verification', () => {
  it('records the verified answers and emits survey.recorded with the status fields', () => {
    const result = verify('employed');
    expect([result.snapshot.state, result.status]).toEqual(['recorded', 'final']);
    expect(ofKind(result.effects, 'emit')).toEqual([
      {
        kind: 'emit',
        event: 'survey.recorded',
        payload: { surveyRound: '2026-11', communityCode: '350203001001', householdId: 'H-0012', employmentStatus: 'employed', occupationCode: '4-01-02-01', education: '20', residenceArea: '350203001' },
      },
    ]);
  });

  it('refuses a status confirmed that differs from the one collected', () => {
    const error = refusal(() => verify('unemployed'));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['status-confirmed']);
  });

  it('refuses the collector as the verifier', () => {
    const error = refusal(() => act(collected(), 'verify', { ...reviewer, id: enumerator.id }, T_VERIFY, { data: { verifiedStatus: 'employed', opinion: 'ok' } }));
    expect(error.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(error.details).toEqual({ event: 'verify', sameActorAs: 'collect' });
    expect(refusal(() => act(collected(), 'returnForCorrection', { ...reviewer, id: enumerator.id }, T_VERIFY, { data: { correctionReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    expect(refusal(() => act(collected(), 'verify', enumerator, T_VERIFY, { data: { verifiedStatus: 'employed', opinion: 'ok' } })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('returns answers for correction; the corrected status is what is recorded and emitted', () => {
    const returned = act(collected(), 'returnForCorrection', reviewer, T_VERIFY, { data: { correctionReason: '回访核实为失业，请更正' } });
    expect(returned.snapshot.state).toBe('assigned');
    const corrected = act(returned.snapshot, 'collect', enumerator, '2026-11-13T02:00:00.000Z', { data: { ...answers, surveyDate: '2026-11-13', employmentStatus: 'unemployed', occupationCode: 'none' } });
    const recorded = act(corrected.snapshot, 'verify', reviewer, '2026-11-16T02:00:00.000Z', { data: { verifiedStatus: 'unemployed', opinion: '已更正' } });
    expect(recorded.snapshot.state).toBe('recorded');
    expect(ofKind(recorded.effects, 'emit')[0]?.payload).toMatchObject({ employmentStatus: 'unemployed', occupationCode: 'none' });
  });
});

describe('labour-survey: indicators', () => {
  const selects = recordSelector('labour-survey');
  const indicator = (id: string) => survey.indicators.find((i) => i.id === id)!;

  it('counts each person verified once by the status confirmed, a returned survey only when it is verified', () => {
    const returned = act(collected({ data: { employmentStatus: 'out-of-labour-force', occupationCode: 'none' } }), 'returnForCorrection', reviewer, T_VERIFY, { data: { correctionReason: '核实' } });
    const all = [
      ...records(verify('employed')),
      ...records(verify('unemployed', collected({ data: { employmentStatus: 'unemployed', occupationCode: 'none' } }))),
      ...records(verify('out-of-labour-force', collected({ data: { employmentStatus: 'out-of-labour-force', occupationCode: 'none' } }))),
      ...records(returned),
      ...records(act(assigned(), 'collect', enumerator, T_COLLECT, { data: answers })),
    ];
    const unemployed = indicator('labour-survey-unemployed-share');
    const employed = indicator('labour-survey-employed-share');
    expect(all.filter((r) => selects(unemployed.denominator, r))).toHaveLength(3);
    expect(all.filter((r) => selects(unemployed.numerator, r)).map((r) => r.data['verifiedStatus'])).toEqual(['unemployed']);
    expect(all.filter((r) => selects(employed.numerator, r)).map((r) => r.data['verifiedStatus'])).toEqual(['employed']);
  });

  it('counts verifications and returns against the five-day deadline', () => {
    const late = new Date(Date.parse(addWorkingDays(calendar, T_COLLECT, 5).at) + 1).toISOString();
    const all = [...records(verify('employed')), ...records(act(collected(), 'verify', reviewer, late, { data: { verifiedStatus: 'employed', opinion: 'ok' } })), ...records(act(collected(), 'returnForCorrection', reviewer, T_VERIFY, { data: { correctionReason: '核实' } }))];
    const onTime = indicator('labour-survey-verification-on-time-rate');
    expect(all.filter((r) => selects(onTime.denominator, r)).map((r) => r.event)).toEqual(['verify', 'verify', 'returnForCorrection']);
    expect(all.filter((r) => selects(onTime.numerator, r)).map((r) => [r.event, r.leftAt])).toEqual([
      ['verify', T_VERIFY],
      ['returnForCorrection', T_VERIFY],
    ]);
  });
});
