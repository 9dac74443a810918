import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER_A = '91350100M000100Y43';
const EMPLOYER_B = '91350203MA2Y3K1B9C';

/** A posting of an employer in district 350206, where the seeker looks for work, valid from 2026-11-01. */
function posting(employerCreditCode: string, overrides: Record<string, unknown> = {}) {
  return vacancyPostingForm(employerCreditCode, { workArea: '350206', validFrom: '2026-11-01', ...overrides });
}

describe.each(backends)('vacancy matching and referral to a published vacancy (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  const vacancies: Record<string, { id: string; caseNo: string }> = {};
  let seekerId: string;

  async function postVacancy(key: string, employerId: string, form: Record<string, unknown>, publish = true) {
    const vacancy = await open(t, caseworker, 'vacancy-posting', employerId);
    await act(t, caseworker, vacancy.id, 'submit', form);
    if (publish) {
      await act(t, reviewer, vacancy.id, 'startReview', {});
      await act(t, reviewer, vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    }
    vacancies[key] = { id: vacancy.id, caseNo: vacancy.caseNo };
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    const a = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER_A, name: '厦门示例物流有限公司' } });
    const b = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER_B, name: '厦门示例商贸有限公司' } });
    await postVacancy('exactNearby', a.body.id, posting(EMPLOYER_A));
    await postVacancy('sameGroupFar', b.body.id, posting(EMPLOYER_B, { occupation: '4-02-06-01', workArea: '350212' }));
    await postVacancy('otherMajorGroup', b.body.id, posting(EMPLOYER_B, { title: '会计', occupation: '2-06-01-01' }));
    await postVacancy('notPublished', a.body.id, posting(EMPLOYER_A), false);
    seekerId = await registerPerson(t, caseworker, citizenId('350206', '19900312', '035'), '林志强');
  });
  afterAll(() => t.close());

  it('refuses matching for a person with no job-seeking registration', async () => {
    const response = await t.request('GET', `/api/persons/${seekerId}/vacancy-matches`, { token: caseworker });
    expect(response.status).toBe(404);
    expect(response.body.details).toMatchObject({ process: 'job-seeking' });
  });

  it('ranks published vacancies by occupation and region closeness and leaves out the rest', async () => {
    const seeking = await open(t, caseworker, 'job-seeking', seekerId);
    await act(t, caseworker, seeking.id, 'register', {
      desiredOccupations: ['4-02-06-03'],
      desiredAreas: ['350206'],
      expectedPayFen: 500_000,
      education: '60',
      availableFrom: '2026-11-03',
      validUntil: '2027-03-31',
    });
    const response = await t.request('GET', `/api/persons/${seekerId}/vacancy-matches`, { token: caseworker });
    expect(response.status).toBe(200);
    expect(response.body.items.map((m: { vacancy: { caseNo: string }; occupation: string; region: string }) => [m.vacancy.caseNo, m.occupation, m.region])).toEqual([
      [vacancies['exactNearby']!.caseNo, 'exact', 'county'],
      [vacancies['sameGroupFar']!.caseNo, 'minor-group', 'city'],
    ]);
    expect(response.body.items[0]).toMatchObject({ employerName: '厦门示例物流有限公司', payFits: true, title: '仓库管理员' });
  });

  it('refers only to a published vacancy of the employer named', async () => {
    const referral = await open(t, caseworker, 'job-referral', seekerId);
    const unpublished = await t.request('POST', `/api/cases/${referral.id}/events`, {
      token: caseworker,
      body: { type: 'refer', data: { vacancyCaseNo: vacancies['notPublished']!.caseNo, employerCreditCode: EMPLOYER_A, occupation: '4-02-06-03' }, version: referral.version },
    });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.details.violations.map((v: { rule: string }) => v.rule)).toContain('vacancy-published');
    const wrongEmployer = await t.request('POST', `/api/cases/${referral.id}/events`, {
      token: caseworker,
      body: { type: 'refer', data: { vacancyCaseNo: vacancies['exactNearby']!.caseNo, employerCreditCode: EMPLOYER_B, occupation: '4-02-06-03' }, version: referral.version },
    });
    expect(wrongEmployer.status).toBe(422);
    expect(wrongEmployer.body.details.violations.map((v: { rule: string }) => v.rule)).toContain('employer-matches-vacancy');
    const referred = await act(t, caseworker, referral.id, 'refer', { vacancyCaseNo: vacancies['exactNearby']!.caseNo, employerCreditCode: EMPLOYER_A, occupation: '4-02-06-03' });
    expect(referred.state).toBe('referred');
  });
});
