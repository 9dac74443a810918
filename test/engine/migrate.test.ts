import { describe, expect, it } from 'vitest';
import { addWorkingDays, applyOverlay, compile, migrate, overlaySchema, start, step, type Actor, type CaseSnapshot, type MigrateInput, type OverlayInput } from '../../engine/index.ts';
import { calendar, calendarWith2027 } from '../support/calendar.ts';
import { parametersOn, refusal } from '../support/engine-assertions.ts';
import { caseworker, otherCaseworker, reviewer } from './fixtures.ts';
import { ministryPackage } from '../support/packages.ts';

const unemploymentRegistration = ministryPackage('unemployment-registration');
const employmentDifficulty = ministryPackage('employment-difficulty');

const configurator: Actor = { id: 'u-9', name: '配置员', role: 'configurator', post: null, orgUnit: 'o-1' };
const { implementations } = unemploymentRegistration;
const ministry = compile(unemploymentRegistration.definitions[0], implementations);
const overlaid = (operations: OverlayInput['operations']) => compile(applyOverlay(ministry.definition, overlaySchema.parse({ operations })), implementations);
/** The city's version: review by the window caseworkers, at another post, in 5 working days instead of 3. */
const city = overlaid([
  { op: 'setRole', state: 'submitted', role: 'caseworker' },
  { op: 'setSla', state: 'submitted', workingDays: 5 },
  { op: 'setPost', state: 'submitted', post: 'district-review' },
]);
const versions = { from: { id: 'def-1', version: 1 }, to: { id: 'def-2', version: 2 } };

const parameters = { minimumAge: 16 };
const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };
const ENTERED = '2026-09-30T02:00:00.000Z';
const MIGRATED = '2026-10-09T01:00:00.000Z';

/** A case that arrived in review on the ministry's version at ENTERED. */
function submittedOn(compiled: typeof ministry): CaseSnapshot {
  const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
  return step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: ENTERED, facts, parameters }).snapshot;
}

const input = (snapshot: CaseSnapshot, overrides: Partial<MigrateInput> = {}): MigrateInput => ({
  snapshot,
  source: ministry.definition,
  versions,
  actor: configurator,
  now: MIGRATED,
  calendar,
  parameters,
  ...overrides,
});

