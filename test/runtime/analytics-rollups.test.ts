import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, sizeAt } from '../../bench/analytics/generate-data.ts';
import { breakdowns, compactAnalyticsRollups } from '../../runtime/analysis/index.ts';
import { countMarket } from '../../runtime/analysis/counts.ts';
import { parseQuarter } from '../../runtime/analysis/quarter.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { computeIndicator, drillDown, outcomeIndicators, workloadByPost } from '../../runtime/indicators/index.ts';
import { outcomeRollUpFits } from '../../runtime/indicators/outcome-rollups.ts';
import { insertDemoUsers, windowPosts } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm, TRAINING_INSTITUTION, vacancyPostingForm } from '../support/fixtures.ts';
import { ministryEvaluator as evaluator } from '../support/ministry-evaluator.ts';
import { loadOutcomeHistory } from '../support/outcome-history.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const CREDIT_CODE = '91350100M000100Y43';
const ON_TIME = 'unemployment-registration-on-time-rate';
const QUARTERS = ['2025-Q4', '2026-Q2', '2026-Q4', '2027-Q1'];
const HULI_OFFICE = '350206-01';
/** Periods the outcome indicators are asked about besides the others': their ends fall before, within and after a year of spells. */
const OUTCOME_PERIODS = [['2025-07-01', '2025-09-30'], ['2026-01-01', '2026-06-30'], ['2026-11-01', '2027-01-31']] as const;
const course = { classNo: 'XM2026-0418', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-10-12' };

/**
 * The roll-ups of migrations 0040 and 0046 against the queries they stand in for, on the analytics
 * benchmark's generated province (at 1/500 of its size: 2,000 persons, 600 postings, 800 job seekers,
 * 650 unemployment registrations across Fujian's nine cities, 2025-2026) with an outcome history
 * added (`loadOutcomeHistory`), counted once from what was loaded, then kept by the triggers through
 * steps taken on the engine: a posting published across a quarter boundary and filled in the next, a
 * job-seeking registration withdrawn and taken again at another office (a person counted once, in the
 * org units that hold their latest registration), an unemployment registration approved and
 * cancelled, a posting's validity changed, a course certified before and after its person's
 * employment, a registration moved to another office and an employment merged into another person,
 * before and after the deltas are folded in.
 */
describe.each(backends)('analytics roll-ups equal the raw queries (%s)', (backend) => {
  let t: TestRuntime;
  let paths: { id: string; path: string }[];

  /** Every question asked of the roll-ups and of the records, at the province, a city, a district and an office. */
  async function expectSameAnswers() {
    for (const unit of paths) {
      for (const by of breakdowns) {
        const periods = Object.fromEntries(QUARTERS.map((q) => [q, parseQuarter(q)]));
        const [rolled, raw] = [await countMarket(t.rt, unit.path, by, periods), await countMarket(t.rt, unit.path, by, periods, { fromRecords: true })];
        expect(plain(rolled), `${unit.id} by ${by}`).toEqual(plain(raw));
      }
      for (const [from, to] of [['2025-01-01', '2026-12-31'], ['2026-10-01', '2026-12-31'], ['2027-01-01', '2027-03-31']] as const) {
        const query = { orgUnitId: unit.id, from, to };
        for (const by of ['unit', 'post', 'channel'] as const) {
          expect(await drillDown(t.rt, evaluator, ON_TIME, { ...query, by })).toEqual(await drillDown(t.rt, evaluator, ON_TIME, { ...query, by }, { fromRecords: true }));
        }
        expect(await computeIndicator(t.rt, evaluator, ON_TIME, query)).toEqual(await computeIndicator(t.rt, evaluator, ON_TIME, query, { fromRecords: true }));
        expect(await workloadByPost(t.rt, evaluator, query)).toEqual(await workloadByPost(t.rt, evaluator, query, { fromRecords: true }));
      }
      for (const [from, to] of [['2025-01-01', '2026-12-31'], ['2026-10-01', '2026-12-31'], ['2027-01-01', '2027-03-31'], ...OUTCOME_PERIODS]) {
        const query = { orgUnitId: unit.id, from, to };
        expect(await outcomeIndicators(t.rt, evaluator, query), `${unit.id} outcomes ${from}..${to}`).toEqual(await outcomeIndicators(t.rt, evaluator, query, { fromRecords: true }));
      }
    }
  }

  /** The province's outcome figures over the whole period (from the roll-up). */
  const provinceOutcomes = () => outcomeIndicators(t.rt, evaluator, { orgUnitId: '350000', from: '2025-01-01', to: '2027-03-31' });

  /** Employment after the province's certificates of one day, from the roll-up, checked against the records. */
  async function employedAfterCertificatesOf(day: string) {
    const query = { orgUnitId: '350000', from: day, to: day };
    const rolled = (await outcomeIndicators(t.rt, evaluator, query)).employmentAfterTraining;
    expect(rolled, day).toEqual((await outcomeIndicators(t.rt, evaluator, query, { fromRecords: true })).employmentAfterTraining);
    return { numerator: rolled.numerator, denominator: rolled.denominator };
  }

  /** A training course taken to its certificate. */
  async function certify(caseworker: string, person: string) {
    const training = await open(t, caseworker, 'training-subsidy', person);
    await act(t, caseworker, training.id, 'startTraining', course);
    await act(t, caseworker, training.id, 'assess', { result: 'pass', assessedOn: '2026-12-27' });
    await act(t, caseworker, training.id, 'certify', { certificateNo: `S35020020260${person.slice(0, 4)}`, certificateType: 'skill-level', issuedOn: '2026-12-28' });
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-12-28T02:00:00.000Z') });
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里区经办员', role: 'caseworker', orgUnitId: HULI_OFFICE, post: windowPosts }]);
    await generateData(t.rt.db, sizeAt(0.002), () => undefined);
    await loadOutcomeHistory(t.rt.db);
    const units = await queryRows<{ id: string; path: string }>(t.rt.db, sql`SELECT id, path FROM org_units WHERE id IN ('350000', '350200', '350206', '350203-01')`);
    paths = units.sort((a, b) => a.path.length - b.path.length);
  }, 240_000);
  afterAll(() => t?.close());

  it('counts the loaded data set as the queries do', async () => {
    const [{ n }] = (await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM market_counts WHERE side = 'supply'`)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    // The outcome roll-up is what answers, and it has something to answer: long spells, fills with and without a publication before, employment after training.
    expect(await outcomeRollUpFits(t.rt)).toBe(true);
    const end2026 = await outcomeIndicators(t.rt, evaluator, { orgUnitId: '350000', from: '2025-01-01', to: '2026-12-31' });
    expect(end2026.longTermUnemployedShare.numerator).toBeGreaterThan(0);
    expect(end2026.longTermUnemployedShare.denominator).toBeGreaterThan(end2026.longTermUnemployedShare.numerator);
    expect(end2026.timeToFill.averageDays).not.toBeNull();
    expect(end2026.employmentAfterTraining.numerator).toBeGreaterThan(0);
    expect(end2026.employmentAfterTraining.denominator).toBeGreaterThan(end2026.employmentAfterTraining.numerator);
    // The edge courses (no other certificate on their days): employed 183 days less a second after the certificate
    // counts (c0, 2025-09-30); exactly 183 days after (c1) and 184 days after (c2, both 2025-10-01) do not.
    const edgeCourses = await queryRows<{ i: number; employed: boolean }>(
      t.rt.db,
      sql`SELECT i, t.employed FROM generate_series(0, 2) i JOIN training_entries t ON t.case_id = md5('edgec' || i)::uuid ORDER BY i`,
    );
    expect(edgeCourses).toEqual([{ i: 0, employed: true }, { i: 1, employed: false }, { i: 2, employed: false }]);
    expect(await employedAfterCertificatesOf('2025-09-30')).toEqual({ numerator: 1, denominator: 1 });
    expect(await employedAfterCertificatesOf('2025-10-01')).toEqual({ numerator: 0, denominator: 2 });
    // Registrations with contacts recorded and no exit are still registered: the contacts ended no spell.
    const [contacted] = await queryRows<{ open: number }>(
      t.rt.db,
      sql`SELECT count(*)::int AS open FROM unemployment_spells s WHERE s.exited_day IS NULL
            AND EXISTS (SELECT 1 FROM case_events e WHERE e.city_code = s.city_code AND e.case_id = s.case_id AND e.event IN ('contact', 'contactRecorded'))`,
    );
    expect(contacted!.open).toBeGreaterThan(0);
    await expectSameAnswers();
  }, 240_000);

  it('stays equal through steps, a withdrawal, a cancellation and a quarter boundary, before and after compaction', async () => {
    let caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const employer = (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: CREDIT_CODE, name: '厦门示例物流有限公司' } })).body.id;
    const person = await registerPerson(t, caseworker, citizenId('350203', '19900312', '011'), '林志强');

    // 2026-Q4: a posting valid into 2027-Q1, a registration withdrawn, an unemployment registration approved then cancelled.
    const vacancy = await open(t, caseworker, 'vacancy-posting', employer);
    await act(t, caseworker, vacancy.id, 'submit', vacancyPostingForm(CREDIT_CODE, { headcount: 3, occupation: '4-02-06-03', workArea: '350203', validFrom: '2026-12-15', validUntil: '2027-02-28' }));
    await act(t, reviewer, vacancy.id, 'startReview', {});
    await act(t, reviewer, vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    const seeking = await open(t, caseworker, 'job-seeking', person);
    await act(t, caseworker, seeking.id, 'register', { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350206'], expectedPayFen: 500_000, education: '60', availableFrom: '2026-12-28', validUntil: '2027-03-31' });
    const registration = await open(t, caseworker, 'unemployment-registration', person);
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    await act(t, reviewer, registration.id, 'approve', { opinion: '材料齐全' });
    const registered = await provinceOutcomes();
    await act(t, caseworker, registration.id, 'contact', { contactDate: '2026-12-28', channel: 'phone' });
    expect((await provinceOutcomes()).longTermUnemployedShare).toEqual(registered.longTermUnemployedShare);
    await expectSameAnswers();
    // A course certified now; a second person employed before theirs is certified the next day (not counted as employment after it).
    const trainee = await registerPerson(t, caseworker, citizenId('350203', '19950505', '051'), '丁');
    const early = await registerPerson(t, caseworker, citizenId('350203', '19960606', '061'), '戊');
    const earlyJob = await open(t, caseworker, 'employment-registration', early);
    await act(t, caseworker, earlyJob.id, 'register', { employmentForm: 'contract', employerCreditCode: CREDIT_CODE, hireDate: '2026-12-28' });
    t.clock.set('2026-12-28T03:00:00.000Z');
    await certify(caseworker, trainee);
    t.clock.set('2026-12-29T03:00:00.000Z');
    caseworker = await t.login('caseworker');
    await certify(caseworker, early);
    const before = await provinceOutcomes();
    await expectSameAnswers();
    await act(t, caseworker, seeking.id, 'withdraw', { withdrawalReason: '变更求职意向地区，重新登记' });
    await act(t, caseworker, registration.id, 'cancel', { cancellationReason: 'employed' });
    await compactAnalyticsRollups(t.rt);
    await expectSameAnswers();

    // 2027-Q1: registered again at another office, overlapping the withdrawn registration's quarter; a loaded posting's validity moved.
    t.clock.set('2027-01-05T02:00:00.000Z');
    await t.rt.db.execute(sql`UPDATE cases SET data = jsonb_set(data, '{validUntil}', '"2027-01-20"') WHERE id = (SELECT id FROM cases WHERE process_id = 'vacancy-posting' ORDER BY case_no LIMIT 1)`);
    caseworker = await t.login('huli-caseworker');
    const again = await open(t, caseworker, 'job-seeking', person);
    await act(t, caseworker, again.id, 'register', { desiredOccupations: ['6-18-01-01'], desiredAreas: ['350211'], expectedPayFen: 500_000, education: '40', availableFrom: '2027-01-05', validUntil: '2027-06-30' });
    // 2027-Q1: the 2026-Q4 posting filled; the trainee employed within 183 days of the certificate; then a new
    // registration moved to another office and the trainee's employment merged into the other certified person.
    await act(t, await t.login('caseworker'), vacancy.id, 'fill', { filledCount: 2 });
    const hire = await open(t, caseworker, 'employment-registration', trainee);
    await act(t, caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: CREDIT_CODE, hireDate: '2027-01-05' });
    const after = await provinceOutcomes();
    expect(after.timeToFill.filled).toBe(before.timeToFill.filled + 1);
    expect(after.employmentAfterTraining).toMatchObject({ numerator: before.employmentAfterTraining.numerator + 1, denominator: before.employmentAfterTraining.denominator });
    await expectSameAnswers();
    const siming = await t.login('caseworker');
    const moved = await open(t, siming, 'unemployment-registration', person);
    await act(t, siming, moved.id, 'submit', registrationForm());
    await act(t, await t.login('reviewer'), moved.id, 'approve', { opinion: '材料齐全' });
    await t.rt.db.execute(sql`UPDATE cases SET org_path = (SELECT path FROM org_units WHERE id = ${HULI_OFFICE}) WHERE id = ${moved.id}`);
    // Closed as it moves: the other person already has an active employment registration. The employment now follows
    // the other certificate, of the next day: one taken from the trainee's day, one added to the other's.
    expect(await employedAfterCertificatesOf('2026-12-28')).toEqual({ numerator: 1, denominator: 1 });
    expect(await employedAfterCertificatesOf('2026-12-29')).toEqual({ numerator: 0, denominator: 1 });
    await t.rt.db.execute(sql`UPDATE cases SET subject_id = ${early}, status = 'final' WHERE id = ${hire.id}`);
    expect(await employedAfterCertificatesOf('2026-12-28')).toEqual({ numerator: 0, denominator: 1 });
    expect(await employedAfterCertificatesOf('2026-12-29')).toEqual({ numerator: 1, denominator: 1 });
    expect((await provinceOutcomes()).employmentAfterTraining).toEqual(after.employmentAfterTraining);
    await expectSameAnswers();
    await compactAnalyticsRollups(t.rt);
    await expectSameAnswers();
    // Everything was folded in: the sums alone carry the figures.
    const left = await queryRows<{ n: number }>(
      t.rt.db,
      sql`SELECT (SELECT count(*) FROM step_count_deltas) + (SELECT count(*) FROM market_count_deltas) + (SELECT count(*) FROM outcome_count_deltas) AS n`,
    );
    expect(Number(left[0]!.n)).toBe(0);
  }, 240_000);
});

/** Counts as plain sorted objects, for comparison. */
function plain(counts: Map<string, Map<string, Map<string, { demand: number; supply: number }>>>) {
  return Object.fromEntries(
    [...counts].map(([period, cities]) => [
      period,
      Object.fromEntries([...cities].sort(([a], [b]) => a.localeCompare(b)).map(([city, keys]) => [city, Object.fromEntries([...keys].sort(([a], [b]) => a.localeCompare(b)))])),
    ]),
  );
}
