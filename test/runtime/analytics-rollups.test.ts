import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, sizeAt } from '../../bench/analytics/generate-data.ts';
import { breakdowns, compactAnalyticsRollups } from '../../runtime/analysis/index.ts';
import { countMarket } from '../../runtime/analysis/counts.ts';
import { parseQuarter } from '../../runtime/analysis/quarter.ts';
import { permissionsOf, type SessionUser } from '../../runtime/auth/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { computeIndicator, drillDown, workloadByPost } from '../../runtime/indicators/index.ts';
import { insertDemoUsers, windowPosts } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const CREDIT_CODE = '91350100M000100Y43';
const ON_TIME = 'unemployment-registration-on-time-rate';
const QUARTERS = ['2025-Q4', '2026-Q2', '2026-Q4', '2027-Q1'];
const HULI_OFFICE = '350206-01';

/** A ministry-level evaluator: every unit is in scope. */
const evaluator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'rollup-evaluator',
  displayName: '评估员',
  role: 'evaluator',
  orgUnit: { id: '000000', name: '人力资源和社会保障部', kind: 'ministry', path: '/000000/', cityCode: null },
  jurisdictionPath: '/000000/',
  posts: [],
  permissions: permissionsOf('evaluator', 'ministry'),
  restriction: null,
};

/**
 * The roll-ups of migration 0040 against the queries they stand in for, on the analytics
 * benchmark's generated province (at 1/500 of its size: 2,000 persons, 600 postings, 800 job seekers,
 * 650 unemployment registrations across Fujian's nine cities, 2025-2026), counted once from what was
 * loaded, then kept by the triggers through steps taken on the engine: a posting published across a
 * quarter boundary, a job-seeking registration withdrawn and taken again at another office (a person
 * counted once, in the org units that hold their latest registration), an unemployment registration
 * approved and cancelled, a posting's validity changed, before and after the deltas are folded in.
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
    }
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-12-28T02:00:00.000Z') });
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里区经办员', role: 'caseworker', orgUnitId: HULI_OFFICE, post: windowPosts }]);
    await generateData(t.rt.db, sizeAt(0.002), () => undefined);
    const units = await queryRows<{ id: string; path: string }>(t.rt.db, sql`SELECT id, path FROM org_units WHERE id IN ('350000', '350200', '350206', '350203-01')`);
    paths = units.sort((a, b) => a.path.length - b.path.length);
  }, 240_000);
  afterAll(() => t?.close());

  it('counts the loaded data set as the queries do', async () => {
    const [{ n }] = (await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM market_counts WHERE side = 'supply'`)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
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
    await expectSameAnswers();
    await compactAnalyticsRollups(t.rt);
    await expectSameAnswers();
    // Everything was folded in: the sums alone carry the figures.
    const left = await queryRows<{ n: number }>(t.rt.db, sql`SELECT (SELECT count(*) FROM step_count_deltas) + (SELECT count(*) FROM market_count_deltas) AS n`);
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
