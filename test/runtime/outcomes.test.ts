import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { outcomeIndicators } from '../../runtime/indicators/index.ts';
import { outcomeRollUpFits } from '../../runtime/indicators/outcome-rollups.ts';
import { citizenId, registrationForm, vacancyPostingForm, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { ministryEvaluator } from '../support/ministry-evaluator.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';
const training = { classNo: 'XM2026-0418', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-10-12' };

describe.each(backends)('outcome indicators (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    // Monday 2025-09-01, 10:00 in Beijing.
    t = await createTestRuntime(backend, { clock: testClock('2025-09-01T02:00:00.000Z') });
  });
  afterAll(() => t.close());

  const staff = async () => ({ caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer') });

  async function registerUnemployed(caseworker: string, reviewer: string, personId: string) {
    const registration = await open(t, caseworker, 'unemployment-registration', personId);
    await act(t, caseworker, registration.id, 'submit', registrationForm({ unemployedSince: '2025-08-01' }));
    await act(t, reviewer, registration.id, 'approve', { opinion: '同意' });
    return registration.id as string;
  }

  it('computes the long-term unemployed share, the average time to fill and employment after training, by hand', async () => {
    // 2025-09-01: A and C registered unemployed.
    let s = await staff();
    const a = await registerPerson(t, s.caseworker, citizenId('350203', '19800101', '011'), '甲');
    const c = await registerPerson(t, s.caseworker, citizenId('350203', '19800303', '031'), '丙');
    const aRegistration = await registerUnemployed(s.caseworker, s.reviewer, a);
    const cRegistration = await registerUnemployed(s.caseworker, s.reviewer, c);
    // 2026-03-02: C's registration ends.
    t.clock.set('2026-03-02T02:00:00.000Z');
    s = await staff();
    await act(t, s.caseworker, cRegistration, 'cancel', { cancellationReason: 'applicant-request' });
    // The same day a contact with A is recorded (registered -> registered): A stays registered, the spell goes on.
    expect((await act(t, s.caseworker, aRegistration, 'contact', { contactDate: '2026-03-02', channel: 'phone' })).state).toBe('registered');
    // 2026-06-01: B registered unemployed.
    t.clock.set('2026-06-01T02:00:00.000Z');
    s = await staff();
    const b = await registerPerson(t, s.caseworker, citizenId('350203', '19900202', '021'), '乙');
    const bRegistration = await registerUnemployed(s.caseworker, s.reviewer, b);

    // 2026-11-02: a contact with B recorded; two postings published; D and E certified after training on 11-03.
    t.clock.set('2026-11-02T02:00:00.000Z');
    s = await staff();
    await act(t, s.caseworker, bRegistration, 'contact', { contactDate: '2026-11-02', channel: 'visit' });
    const employer = (await t.request('POST', '/api/employers', { token: s.caseworker, body: { creditCode: EMPLOYER, name: '福州示例科技有限公司' } })).body.id;
    const postings: string[] = [];
    for (let i = 0; i < 2; i++) {
      const vacancy = await open(t, s.caseworker, 'vacancy-posting', employer);
      await act(t, s.caseworker, vacancy.id, 'submit', vacancyPostingForm(EMPLOYER, { validFrom: '2026-11-02', validUntil: '2026-12-31' }));
      await act(t, s.reviewer, vacancy.id, 'startReview', {});
      await act(t, s.reviewer, vacancy.id, 'publish', { opinion: '予以发布' });
      postings.push(vacancy.id);
    }
    const d = await registerPerson(t, s.caseworker, citizenId('350203', '19950505', '051'), '丁');
    const e = await registerPerson(t, s.caseworker, citizenId('350203', '19960606', '061'), '戊');
    t.clock.set('2026-11-03T02:00:00.000Z');
    s = await staff();
    for (const person of [d, e]) {
      const course = await open(t, s.caseworker, 'training-subsidy', person);
      await act(t, s.caseworker, course.id, 'startTraining', training);
      await act(t, s.caseworker, course.id, 'assess', { result: 'pass', assessedOn: '2026-11-02' });
      await act(t, s.caseworker, course.id, 'certify', { certificateNo: `S35020020260${person.slice(0, 4)}`, certificateType: 'skill-level', issuedOn: '2026-11-03' });
    }
    // 11-06: the first posting filled (4 days); 11-12: the second (10 days) and D hired.
    t.clock.set('2026-11-06T02:00:00.000Z');
    s = await staff();
    await act(t, s.caseworker, postings[0]!, 'fill', { filledCount: 2 });
    t.clock.set('2026-11-12T02:00:00.000Z');
    s = await staff();
    await act(t, s.caseworker, postings[1]!, 'fill', { filledCount: 2 });
    const hire = await open(t, s.caseworker, 'employment-registration', d);
    await act(t, s.caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2026-11-12' });

    const evaluator = await t.login('evaluator');
    const response = await t.request('GET', '/api/outcomes?orgUnit=350200&from=2026-11-01&to=2026-11-30', { token: evaluator });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Registered at the end of November: A (since 2025-09, over a year) and B (since 2026-06), their contacts no exit; C exited.
    expect(response.body.longTermUnemployedShare).toEqual({ numerator: 1, denominator: 2, factor: 100, value: 50 });
    // The records say the same as the roll-up the API read.
    const november = { orgUnitId: '350200', from: '2026-11-01', to: '2026-11-30' };
    expect((await outcomeIndicators(t.rt, ministryEvaluator, november, { fromRecords: true })).longTermUnemployedShare).toEqual(response.body.longTermUnemployedShare);
    // Filled after 4 and 10 days: 7 on average.
    expect(response.body.timeToFill).toEqual({ filled: 2, averageDays: 7 });
    // D and E certified in November; D hired within 6 months.
    expect(response.body.employmentAfterTraining).toEqual({ numerator: 1, denominator: 2, factor: 100, value: 50 });

    // At the end of August 2026 nobody had been registered for more than a year yet (A: since 2025-09-01).
    const august = await t.request('GET', '/api/outcomes?orgUnit=350200&from=2026-08-01&to=2026-08-31', { token: evaluator });
    expect(august.body.longTermUnemployedShare).toMatchObject({ numerator: 0, denominator: 2 });
    const fromRecords = await outcomeIndicators(t.rt, ministryEvaluator, { orgUnitId: '350200', from: '2026-08-01', to: '2026-08-31' }, { fromRecords: true });
    expect(fromRecords.longTermUnemployedShare).toMatchObject({ numerator: 0, denominator: 2 });
    expect(august.body.timeToFill).toEqual({ filled: 0, averageDays: null });
    expect(august.body.employmentAfterTraining).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('answers from the records while the roll-up was kept for meanings other than the plugins define', async () => {
    const query = { orgUnitId: '350200', from: '2026-11-01', to: '2026-11-30' };
    const fromRecords = await outcomeIndicators(t.rt, ministryEvaluator, query, { fromRecords: true });
    const sources = await queryRows<{ meaning: string; process_id: string; state: string | null; event: string | null }>(t.rt.db, sql`SELECT * FROM outcome_sources`);
    // Five more registered in the roll-up than in the records, so that an answer shows which it was read from.
    const [city] = await queryRows<{ path: string }>(t.rt.db, sql`SELECT path FROM org_units WHERE id = '350200'`);
    await t.rt.db.execute(sql`INSERT INTO outcome_count_deltas VALUES (${city!.path}, 'stock', '2026-01-01', 0, 5, 0)`);
    try {
      expect(await outcomeRollUpFits(t.rt)).toBe(true);
      expect((await outcomeIndicators(t.rt, ministryEvaluator, query)).longTermUnemployedShare.denominator).toBe(fromRecords.longTermUnemployedShare.denominator + 5);
      // A meaning kept for another event, and one not kept at all: the records answer.
      for (const change of [sql`UPDATE outcome_sources SET event = 'fillAll' WHERE meaning = 'filledVacancy'`, sql`DELETE FROM outcome_sources WHERE meaning = 'certified'`]) {
        await t.rt.db.execute(change);
        expect(await outcomeRollUpFits(t.rt)).toBe(false);
        expect(await outcomeIndicators(t.rt, ministryEvaluator, query)).toEqual(fromRecords);
        await t.rt.db.execute(sql`DELETE FROM outcome_sources`);
        for (const row of sources) await t.rt.db.execute(sql`INSERT INTO outcome_sources VALUES (${row.meaning}, ${row.process_id}, ${row.state}, ${row.event})`);
      }
    } finally {
      await t.rt.db.execute(sql`DELETE FROM outcome_count_deltas WHERE unit_path = ${city!.path} AND day = '2026-01-01' AND n = 5`);
    }
    expect(await outcomeRollUpFits(t.rt)).toBe(true);
  });
});
