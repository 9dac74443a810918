import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoUsers, officeId, windowPosts } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

/** A flexible job, so no employer has to be registered first. */
const flexibleJob = { employmentForm: 'flexible', hireDate: '2024-09-01' };

describe.each(backends)('cases linked by coordination (%s)', (backend) => {
  let t: TestRuntime;
  /** The demo caseworker and reviewer at the Siming district office. */
  let caseworker: string;
  let reviewer: string;
  /** A caseworker at the Huli district office, and a reviewer over the whole city. */
  let huli: string;
  let city: string;
  const ids = { firstJob: '', registration: '', benefit: '', secondJob: '' };

  async function links(token: string, caseId: string) {
    const response = await t.request('GET', `/api/cases/${caseId}/links`, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as { direction: string; event: string; eventTitle: { 'zh-CN': string } | null; effect: string; caseId: string; caseNo: string; processTitle: { en: string }; stateTitle: { en: string }; at: string }[];
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await insertDemoUsers(t.rt.db, [
      { username: 'huli-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: windowPosts },
      { username: 'city-reviewer', displayName: '市局审核员', role: 'reviewer', orgUnitId: '350200' },
    ]);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    huli = await t.login('huli-caseworker');
    city = await t.login('city-reviewer');
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19800512', '037'), '林志远');

    // An involuntary separation at Siming opens an unemployment registration draft and a benefit case.
    ids.firstJob = (await open(t, caseworker, 'employment-registration', personId)).id;
    // Hired in 2024 and registered only now: a late registration, marked so.
    await act(t, caseworker, ids.firstJob, 'register', { ...flexibleJob, lateReport: true, lateReportReason: '本人补办就业登记' });
    await act(t, caseworker, ids.firstJob, 'terminate', { terminationDate: '2026-10-30', terminationReason: 'dismissed', involuntary: true });
    const cases = await t.request('GET', `/api/cases?subjectId=${personId}`, { token: caseworker });
    ids.registration = cases.body.items.find((c: { processId: string }) => c.processId === 'unemployment-registration').id;
    ids.benefit = cases.body.items.find((c: { processId: string }) => c.processId === 'unemployment-benefit').id;
    await act(t, caseworker, ids.registration, 'submit', registrationForm({ unemployedSince: '2026-10-30' }));
    expect((await act(t, reviewer, ids.registration, 'approve', { opinion: '材料齐全，予以登记' })).state).toBe('registered');

    // A new job registered at Huli cancels the Siming registration.
    ids.secondJob = (await open(t, huli, 'employment-registration', personId)).id;
    await act(t, huli, ids.secondJob, 'register', { ...flexibleJob, hireDate: '2026-11-01' });
    expect((await getCase(t, caseworker, ids.registration)).state).toBe('cancelled');
  });
  afterAll(() => t.close());

  it("lists the cases a case's domain events opened, with their process and current state", async () => {
    const items = await links(caseworker, ids.firstJob);
    expect(items.map(({ direction, event, effect, caseId }) => ({ direction, event, effect, caseId }))).toEqual([
      { direction: 'caused', event: 'employment.terminated', effect: 'started', caseId: ids.benefit },
      { direction: 'caused', event: 'employment.terminated', effect: 'started', caseId: ids.registration },
    ]);
    expect(items[1]).toMatchObject({ processTitle: { en: 'Unemployment registration' }, stateTitle: { en: 'Cancelled' } });
    // The event reads as the step of this case that emitted it.
    expect(items.map((link) => link.eventTitle?.['zh-CN'])).toEqual(['办理就业登记注销', '办理就业登记注销']);
    expect(items[1]!.caseNo).toMatch(/^UR/);
  });

  it('lists both ways for the city, and leaves a linked case outside the caller’s subtree out', async () => {
    expect((await links(city, ids.registration)).map(({ direction, event, effect, caseId, stateTitle }) => ({ direction, event, effect, caseId, state: stateTitle.en }))).toEqual([
      { direction: 'caused-by', event: 'employment.terminated', effect: 'started', caseId: ids.firstJob, state: 'Terminated' },
      { direction: 'caused-by', event: 'employment.registered', effect: 'stepped', caseId: ids.secondJob, state: 'Employed' },
    ]);
    // Each event reads as the step of the linked case that emitted it.
    expect((await links(city, ids.registration)).map((link) => link.eventTitle?.['zh-CN'])).toEqual(['办理就业登记注销', '办理就业登记']);
    expect((await links(city, ids.secondJob)).map(({ direction, effect, caseId }) => ({ direction, effect, caseId }))).toEqual([
      { direction: 'caused', effect: 'stepped', caseId: ids.registration },
    ]);
    // Siming does not see the Huli case; Huli does not see the Siming registration.
    expect((await links(caseworker, ids.registration)).map((link) => link.caseId)).toEqual([ids.firstJob]);
    expect(await links(huli, ids.secondJob)).toEqual([]);
  });

  it('answers 404 for a case outside the caller’s subtree, and an empty list for a case nothing linked', async () => {
    expect((await t.request('GET', `/api/cases/${ids.registration}/links`, { token: huli })).status).toBe(404);
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19850301', '024'), '郑雅琴');
    const alone = await open(t, caseworker, 'unemployment-registration', personId);
    expect(await links(caseworker, alone.id)).toEqual([]);
  });

  it('gives each history step the form its data was entered on and the name of its post', async () => {
    const response = await t.request('GET', `/api/cases/${ids.registration}/history`, { token: caseworker });
    const forms = response.body.items.map((item: { event: string; form: { id: string; title: { en: string }; schema: { properties: object } } | null }) => [item.event, item.form?.id ?? null]);
    expect(forms).toEqual([
      ['create', null],
      ['submit', 'registration'],
      ['approve', 'review'],
      ['employmentRegistered', 'cancellation'],
    ]);
    expect(response.body.items[1].form.schema.properties.phone).toMatchObject({ title: '手机号码', 'x-i18n': { en: 'Mobile phone' } });
    expect(response.body.items.map((item: { postTitle: { 'zh-CN': string } | null }) => item.postTitle?.['zh-CN'] ?? null)).toEqual([null, '失业登记窗口', '失业登记审核岗', null]);
    expect((await caseHistory(t, caseworker, ids.registration)).at(-1)?.cause).toMatchObject({ event: 'employment.registered', caseId: ids.secondJob });
    // The causing event reads as the step of the causing case that emitted it.
    expect(response.body.items.map((item: { cause: { eventTitle: { 'zh-CN': string } | null } | null }) => item.cause?.eventTitle?.['zh-CN'] ?? null)).toEqual([
      '办理就业登记注销',
      null,
      null,
      '办理就业登记',
    ]);
  });
});
