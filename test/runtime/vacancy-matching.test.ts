import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, jobSeekingForm, tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
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
  let employerAId: string;

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
    employerAId = a.body.id;
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
    expect(response.body.code).toBe('NO_JOB_SEEKING_REGISTRATION');
    expect(response.body.details).toMatchObject({ process: 'job-seeking' });
  });

  it('ranks published vacancies by occupation and region closeness and leaves out the rest', async () => {
    const seeking = await open(t, caseworker, 'job-seeking', seekerId);
    await act(t, caseworker, seeking.id, 'register', jobSeekingForm());
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

  /** Sends an event that must be refused for the rules named, and checks that it wrote nothing. */
  async function refusedFor(caseId: string, type: string, data: Record<string, unknown>, rules: string[]) {
    const response = await refusal(caseId, type, data);
    expect(response.body.code).toBe('RULE_VIOLATION');
    expect(response.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(rules);
  }

  /** Sends an event that must be refused with 422, changing no table; returns the response. */
  async function refusal(caseId: string, type: string, data: Record<string, unknown>) {
    const current = await t.request('GET', `/api/cases/${caseId}`, { token: caseworker });
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type, data, version: current.body.version } });
    expect(response.status).toBe(422);
    expect(await tableCounts(t.rt)).toEqual(before);
    return response;
  }

  it('refuses a posting excluding disabled or religious applicants, or paying a full-timer ¥1,000 a month, and writes nothing', async () => {
    const vacancy = await open(t, caseworker, 'vacancy-posting', employerAId);
    await refusedFor(vacancy.id, 'submit', posting(EMPLOYER_A, { requirements: '残疾人勿扰，信仰宗教者勿扰' }), ['no-disability-requirement', 'no-religion-requirement']);
    await refusedFor(vacancy.id, 'submit', posting(EMPLOYER_A, { payMinFen: 100_000, payMaxFen: 100_000 }), ['pay-not-below-minimum-wage']);
    // Welcoming applicants with disabilities is no restriction.
    expect((await act(t, caseworker, vacancy.id, 'submit', posting(EMPLOYER_A, { requirements: '欢迎残疾人报名，残疾人优先' }))).state).toBe('submitted');
  });

  it('refers only a person with an active job-seeking registration of their own, and writes nothing otherwise', async () => {
    const form = { vacancyCaseNo: vacancies['exactNearby']!.caseNo, employerCreditCode: EMPLOYER_A, occupation: '4-02-06-03' };
    const unregistered = await registerPerson(t, caseworker, citizenId('350206', '19880705', '019'), '陈海峰');
    const referral = await open(t, caseworker, 'job-referral', unregistered);
    await refusedFor(referral.id, 'refer', form, ['job-seeker-registered']);

    // Withdrawn before the referral: refused again. (seekerId's active registration does not count for another person.)
    const seeking = await open(t, caseworker, 'job-seeking', unregistered);
    const profile = jobSeekingForm();
    await act(t, caseworker, seeking.id, 'register', profile);
    await act(t, caseworker, seeking.id, 'withdraw', { withdrawalReason: '本人申请' });
    await refusedFor(referral.id, 'refer', form, ['job-seeker-registered']);

    const again = await open(t, caseworker, 'job-seeking', unregistered);
    await act(t, caseworker, again.id, 'register', profile);
    expect((await act(t, caseworker, referral.id, 'refer', form)).state).toBe('referred');
  });

  it('counts an unjustified refusal of offered training on the person; an offer dated tomorrow writes nothing', async () => {
    const person = await registerPerson(t, caseworker, citizenId('350206', '19920214', '027'), '郑文华');
    const seeking = await open(t, caseworker, 'job-seeking', person);
    await act(t, caseworker, seeking.id, 'register', jobSeekingForm());
    const refusals = async () => (await t.request('GET', `/api/persons/${person}`, { token: caseworker })).body.unjustifiedRefusals as number;
    expect(await refusals()).toBe(0);

    const offer = { offeredTraining: '叉车司机职业技能培训', offeredOn: '2026-11-02', refusalReason: '不愿参加，未说明理由' };
    // Dated tomorrow: refused beside the field by the form's bound, before any rule.
    const tomorrow = await refusal(seeking.id, 'refuseTraining', { ...offer, offeredOn: '2026-11-03' });
    expect(tomorrow.body.code).toBe('FORM_INVALID');
    expect(tomorrow.body.details.fields).toEqual([expect.objectContaining({ field: 'offeredOn', keyword: 'x-not-after-today' })]);
    expect(await refusals()).toBe(0);

    expect((await act(t, caseworker, seeking.id, 'refuseTraining', offer)).state).toBe('active');
    expect(await refusals()).toBe(1);
  });
});
