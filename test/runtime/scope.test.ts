import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';

describe.each(backends)('jurisdiction: users act only within their org subtree (%s)', (backend) => {
  let t: TestRuntime;
  let xiamen: string;
  let fuzhou: string;
  let evaluator: string;
  let personId: string;
  let caseId: string;
  const idNumber = citizenId('350203', '19900707', '015');

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await t.addCity('3501');
    await insertDemoUsers(t.rt.db, [{ username: 'fz-caseworker', displayName: '福州经办员', role: 'caseworker', orgUnitId: officeId('350102'), post: 'unemployment-window' }]);
    xiamen = await t.login('caseworker');
    fuzhou = await t.login('fz-caseworker');
    evaluator = await t.login('evaluator');
    const person = await t.request('POST', '/api/persons', { token: xiamen, body: { idNumber, name: '黄志明' } });
    personId = person.body.id;
    caseId = (await t.request('POST', '/api/cases', { token: xiamen, body: { processId: 'unemployment-registration', subjectId: personId } })).body.id;
  });
  afterAll(() => t.close());

  it("answers 404, not 403, for another city's person and case", async () => {
    expect((await t.request('GET', `/api/persons/${personId}`, { token: fuzhou })).status).toBe(404);
    expect((await t.request('GET', `/api/cases/${caseId}`, { token: fuzhou })).status).toBe(404);
    expect((await t.request('GET', `/api/cases/${caseId}/history`, { token: fuzhou })).status).toBe(404);
    const step = await t.request('POST', `/api/cases/${caseId}/events`, { token: fuzhou, body: { type: 'abandon', data: { cancellationReason: 'other' }, version: 1 } });
    expect(step.status).toBe(404);
    expect((await t.request('GET', `/api/cases/${caseId}`, { token: xiamen })).body.state).toBe('draft');
  });

  it("leaves another city's records out of lists, inboxes and case starts", async () => {
    expect((await t.request('GET', `/api/persons?q=${idNumber}`, { token: fuzhou })).body.items).toEqual([]);
    expect((await t.request('GET', '/api/cases', { token: fuzhou })).body.total).toBe(0);
    expect((await t.request('GET', '/api/tasks', { token: fuzhou })).body.total).toBe(0);
    const start = await t.request('POST', '/api/cases', { token: fuzhou, body: { processId: 'unemployment-registration', subjectId: personId } });
    expect(start.status).toBe(404);
  });

  it('lets a second city register the same ID number in its own records', async () => {
    const response = await t.request('POST', '/api/persons', { token: fuzhou, body: { idNumber, name: '黄志明' } });
    expect(response.status).toBe(201);
    expect(response.body.cityCode).toBe('350100');
  });

  it('refuses a second unemployment registration in another city while one is active (one nationwide)', async () => {
    const reviewer = await t.login('reviewer');
    await t.request('POST', `/api/cases/${caseId}/events`, { token: xiamen, body: { type: 'submit', data: registrationForm(), version: 1 } });
    const approved = await t.request('POST', `/api/cases/${caseId}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    expect(approved.body.state).toBe('registered');
    const [fuzhouPerson] = (await t.request('GET', `/api/persons?q=${idNumber}`, { token: fuzhou })).body.items;
    const opened = await t.request('POST', '/api/cases', { token: fuzhou, body: { processId: 'unemployment-registration', subjectId: fuzhouPerson.id } });
    const refused = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: fuzhou, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(refused.status).toBe(422);
    expect(refused.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['one-active-registration']);
  });

  it('masks ID numbers in lists and shows them in full on the record', async () => {
    const list = await t.request('GET', `/api/persons?q=${idNumber}`, { token: xiamen });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].idNumber).toBe(`350203***********${idNumber[17]}`);
    expect((await t.request('GET', `/api/persons/${personId}`, { token: xiamen })).body.idNumber).toBe(idNumber);
    const cases = await t.request('GET', '/api/cases', { token: xiamen });
    expect(cases.body.items[0].subject.identifier).not.toContain('19900707');
  });

  it("lets a provincial administrator see the cases of every city in the province, and keeps persons and cases from the province's evaluator", async () => {
    const cases = await t.request('GET', '/api/cases', { token: await t.login('provincial-admin') });
    expect(cases.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    // Before the permission table an evaluator listed every person of the province (issue 12).
    expect((await t.request('GET', `/api/persons?q=${idNumber}`, { token: evaluator })).status).toBe(403);
    expect((await t.request('GET', '/api/cases', { token: evaluator })).status).toBe(403);
  });

  it('refuses master-data writes from roles outside the service windows', async () => {
    const response = await t.request('POST', '/api/persons', { token: evaluator, body: { idNumber: citizenId('350203', '19910101', '017'), name: '某' } });
    expect(response.status).toBe(403);
  });
});

describe.each(backends)('production mode (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend, { mode: 'production' });
  });
  afterAll(() => t.close());

  it('seeds no demo accounts and refuses a demo account even if one exists', async () => {
    expect((await t.request('GET', '/api/health')).body.mode).toBe('production');
    const before = await t.request('POST', '/api/auth/login', { body: { username: 'caseworker', password: 'demo' } });
    expect(before.status).toBe(401);
    await insertDemoUsers(t.rt.db, [{ username: 'caseworker', displayName: '演示', role: 'caseworker', orgUnitId: '350200' }]);
    const after = await t.request('POST', '/api/auth/login', { body: { username: 'caseworker', password: 'demo' } });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
