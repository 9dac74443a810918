import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';

describe.each(backends)('re-employment and exit rates of the registered unemployed (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
  });
  afterAll(() => t.close());

  it('counts the registrations ended by an employment registration among those that ended', async () => {
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '福州示例科技有限公司' } })).status).toBe(201);
    const registrations: string[] = [];
    const people: string[] = [];
    for (const [i, name] of ['王一', '王二', '王三'].entries()) {
      const person = await registerPerson(t, caseworker, citizenId('350203', `1985010${i + 1}`, `0${i}1`), name);
      const registration = await open(t, caseworker, 'unemployment-registration', person);
      await act(t, caseworker, registration.id, 'submit', registrationForm());
      await act(t, reviewer, registration.id, 'approve', { opinion: '同意' });
      registrations.push(registration.id);
      people.push(person);
    }
    // The first finds a job (the registration ends by coordination), the second asks to end it, the third stays registered.
    const hire = await open(t, caseworker, 'employment-registration', people[0]!);
    await act(t, caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2026-11-01' });
    await act(t, caseworker, registrations[1]!, 'cancel', { cancellationReason: 'applicant-request' });

    const evaluator = await t.login('evaluator');
    const rate = await t.request('GET', '/api/indicators/unemployment-re-employment-rate?orgUnit=350200&from=2026-11-01&to=2026-11-30', { token: evaluator });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    expect(rate.body).toMatchObject({ numerator: 1, denominator: 2, value: 50 });

    // The third registration ends 200 days after it was opened: after 6 months, within 12.
    t.clock.advanceDays(200);
    await act(t, await t.login('caseworker'), registrations[2]!, 'cancel', { cancellationReason: 'applicant-request' });
    const later = await t.login('evaluator');
    const exits = async (id: string) => (await t.request('GET', `/api/indicators/${id}?orgUnit=350200&from=2026-11-01&to=2027-06-30`, { token: later })).body;
    expect(await exits('unemployment-exit-within-6-months')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    expect(await exits('unemployment-exit-within-12-months')).toMatchObject({ numerator: 3, denominator: 3, value: 100 });
    expect(await exits('unemployment-re-employment-rate')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
  });
});
