import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';

describe.each(backends)('SLA deadlines in working days and the on-time record (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    // Wednesday 2026-09-30, 10:00 in Beijing: the National Day holiday starts the next day.
    t = await createTestRuntime(backend, { clock: testClock('2026-09-30T02:00:00.000Z') });
  });
  afterAll(() => t.close());

  it('skips the holiday for the deadline, flags the overdue task, and records the late step', async () => {
    const caseworker = await t.login('caseworker');
    const person = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350205', '19860606', '019'), name: '郑海' } });
    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    // One working day after 09-30 is 10-08 (10-01..10-07 are holidays), ending 23:59:59 Beijing time.
    expect(opened.body.dueAt).toBe('2026-10-08T15:59:59.999Z');
    await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });

    // Review allows 3 working days: 10-08, 10-09 and the make-up working Saturday 10-10.
    t.clock.set('2026-10-12T02:00:00.000Z');
    const reviewer = await t.login('reviewer');
    const overdue = await t.request('GET', '/api/tasks?overdue=true', { token: reviewer });
    expect(overdue.body.items).toHaveLength(1);
    expect(overdue.body.items[0]).toMatchObject({ caseId: opened.body.id, state: 'submitted', overdue: true, dueAt: '2026-10-10T15:59:59.999Z' });

    await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    const history = await t.request('GET', `/api/cases/${opened.body.id}/history`, { token: reviewer });
    const [, submit, approve] = history.body.items;
    expect(submit).toMatchObject({ enteredAt: '2026-09-30T02:00:00.000Z', leftAt: '2026-09-30T02:00:00.000Z', dueAt: '2026-10-08T15:59:59.999Z', onTime: true });
    expect(approve).toMatchObject({ enteredAt: '2026-09-30T02:00:00.000Z', leftAt: '2026-10-12T02:00:00.000Z', dueAt: '2026-10-10T15:59:59.999Z', onTime: false });
    expect((await t.request('GET', '/api/tasks?overdue=true', { token: reviewer })).body.total).toBe(0);
  });
});
