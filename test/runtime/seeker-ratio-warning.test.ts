import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';

describe.each(backends)('early warning on a low 求人倍率 (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
  });
  afterAll(() => t.close());

  it('raises seeker-ratio-low where vacancies per seeker fall below 80%, and only there', async () => {
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const employer = (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '福州示例科技有限公司' } })).body.id;
    // 2026-Q3 at the 思明 office: one vacancy (headcount 1) and four job seekers: a ratio of 0.25.
    const vacancy = await open(t, caseworker, 'vacancy-posting', employer);
    await act(t, caseworker, vacancy.id, 'submit', vacancyPostingForm(EMPLOYER, { headcount: 1, validFrom: '2026-09-01', validUntil: '2026-11-20' }));
    await act(t, reviewer, vacancy.id, 'startReview', {});
    await act(t, reviewer, vacancy.id, 'publish', { opinion: '予以发布' });
    for (let i = 0; i < 4; i++) {
      const person = await registerPerson(t, caseworker, citizenId('350203', `1990010${i + 1}`, `0${i}3`), `求职者${i}`);
      const seeking = await open(t, caseworker, 'job-seeking', person);
      await act(t, caseworker, seeking.id, 'register', { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350203'], expectedPayFen: 500_000, education: '20', availableFrom: '2026-09-01', validUntil: '2026-12-31' });
    }

    const evaluator = await t.login('evaluator');
    const response = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: evaluator, body: { orgUnit: '350200', quarter: '2026-Q3' } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const ratioRule = response.body.evaluations.filter((e: { rule: string }) => e.rule === 'seeker-ratio-low');
    expect(ratioRule.find((e: { orgUnit: { id: string } }) => e.orgUnit.id === '350200')).toMatchObject({ value: 25, threshold: 80, raised: true });
    expect(ratioRule.find((e: { orgUnit: { id: string } }) => e.orgUnit.id === '350203')).toMatchObject({ value: 25, raised: true });
    // Districts with no seekers have no ratio and raise nothing.
    expect(ratioRule.find((e: { orgUnit: { id: string } }) => e.orgUnit.id === '350206')).toMatchObject({ value: null, raised: false });
    const raised = response.body.alerts.filter((a: { rule: string }) => a.rule === 'seeker-ratio-low').map((a: { orgUnit: { id: string }; status: string }) => [a.orgUnit.id, a.status]);
    expect(raised.sort()).toEqual([['350200', 'active'], ['350203', 'active']]);

    // A city threshold of 20% spares the city and its districts at 25%.
    const configurator = await t.login('configurator');
    expect((await t.request('PUT', '/api/monitoring/thresholds', { token: configurator, body: { rule: 'seeker-ratio-low', threshold: 20 } })).status).toBe(200);
    const lowered = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: evaluator, body: { orgUnit: '350200', quarter: '2026-Q3' } });
    expect(lowered.body.evaluations.find((e: { orgUnit: { id: string }; rule: string }) => e.orgUnit.id === '350203' && e.rule === 'seeker-ratio-low')).toMatchObject({ value: 25, threshold: 20, raised: false });
  });
});
