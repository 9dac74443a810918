import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, readsFacts, start, step, type CaseSnapshot } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const unemploymentRegistration = ministryPackage('unemployment-registration');
import { kinds, refusal } from '../support/engine-assertions.ts';
import { caseworker, otherCaseworker, reviewer, tinyDefinition } from './fixtures.ts';
import { calendar } from '../support/calendar.ts';

const compiled = compile(unemploymentRegistration.definitions[0], unemploymentRegistration.implementations);
const parameters = { minimumAge: 16 };
const facts = {
  subject: { birthDate: '1990-03-07', gender: 'female' },
  registry: { employed: false, unemployed: false },
};
const form = {
  category: 'school-leaver',
  unemployedSince: '2026-07-01',
  phone: '13800138000',
  residenceArea: '350203',
  education: '20',
  retirementCategory: 'female-50',
};

function submitted(): CaseSnapshot {
  const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
  return step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters }).snapshot;
}

describe('start', () => {
  it('opens the intake task with a deadline in working days and records the creation', () => {
    const result = start(compiled, { actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z' });
    expect(result.snapshot.state).toBe('draft');
    expect(result.status).toBe('active');
    // 2026-10-01..07 is the National Day holiday: one working day after 09-30 is 10-08.
    expect(result.snapshot.context.dueAt).toBe('2026-10-08T15:59:59.999Z');
    expect(result.effects).toContainEqual({ kind: 'task.open', state: 'draft', role: 'caseworker', post: 'unemployment-window', dueAt: '2026-10-08T15:59:59.999Z', provisional: false });
    expect(result.effects[0]).toMatchObject({ kind: 'record', record: { from: null, to: 'draft', event: 'create' } });
  });
});

describe('step', () => {
  it('walks intake -> review -> registered, with records, tasks and the registration effects', () => {
    const s1 = submitted();
    expect(s1.state).toBe('submitted');
    expect(s1.context.data).toMatchObject(form);
    // Make-up working day Saturday 2026-10-10 counts: 3 working days after 09-30 are 10-08, 10-09, 10-10.
    expect(s1.context.dueAt).toBe(addWorkingDays(calendar, '2026-09-30T02:00:00.000Z', 3).at);
    expect(s1.context.dueAt).toBe('2026-10-10T15:59:59.999Z');

    const approved = step(compiled, { snapshot: s1, event: { type: 'approve', data: { opinion: '材料齐全' } }, actor: reviewer, calendar, now: '2026-10-12T01:00:00.000Z', facts, parameters });
    expect(approved.snapshot.state).toBe('registered');
    expect(approved.status).toBe('active');
    expect(kinds(approved.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'subject.set', 'certificate.issue', 'emit']);
    expect(approved.effects[1]).toEqual({ kind: 'timer.cancel', state: 'submitted' });
    expect(approved.effects[2]).toMatchObject({ kind: 'record', record: { from: 'submitted', to: 'registered', event: 'approve', onTime: false, dueAt: '2026-10-10T15:59:59.999Z' } });
    expect(approved.effects[3]).toEqual({ kind: 'subject.set', field: 'unemploymentStatus', value: 'registered' });
    expect(approved.effects[5]).toEqual({ kind: 'emit', event: 'unemployment.registered', payload: { category: 'school-leaver', unemployedSince: '2026-07-01' } });
  });

  it('marks a step taken before its deadline as on time', () => {
    const approved = step(compiled, { snapshot: submitted(), event: { type: 'approve', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters });
    expect(approved.effects.find((e) => e.kind === 'record')).toMatchObject({ record: { onTime: true } });
  });

  it('refuses an event the current state does not accept, listing what it does accept', () => {
    const error = refusal(() => step(compiled, { snapshot: submitted(), event: { type: 'cancel' }, actor: caseworker, calendar, now: '2026-10-09T01:00:00.000Z' }));
    expect(error.code).toBe('TRANSITION_NOT_AVAILABLE');
    expect(error.details).toEqual({ state: 'submitted', event: 'cancel', available: ['approve', 'reject', 'returnForCorrection'] });
  });

  it('refuses a role that may not send the event', () => {
    const error = refusal(() => step(compiled, { snapshot: submitted(), event: { type: 'approve', data: { opinion: 'x' } }, actor: caseworker, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters }));
    expect(error.code).toBe('ROLE_NOT_PERMITTED');
  });

  it('refuses the maker as checker', () => {
    const makerAsReviewer = { ...reviewer, id: caseworker.id };
    const error = refusal(() => step(compiled, { snapshot: submitted(), event: { type: 'approve', data: { opinion: 'x' } }, actor: makerAsReviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters }));
    expect(error.code).toBe('MAKER_CHECKER_VIOLATION');
    // Another caseworker is no maker of this case, but still not a reviewer.
    expect(refusal(() => step(compiled, { snapshot: submitted(), event: { type: 'approve', data: { opinion: 'x' } }, actor: otherCaseworker, calendar, now: '2026-10-09T01:00:00.000Z' })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('refuses form data failing its schema, naming every failing field', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const bad = { ...form, phone: '12345', category: 'lost-job', extra: 1 };
    const error = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: bad }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters }));
    expect(error.code).toBe('FORM_INVALID');
    const fields = (error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['extra', 'phone', 'previousEmployerCreditCode', 'separationProof']);
  });

  it('refuses data sent with an event that carries no form', () => {
    const definition = tinyDefinition();
    const { form: _form, rules: _rules, ...close } = definition.states.open.on.close;
    const { task: _task, ...open } = definition.states.open;
    const tiny = compile({ ...definition, states: { ...definition.states, open: { ...open, on: { close } } } }, { guards: {}, actions: {} });
    const created = start(tiny, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const error = refusal(() => step(tiny, { snapshot: created.snapshot, event: { type: 'close', data: { amount: 1 } }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z' }));
    expect(error.code).toBe('FORM_INVALID');
    expect(error.details).toEqual({ form: null, fields: [{ field: 'amount', keyword: 'noForm', message: 'this event carries no form', text: { 'zh-CN': '该操作不带表单', en: 'This event carries no form' } }] });
  });

  it('refuses a rule violation, naming each violated rule', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const tooOld = { subject: { birthDate: '1960-01-10', gender: 'male' }, registry: { employed: true, unemployed: false } };
    const error = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts: tooOld, parameters }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect((error.details as { violations: { rule: string }[] }).violations.map((v) => v.rule)).toEqual(['working-age', 'not-employed']);
  });

  it('refuses a person under the minimum age and a woman past her retirement month', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const submit = (subject: object, category: string) =>
      refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: { ...form, retirementCategory: category } }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts: { ...facts, subject }, parameters }));
    expect(submit({ birthDate: '2010-10-01', gender: 'male' }, 'male-60').code).toBe('RULE_VIOLATION');
    // Born 1975-03, original age 50: retires 2025-05, so in 2026 she is past it.
    expect(submit({ birthDate: '1975-03-02', gender: 'female' }, 'female-50').code).toBe('RULE_VIOLATION');
    // The same woman in the 55 category retires 2031-07 and may register.
    const ok = step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: { ...form, retirementCategory: 'female-55' } }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts: { ...facts, subject: { birthDate: '1975-03-02', gender: 'female' } }, parameters });
    expect(ok.snapshot.state).toBe('submitted');
  });

  it('lets the system cancel a registration on employment, and ends final', () => {
    const registered = step(compiled, { snapshot: submitted(), event: { type: 'approve', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters });
    const system = { id: 'system', name: '系统', role: 'system', post: null, orgUnit: 'o-1' };
    const cancelled = step(compiled, { snapshot: registered.snapshot, event: { type: 'employmentRegistered', data: { cancellationReason: 'employed' } }, actor: system, calendar, now: '2026-11-02T01:00:00.000Z' });
    expect(cancelled.status).toBe('final');
    expect(cancelled.snapshot.state).toBe('cancelled');
    expect(cancelled.effects).toContainEqual({ kind: 'subject.set', field: 'unemploymentStatus', value: 'none' });
    // A caseworker cannot send the system's event.
    expect(refusal(() => step(compiled, { snapshot: registered.snapshot, event: { type: 'employmentRegistered', data: { cancellationReason: 'employed' } }, actor: caseworker, calendar, now: '2026-11-02T01:00:00.000Z' })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('is pure: the input snapshot is not changed and equal inputs give equal outputs', () => {
    const before = submitted();
    const copy = structuredClone(before);
    const input = { snapshot: before, event: { type: 'approve', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters };
    expect(step(compiled, input)).toEqual(step(compiled, input));
    expect(before).toEqual(copy);
  });
});

describe('readsFacts', () => {
  it('says whether an event\'s rules can read facts, so the runtime can skip the look-up', () => {
    expect(readsFacts(compiled, 'draft', 'submit')).toBe(true);
    expect(readsFacts(compiled, 'submitted', 'reject')).toBe(false);
    expect(readsFacts(compiled, 'registered', 'cancel')).toBe(false);
  });
});
