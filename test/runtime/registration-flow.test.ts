import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';

describe.each(backends)('unemployment then employment registration end to end (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  });
  afterAll(() => t.close());

  it('answers health with the backend and lists the processes in force', async () => {
    // The test clock stands at 2 November 2026: from 1 November the 2027 schedule is asked for.
    expect((await t.request('GET', '/api/health')).body).toEqual({ status: 'ok', database: backend, mode: 'demo', calendar: { version: 1, lastScheduledYear: 2026, missingYears: [2027] } });
    const errorCodes = await t.request('GET', '/api/error-codes');
    expect(errorCodes.body.CASE_VERSION_CONFLICT).toEqual({ 'zh-CN': '该业务已被他人处理，请刷新后重试', en: 'Someone else has acted on this case; reload and try again' });
    const processes = await t.request('GET', '/api/processes', { token: caseworker });
    expect(processes.status).toBe(200);
    const inForce = processes.body.items.map((p: { id: string; version: number }) => [p.id, p.version]);
    expect(inForce).toHaveLength(t.rt.registry.processes.size);
    expect(inForce).toContainEqual(['employment-registration', 1]);
    expect(inForce).toContainEqual(['unemployment-registration', 1]);
    expect(processes.body.items.find((p: { id: string }) => p.id === 'unemployment-registration').title['zh-CN']).toBe('失业登记');
  });

  it('walks a person from registration to registered unemployed, then cancels it by employment registration', async () => {
    const idNumber = citizenId('350203', '19880516', '031');
    const person = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber, name: '陈建国', phone: '13912345678' } });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ gender: 'male', birthDate: '1988-05-16', warnings: [] });
    expect(person.body.statuses).toEqual({ unemploymentStatus: 'none', employmentStatus: 'none', difficultyStatus: 'none' });

    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ state: 'draft', version: 1, definitionVersion: 1, subject: { name: '陈建国', identifier: '350203***********' + idNumber[17] } });
    expect(opened.body.caseNo).toMatch(/^UR3502002026\d{6}$/);
    expect(opened.body.actions.map((a: { event: string }) => a.event)).toEqual(['submit', 'abandon']);
    expect(opened.body.actions[0].form.schema.required).toContain('category');

    const inbox = await t.request('GET', '/api/tasks', { token: caseworker });
    expect(inbox.body.items.map((task: { caseId: string; state: string }) => [task.caseId, task.state])).toContainEqual([opened.body.id, 'draft']);

    const submitted = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', version: 2, actions: [] });

    const reviewerView = await t.request('GET', `/api/cases/${opened.body.id}`, { token: reviewer });
    expect(reviewerView.body.actions.map((a: { event: string }) => a.event)).toEqual(['approve', 'reject', 'returnForCorrection']);
    const approved = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '材料齐全，予以登记' }, version: 2 } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'registered', status: 'active' });

    const registered = await t.request('GET', `/api/persons/${person.body.id}`, { token: caseworker });
    expect(registered.body.statuses.unemploymentStatus).toBe('registered');
    expect(registered.body.certificateNo).toMatch(/^3502002026\d{6}$/);

    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: '91350100M000100Y43', name: '福州示例科技有限公司' } });
    expect(employer.status).toBe(201);
    const hire = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'employment-registration', subjectId: person.body.id } });
    const employed = await t.request('POST', `/api/cases/${hire.body.id}/events`, {
      token: caseworker,
      body: { type: 'register', data: { employmentForm: 'contract', employerCreditCode: '91350100M000100Y43', hireDate: '2026-11-01' }, version: 1 },
    });
    expect(employed.status).toBe(200);
    expect(employed.body.state).toBe('employed');

    const cancelled = await t.request('GET', `/api/cases/${opened.body.id}`, { token: caseworker });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', status: 'final', outcome: 'cancelled', data: { cancellationReason: 'employed' } });
    const after = await t.request('GET', `/api/persons/${person.body.id}`, { token: caseworker });
    expect(after.body).toMatchObject({ statuses: { unemploymentStatus: 'none', employmentStatus: 'employed' }, certificateNo: registered.body.certificateNo });

    const history = await t.request('GET', `/api/cases/${opened.body.id}/history`, { token: caseworker });
    expect(history.body.items.map((h: { from: string | null; to: string; event: string }) => [h.from, h.to, h.event])).toEqual([
      [null, 'draft', 'create'],
      ['draft', 'submitted', 'submit'],
      ['submitted', 'registered', 'approve'],
      ['registered', 'cancelled', 'employmentRegistered'],
    ]);
    const [, submit, approve, cancel] = history.body.items;
    expect(submit).toMatchObject({ actor: { role: 'caseworker', name: '综合窗口经办员' }, post: 'unemployment-window', orgUnit: { name: '思明区公共就业服务中心' }, onTime: true });
    expect(submit.dueAt).not.toBeNull();
    expect(approve).toMatchObject({ actor: { role: 'reviewer' }, post: 'unemployment-review', onTime: true });
    expect(cancel).toMatchObject({ actor: { role: 'system' }, cause: { event: 'employment.registered', caseId: hire.body.id, caseNo: hire.body.caseNo, processId: 'employment-registration' } });
  });
});
