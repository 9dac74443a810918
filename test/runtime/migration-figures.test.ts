import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, registrationForm, vacancyPostingForm, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';
const CERTIFICATION = 'training-certification-rate';
const NOVEMBER = 'orgUnit=350200&from=2026-11-01&to=2026-11-30';
const training = { classNo: 'XM2026-1102', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-10-12' };

/*
 * A migration is not a step of the work: its record (from = to = the case's state, event `migrate`)
 * must leave every figure as it was. The story (Beijing time, November 2026 has no holiday):
 *  Mon 11-02  10:00 甲 and 乙 registered unemployed; posting V published; 丁 hired (employment registered);
 *             11:00 丁 and 戊 assessed after training, 丁 certified.
 *  Wed 11-04  the city relabels a state of each of those processes and migrates every running case:
 *             the registrations (registered), V (published), 丁's hire (employed), 丁 (certified), 戊 (assessed).
 *  Fri 11-06  V filled; 乙's registration cancelled (employed).
 */
describe.each(backends)('figures after migrating running cases (%s)', (backend) => {
  let t: TestRuntime;
  let evaluator = '';
  let posting = '';
  let secondRegistration = '';
  let before: Record<string, unknown> = {};

  const get = async (path: string) => {
    const response = await t.request('GET', path, { token: evaluator });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  /** The figures a migration must not change: an indicator with its drill-down and records, and the outcome indicators. */
  const figures = async () => ({
    certification: await get(`/api/indicators/${CERTIFICATION}?${NOVEMBER}`),
    drilldown: await get(`/api/indicators/${CERTIFICATION}/drilldown?${NOVEMBER}&by=post`),
    records: (await get(`/api/indicators/${CERTIFICATION}/records?${NOVEMBER}`)).total,
    outcomes: await get(`/api/outcomes?${NOVEMBER}`),
  });

  /** Relabels a state of a process at the city, publishes, and migrates all its running cases (in any state); returns how many moved. */
  async function relabelAndMigrate(configurator: string, processId: string, state: string): Promise<number> {
    const base = `/api/processes/${processId}`;
    const operations = [{ op: 'relabelState', state, title: { 'zh-CN': '本市调整后的状态名称', en: 'Renamed by the city' } }];
    const saved = await t.request('PUT', `${base}/overlay`, { token: configurator, body: { operations } });
    expect(saved.body.problems, processId).toEqual([]);
    const published = await t.request('POST', `${base}/overlay/publish`, { token: configurator });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const migrated = await t.request('POST', `${base}/migrations`, { token: configurator, body: { dryRun: false } });
    expect(migrated.status, JSON.stringify(migrated.body)).toBe(200);
    expect(migrated.body.cases.every((c: { canMove: boolean }) => c.canMove), JSON.stringify(migrated.body)).toBe(true);
    return migrated.body.cases.length;
  }

  beforeAll(async () => {
    // Monday 2026-11-02, 10:00 in Beijing.
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T02:00:00.000Z') });
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    for (const [sequence, name] of [['011', '甲'], ['021', '乙']] as const) {
      const person = await registerPerson(t, caseworker, citizenId('350203', '19800101', sequence), name);
      const registration = await open(t, caseworker, 'unemployment-registration', person);
      await act(t, caseworker, registration.id, 'submit', registrationForm());
      await act(t, reviewer, registration.id, 'approve', { opinion: '同意' });
      secondRegistration = registration.id;
    }
    const employer = (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '福建闽江物流有限公司' } })).body.id;
    const vacancy = await open(t, caseworker, 'vacancy-posting', employer);
    await act(t, caseworker, vacancy.id, 'submit', vacancyPostingForm(EMPLOYER, { validFrom: '2026-11-02', validUntil: '2026-12-31' }));
    await act(t, reviewer, vacancy.id, 'startReview', {});
    await act(t, reviewer, vacancy.id, 'publish', { opinion: '予以发布' });
    posting = vacancy.id;
    const ding = await registerPerson(t, caseworker, citizenId('350203', '19950505', '051'), '丁');
    const wu = await registerPerson(t, caseworker, citizenId('350203', '19960606', '061'), '戊');
    const hire = await open(t, caseworker, 'employment-registration', ding);
    await act(t, caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2026-11-02' });
    t.clock.set('2026-11-02T03:00:00.000Z');
    for (const person of [ding, wu]) {
      const course = await open(t, caseworker, 'training-subsidy', person);
      await act(t, caseworker, course.id, 'startTraining', training);
      await act(t, caseworker, course.id, 'assess', { result: 'pass', assessedOn: '2026-11-02' });
      if (person === ding) await act(t, caseworker, course.id, 'certify', { certificateNo: 'S350200202611', certificateType: 'skill-level', issuedOn: '2026-11-02' });
    }
    evaluator = await t.login('evaluator');
    before = await figures();
  });
  afterAll(() => t.close());

  it('counts the figures by hand before the migration', () => {
    // 丁 certified of 丁 and 戊 assessed.
    expect(before['certification']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(before['records']).toBe(2);
    // 甲 and 乙 registered, neither for a year; 丁 was hired before his certificate, not after it.
    expect(before['outcomes']).toMatchObject({ longTermUnemployedShare: { numerator: 0, denominator: 2 }, employmentAfterTraining: { numerator: 0, denominator: 1 } });
  });

  it('leaves an indicator, its drill-down and records, and the outcome indicators as they were', async () => {
    // Wednesday 11-04: sessions last 12 hours, so sign in again.
    t.clock.set('2026-11-04T02:00:00.000Z');
    const configurator = await t.login('configurator');
    evaluator = await t.login('evaluator');
    // `registered` itself is locked by the ministry; the cases move whichever state is relabelled.
    expect(await relabelAndMigrate(configurator, 'unemployment-registration', 'submitted')).toBe(2);
    expect(await relabelAndMigrate(configurator, 'vacancy-posting', 'published')).toBe(1);
    expect(await relabelAndMigrate(configurator, 'employment-registration', 'employed')).toBe(1);
    expect(await relabelAndMigrate(configurator, 'training-subsidy', 'assessed')).toBe(2);
    expect(await figures()).toEqual(before);
  });

  it('measures a step after the migration from the step that began it, not from the migration', async () => {
    // Friday 11-06: V filled 4 days after it was published; 乙 leaves after 4 days registered.
    t.clock.set('2026-11-06T02:00:00.000Z');
    const caseworker = await t.login('caseworker');
    evaluator = await t.login('evaluator');
    await act(t, caseworker, posting, 'fill', { filledCount: 2 });
    await act(t, caseworker, secondRegistration, 'cancel', { cancellationReason: 'employed' });
    expect((await get(`/api/outcomes?${NOVEMBER}`)).timeToFill).toEqual({ filled: 1, averageDays: 4 });
    const monitoring = await get('/api/monitoring/unemployment?orgUnit=350200&from=2026-11&to=2026-11');
    expect(monitoring.months).toEqual([expect.objectContaining({ month: '2026-11', inflow: 2, outflow: 1, stock: 1, averageDurationDays: 4 })]);
  });
});