describe('migrate', () => {
  it('after setRole, setSla and setPost closes the old task and opens one with the new role, post and a deadline counted from arrival', () => {
    const before = submittedOn(ministry);
    const newDue = addWorkingDays(calendar, ENTERED, 5).at;
    expect(newDue).not.toBe(before.context.dueAt);
    const moved = migrate(city, input(before));

    expect(moved.status).toBe('active');
    expect(moved.snapshot).toEqual({ state: 'submitted', context: { ...before.context, dueAt: newDue, dueProvisional: false, calendarVersion: calendar.version } });
    // The deadline a case arriving in review on the city's version at the same time gets.
    expect(newDue).toBe(submittedOn(city).context.dueAt);
    expect(moved.effects).toEqual([
      { kind: 'task.close', state: 'submitted', event: 'migrate' },
      { kind: 'timer.cancel', state: 'submitted' },
      {
        kind: 'record',
        record: {
          from: 'submitted',
          to: 'submitted',
          event: 'migrate',
          actor: configurator,
          enteredAt: ENTERED,
          leftAt: MIGRATED,
          dueAt: null,
          dueProvisional: false,
          calendarVersion: calendar.version,
          onTime: null,
          data: { fromDefinitionId: 'def-1', fromVersion: 1, toDefinitionId: 'def-2', toVersion: 2 },
        },
      },
      { kind: 'task.open', state: 'submitted', role: 'caseworker', post: 'district-review', dueAt: newDue, provisional: false },
      { kind: 'timer.schedule', timer: 'sla', state: 'submitted', at: newDue, provisional: false },
    ]);

    // The case goes on under the city's version: a window caseworker other than the maker reviews, against the new deadline.
    const approve = (actor: Actor) => () => step(city, { snapshot: moved.snapshot, event: { type: 'approve', data: { opinion: '同意' } }, actor, calendar, now: MIGRATED, facts, parameters });
    expect(refusal(approve(reviewer)).code).toBe('ROLE_NOT_PERMITTED');
    expect(approve(otherCaseworker)().effects).toContainEqual(expect.objectContaining({ kind: 'record', record: expect.objectContaining({ event: 'approve', dueAt: newDue, onTime: true }) }));
  });

  it('cancels the timers of the state and arms them again, counted from arrival with the calendar in force', () => {
    const difficulty = compile(employmentDifficulty.definitions[0], employmentDifficulty.implementations);
    const aw = { ...caseworker, post: 'assistance-window' };
    const dParameters = parametersOn(employmentDifficulty, '2027-02-02');
    const subject = { birthDate: '1980-05-10', gender: 'female', unemploymentStatus: 'registered', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: true };
    const applied = start(difficulty, { actor: aw, calendar, now: '2027-02-02T02:00:00.000Z', parameters: dParameters });
    const publicized = step(difficulty, {
      snapshot: applied.snapshot,
      event: { type: 'verify', data: { category: 'age-4050', evidence: '身份证', retirementCategory: 'female-50' } },
      actor: aw,
      calendar,
      now: '2027-02-03T02:00:00.000Z',
      facts: { subject, registry: { employed: false, unemployed: true, recognized: false } },
      parameters: dParameters,
    });
    const days = dParameters['noticeWorkingDays'] as number;
    const moved = migrate(difficulty, { snapshot: publicized.snapshot, source: difficulty.definition, versions, actor: configurator, now: '2027-02-05T02:00:00.000Z', calendar: calendarWith2027, parameters: dParameters });
    expect(moved.effects.filter((e) => e.kind !== 'record')).toEqual([
      { kind: 'timer.cancel', state: 'publicized' },
      { kind: 'timer.schedule', timer: 'event', state: 'publicized', at: addWorkingDays(calendarWith2027, '2027-02-03T02:00:00.000Z', days).at, event: 'endNotice', otherwise: null, data: {}, workingDays: true, provisional: false },
    ]);
    expect(moved.snapshot.context).toEqual({ ...publicized.snapshot.context, calendarVersion: calendarWith2027.version });
  });

  it('refuses a case whose state the target does not have, naming the state', () => {
    const withSecondReview = overlaid([
      {
        op: 'insertReview',
        after: 'submitted',
        event: 'approve',
        state: 'secondReview',
        title: { 'zh-CN': '复核', en: 'Second review' },
        task: { role: 'reviewer', post: 'supervisor', slaWorkingDays: 2 },
        form: { id: 'secondOpinion', title: { 'zh-CN': '复核意见', en: 'Second opinion' }, schema: { type: 'object', additionalProperties: false, properties: { opinion: { type: 'string' } } } },
        approve: { event: 'confirm', title: { 'zh-CN': '复核通过', en: 'Confirm' }, roles: ['reviewer'] },
        reject: { event: 'overrule', title: { 'zh-CN': '复核不通过', en: 'Overrule' }, roles: ['reviewer'], target: 'rejected' },
      },
    ]);
    const approved = step(withSecondReview, { snapshot: submittedOn(withSecondReview), event: { type: 'approve', data: { opinion: '同意' } }, actor: reviewer, calendar, now: MIGRATED, facts, parameters });
    expect(approved.snapshot.state).toBe('secondReview');
    const refused = refusal(() => migrate(ministry, input(approved.snapshot, { source: withSecondReview.definition })));
    expect(refused.code).toBe('MIGRATION_STATE_MISSING');
    expect(refused.details).toEqual({ state: 'secondReview', fromVersion: 1, toVersion: 2 });
  });

  it('is pure: the input snapshot is not changed and equal inputs give equal outputs', () => {
    const before = submittedOn(ministry);
    const copy = structuredClone(before);
    const first = migrate(city, input(before));
    expect(before).toEqual(copy);
    expect(migrate(city, input(before))).toEqual(first);
  });
});
