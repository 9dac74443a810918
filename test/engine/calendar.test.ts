import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, isScheduled, isWorkingDay, replay, reschedule, start, step, workingDaysBetween, type RecordedStep, type WorkingCalendar } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const employmentDifficulty = ministryPackage('employment-difficulty');
import { plugins } from '../support/packages.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import { calendar, calendarWith2027 } from '../support/calendar.ts';
import { parametersOn } from '../support/engine-assertions.ts';
import { caseworker, reviewer } from './fixtures.ts';
import { compile } from '../../engine/index.ts';

/** 10:00 in Beijing on a China date. */
const beijing = (date: string) => new Date(`${date}T10:00:00+08:00`).toISOString();
/** The end of a China date, as deadlines fall. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

describe('the working-day calendar as data', () => {
  it('counts the State Council schedule the installation starts with, and nothing after 2026', () => {
    expect(['2026-02-17', '2026-10-05', '2026-01-01'].map((d) => isWorkingDay(calendar, d))).toEqual([false, false, false]);
    // Make-up working days: Sunday 4 January, Saturday 14 February, Sunday 20 September 2026.
    expect(['2026-01-04', '2026-02-14', '2026-09-20'].map((d) => isWorkingDay(calendar, d))).toEqual([true, true, true]);
    expect([isScheduled(calendar, '2026-12-31'), isScheduled(calendar, '2027-01-01')]).toEqual([true, false]);
    // With no 2027 schedule, New Year's Day 2027 (a Friday) counts as a working day.
    expect(isWorkingDay(calendar, '2027-01-01')).toBe(true);
  });

  it('counts across the 2026/2027 boundary Monday to Friday and marks it provisional, until 2027 is entered', () => {
    expect(addWorkingDays(calendar, beijing('2026-12-30'), 3)).toEqual({ at: endOf('2027-01-04'), provisional: true });
    expect(addWorkingDays(calendarWith2027, beijing('2026-12-30'), 3)).toEqual({ at: endOf('2027-01-05'), provisional: false });
    // A deadline that ends in 2026 is not provisional.
    expect(addWorkingDays(calendar, beijing('2026-12-28'), 2)).toEqual({ at: endOf('2026-12-30'), provisional: false });
  });

  it('skips the Spring Festival and National Day weeks and counts the make-up Saturday once 2027 is entered', () => {
    expect(addWorkingDays(calendar, beijing('2027-02-03'), 3)).toEqual({ at: endOf('2027-02-08'), provisional: true });
    expect(addWorkingDays(calendarWith2027, beijing('2027-02-03'), 3)).toEqual({ at: endOf('2027-02-16'), provisional: false });
    // Saturday 20 February is worked: three working days after Thursday the 18th end on Monday the 22nd, not Tuesday.
    expect(addWorkingDays(calendarWith2027, beijing('2027-02-18'), 3).at).toBe(endOf('2027-02-22'));
    expect(addWorkingDays(calendar, beijing('2027-02-18'), 3).at).toBe(endOf('2027-02-23'));
    expect(addWorkingDays(calendarWith2027, beijing('2027-09-30'), 1).at).toBe(endOf('2027-10-08'));
    expect(workingDaysBetween(calendarWith2027, beijing('2027-02-04'), beijing('2027-02-16'))).toBe(2);
    expect(workingDaysBetween(calendar, beijing('2027-02-04'), beijing('2027-02-16'))).toBe(8);
  });

  it("gives a province's own holiday to its cities, even on a national make-up working day", () => {
    const withProvincial: WorkingCalendar = {
      ...calendarWith2027,
      days: [...calendarWith2027.days, { date: '2027-02-20', kind: 'holiday', name: '本省节日' }, { date: '2027-03-03', kind: 'holiday', name: '本省节日' }],
    };
    expect([isWorkingDay(withProvincial, '2027-02-20'), isWorkingDay(withProvincial, '2027-03-03')]).toEqual([false, false]);
    expect([isWorkingDay(calendarWith2027, '2027-02-20'), isWorkingDay(calendarWith2027, '2027-03-03')]).toEqual([true, true]);
  });
});

describe('deadlines counted with the calendar in force, and again when it changes', () => {
  const { plugin, compiled } = loadPlugins(plugins).processes.get('unemployment-registration')!;
  const parameters = parametersOn(plugin, '2027-02-03');
  const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
  const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };

  const created = start(compiled, { actor: caseworker, calendar, now: beijing('2027-02-03'), parameters });
  const submitted = step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: beijing('2027-02-03'), facts, parameters });

  it('opens the task with a provisional deadline, and keeps on the record which calendar counted it', () => {
    expect(submitted.effects).toContainEqual({ kind: 'task.open', state: 'submitted', role: 'reviewer', post: 'unemployment-review', dueAt: endOf('2027-02-08'), provisional: true });
    expect(submitted.snapshot.context).toMatchObject({ dueAt: endOf('2027-02-08'), dueProvisional: true, calendarVersion: 1 });
    const record = submitted.effects.find((e) => e.kind === 'record');
    expect(record).toMatchObject({ record: { event: 'submit', dueAt: endOf('2027-02-04'), dueProvisional: true, calendarVersion: 1 } });
  });

  it('counts the deadline of the current state again with the new calendar, from when the state was entered', () => {
    const moved = reschedule(compiled, { snapshot: submitted.snapshot, calendar: calendarWith2027, parameters });
    expect(moved.snapshot).toEqual({ state: 'submitted', context: { ...submitted.snapshot.context, dueAt: endOf('2027-02-16'), dueProvisional: false, calendarVersion: 2 } });
    expect(moved.effects).toEqual([{ kind: 'task.reschedule', state: 'submitted', dueAt: endOf('2027-02-16'), provisional: false }]);
  });

  it('counts a working-day timer again too', () => {
    const difficulty = compile(employmentDifficulty.definitions[0], employmentDifficulty.implementations);
    const aw = { ...caseworker, post: 'assistance-window' };
    const dParameters = parametersOn(employmentDifficulty, '2027-02-02');
    const subject = { birthDate: '1980-05-10', gender: 'female', unemploymentStatus: 'registered', employmentStatus: 'none', difficultyStatus: 'none', unjustifiedRefusals: 0, hasCertificate: true };
    const applied = start(difficulty, { actor: aw, calendar, now: beijing('2027-02-02'), parameters: dParameters });
    const publicized = step(difficulty, {
      snapshot: applied.snapshot,
      event: { type: 'verify', data: { category: 'age-4050', evidence: '身份证', retirementCategory: 'female-50' } },
      actor: aw,
      calendar,
      now: beijing('2027-02-03'),
      facts: { subject, registry: { employed: false, unemployed: true, recognized: false } },
      parameters: dParameters,
    });
    const days = dParameters['noticeWorkingDays'] as number;
    expect(publicized.effects).toContainEqual(expect.objectContaining({ kind: 'timer.schedule', event: 'endNotice', workingDays: true, provisional: true, at: addWorkingDays(calendar, beijing('2027-02-03'), days).at }));
    const moved = reschedule(difficulty, { snapshot: publicized.snapshot, calendar: calendarWith2027, parameters: dParameters });
    expect(moved.effects).toEqual([{ kind: 'timer.reschedule', state: 'publicized', event: 'endNotice', at: addWorkingDays(calendarWith2027, beijing('2027-02-03'), days).at, provisional: false }]);
  });

  it('replays an old case with the calendar of its time: the same states and the same deadlines; another calendar gives other deadlines', () => {
    const moved = reschedule(compiled, { snapshot: submitted.snapshot, calendar: calendarWith2027, parameters });
    const approved = step(compiled, { snapshot: moved.snapshot, event: { type: 'approve', data: { opinion: '同意' } }, actor: reviewer, calendar: calendarWith2027, now: beijing('2027-02-15'), facts, parameters });
    const approval = approved.effects.find((e) => e.kind === 'record');
    expect(approval).toMatchObject({ record: { dueAt: endOf('2027-02-16'), calendarVersion: 2, onTime: true } });

    const recorded = (calendars: [WorkingCalendar, WorkingCalendar, WorkingCalendar]): RecordedStep[] => [
      { event: 'create', to: 'draft', actor: caseworker, at: beijing('2027-02-03'), data: {}, facts: null, dueAt: null, calendar: calendars[0] },
      { event: 'submit', to: 'submitted', actor: caseworker, at: beijing('2027-02-03'), data: form, facts, dueAt: endOf('2027-02-04'), calendar: calendars[1] },
      { event: 'approve', to: 'registered', actor: reviewer, at: beijing('2027-02-15'), data: { opinion: '同意' }, facts, dueAt: endOf('2027-02-16'), calendar: calendars[2] },
    ];
    const parametersAt = (instant: string) => parametersOn(plugin, chinaDate(instant));
    // The draft's deadline was counted by version 1, the review's again by version 2: each step with the calendar that counted what it set.
    expect(replay(compiled, recorded([calendar, calendarWith2027, calendarWith2027]), parametersAt)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'registered' });
    expect(replay(compiled, recorded([calendar, calendar, calendar]), parametersAt)).toEqual({ deadlinesDiffer: [2], factsMissing: [], result: 'same', finalState: 'registered' });
  });
});
