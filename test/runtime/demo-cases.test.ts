import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { publicPostings } from '../../runtime/postings/index.ts';
import { seedDemoCases, type DemoCasesReport } from '../../runtime/seed/demo-cases.ts';
import { tableCounts } from '../support/fixtures.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const DAY_MS = 86_400_000;

describe.each(backends)('demo cases: a living system in an empty demo database (%s)', (backend) => {
  let t: TestRuntime;
  let report: DemoCasesReport;
  const progress: string[] = [];
  beforeAll(async () => {
    t = await createTestRuntime(backend);
    report = await seedDemoCases(t.rt, (message) => progress.push(message));
  });
  afterAll(() => t.close());

  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(t.rt.db, query);

  it('leaves cases in at least two distinct states in every process, and reports what it created', async () => {
    const states = await rows<{ process_id: string; state: string }>(sql`SELECT DISTINCT process_id, state FROM cases`);
    const statesOf = (processId: string) => states.filter((row) => row.process_id === processId).map((row) => row.state);
    expect(t.rt.registry.processes.size).toBe(18);
    for (const processId of t.rt.registry.processes.keys()) expect(statesOf(processId).length, processId).toBeGreaterThanOrEqual(2);

    const [counts] = await rows<{ cases: string | number; persons: string | number; employers: string | number }>(
      sql`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM employers) AS employers`,
    );
    expect(report).toEqual({ cases: Number(counts!.cases), persons: Number(counts!.persons), employers: Number(counts!.employers) });
    expect(report.persons).toBeGreaterThanOrEqual(10);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    for (const line of progress) expect(line).toMatch(/^演示业务 demo cases: /);
  });

  it('tells the story over about 75 days up to the runtime clock, with timers fired on the way', async () => {
    const now = t.clock.now().getTime();
    const [span] = await rows<{ first: string | Date; last: string | Date }>(sql`SELECT min(left_at) AS first, max(left_at) AS last FROM case_events`);
    expect(now - new Date(span!.first).getTime()).toBeGreaterThan(70 * DAY_MS);
    expect(now - new Date(span!.first).getTime()).toBeLessThan(90 * DAY_MS);
    expect(new Date(span!.last).getTime()).toBeLessThanOrEqual(now);
    // Notice periods ended, benefit months were paid, a posting and a job search expired: all by timers.
    const systemSteps = await rows<{ process_id: string; event: string }>(sql`SELECT DISTINCT process_id, event FROM case_events WHERE actor_role = 'system' AND cause IS NULL`);
    expect(systemSteps).toEqual(
      expect.arrayContaining([
        { process_id: 'employment-difficulty', event: 'endNotice' },
        { process_id: 'unemployment-benefit', event: 'pay' },
        { process_id: 'vacancy-posting', event: 'expire' },
        { process_id: 'job-seeking', event: 'expire' },
      ]),
    );
    expect(await rows(sql`SELECT id FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL AND fire_at <= ${new Date(now).toISOString()}::timestamptz`)).toEqual([]);
  });

  it('records some steps after their deadline and most on time', async () => {
    const records = await rows<{ on_time: boolean; n: string | number }>(sql`SELECT on_time, count(*) AS n FROM case_events WHERE on_time IS NOT NULL GROUP BY on_time`);
    const late = Number(records.find((r) => r.on_time === false)?.n ?? 0);
    const onTime = Number(records.find((r) => r.on_time === true)?.n ?? 0);
    expect(late).toBeGreaterThan(0);
    expect(onTime).toBeGreaterThan(late);
  });

  it('shows coordination: an employment registration cancelled a registration, a dismissal prompted a draft and a benefit application', async () => {
    const cancelled = await rows<{ state: string }>(
      sql`SELECT c.state FROM case_events e JOIN cases c ON c.city_code = e.city_code AND c.id = e.case_id
          WHERE e.process_id = 'unemployment-registration' AND e.event = 'employmentRegistered' AND e.cause->>'event' = 'employment.registered'`,
    );
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.every((c) => c.state === 'cancelled')).toBe(true);

    const prompted = await rows<{ process_id: string; state: string; created_by: string | null }>(
      sql`SELECT c.process_id, c.state, c.created_by FROM case_events e JOIN cases c ON c.city_code = e.city_code AND c.id = e.case_id
          WHERE e.event = 'create' AND e.cause->>'event' = 'employment.terminated' ORDER BY c.process_id`,
    );
    expect(prompted).toEqual([
      { process_id: 'unemployment-benefit', state: 'applied', created_by: null },
      { process_id: 'unemployment-registration', state: 'draft', created_by: null },
    ]);
    const referral = await rows(sql`SELECT id FROM cases WHERE process_id = 'job-referral' AND state = 'succeeded'`);
    expect(referral).toHaveLength(1);
  });

  it('puts the data packages in the inboxes and the figures: caseworker and reviewer tasks, every indicator with records', async () => {
    const packages = ['vocational-guidance', 'internship', 'labour-survey', 'personnel-file'];
    const inbox = async (username: string) => {
      const response = await t.request('GET', '/api/tasks?pageSize=100', { token: await t.login(username) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.total).toBeLessThanOrEqual(100);
      return new Set<string>(response.body.items.map((task: { processId: string }) => task.processId));
    };
    const caseworker = await inbox('caseworker');
    expect(packages.filter((id) => !caseworker.has(id))).toEqual([]);
    const reviewer = await inbox('reviewer');
    expect(['internship', 'labour-survey', 'personnel-file'].filter((id) => !reviewer.has(id))).toEqual([]);

    const evaluator = await t.login('evaluator');
    const to = chinaDate(t.clock.now());
    const from = chinaDate(new Date(t.clock.now().getTime() - 100 * DAY_MS));
    const indicators = t.rt.registry.plugins.filter((plugin) => packages.includes(plugin.id)).flatMap((plugin) => plugin.indicators.map((spec) => spec.id));
    expect(indicators.length).toBeGreaterThanOrEqual(packages.length);
    for (const id of indicators) {
      const response = await t.request('GET', `/api/indicators/${id}?orgUnit=350200&from=${from}&to=${to}`, { token: evaluator });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.denominator, id).toBeGreaterThan(0);
    }
  });

  it('pays benefit month by month and issues a payment batch of the employment subsidy fund', async () => {
    const months = await rows<{ period: string }>(sql`SELECT period FROM ledger_items WHERE fund = 'unemployment-insurance' AND subsidy_type = 'unemployment-benefit' ORDER BY period`);
    expect(months.length).toBeGreaterThanOrEqual(2);
    expect(new Set(months.map((m) => m.period)).size).toBe(months.length);

    const subsidyTypes = await rows<{ subsidy_type: string }>(sql`SELECT DISTINCT subsidy_type FROM ledger_items WHERE fund = 'employment-subsidy' ORDER BY subsidy_type`);
    expect(subsidyTypes.map((s) => s.subsidy_type)).toEqual(['internship-subsidy', 'loan-interest-subsidy', 'public-welfare-post', 'social-insurance-subsidy', 'start-up-subsidy', 'training-subsidy']);
    // A start-up subsidy is under public notice when the story ends (公示): the public site shows it, the name masked.
    const notices = await rows<{ process_id: string; masked_name: string; amount_fen: string | number }>(sql`SELECT process_id, masked_name, amount_fen FROM public_notices WHERE ends_at > ${t.clock.now().toISOString()}::timestamptz`);
    expect(notices).toContainEqual(expect.objectContaining({ process_id: 'start-up-subsidy', masked_name: '周*军' }));

    const batches = await rows<{ fund: string; status: string; payment_count: number; total_fen: string | number; paid: string | number; sum: string | number }>(
      sql`SELECT b.fund, b.status, b.payment_count, b.total_fen,
                 (SELECT count(*) FROM payments p WHERE p.batch_id = b.id) AS paid,
                 (SELECT sum(p.amount_fen) FROM payments p WHERE p.batch_id = b.id) AS sum
          FROM payment_batches b`,
    );
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch).toMatchObject({ fund: 'employment-subsidy', status: 'issued' });
    expect(batch!.payment_count).toBeGreaterThan(0);
    expect(Number(batch!.paid)).toBe(batch!.payment_count);
    expect(Number(batch!.sum)).toBe(Number(batch!.total_fen));
  });

  it('leaves postings open on the public job search: a 会计 in 思明区, a 司机 and an 电工 among them', async () => {
    const site = publicPostings(t.rt);
    const accountants = await site.search({ q: '会计', district: '350203' });
    expect(accountants.items.map((item) => [item.title, item.workAreaName])).toEqual([['财务会计', '思明区']]);
    expect((await site.page(accountants.items[0]!.id))?.status).toBe('live');
    for (const word of ['司机', '电工']) expect((await site.search({ q: word })).total, word).toBeGreaterThanOrEqual(1);
    const all = await site.search({});
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect((await site.sitemap()).length).toBe(all.total);
    // The warehouse posting expired during the story: its page says so.
    const [expired] = await rows<{ id: string }>(sql`SELECT id FROM cases WHERE process_id = 'vacancy-posting' AND state = 'expired' LIMIT 1`);
    expect(await site.page(expired!.id)).toMatchObject({ status: 'expired', title: '仓库理货员' });
  });

  it('does nothing the second time: zeros, and no row written', async () => {
    const before = await tableCounts(t.rt);
    expect(await seedDemoCases(t.rt, () => undefined)).toEqual({ cases: 0, persons: 0, employers: 0 });
    expect(await tableCounts(t.rt)).toEqual(before);
  });
});

describe.each(backends)('demo cases late in a quarter, on 2026-12-20 (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-12-20T02:00:00.000Z') });
    await seedDemoCases(t.rt, () => undefined);
  });
  afterAll(() => t.close());

  it('registers a job seeker at 思明区 in the last ended quarter (2026-Q3), so its early warning has a 求人倍率 to evaluate', async () => {
    const response = await t.request('GET', '/api/analysis/supply-demand?orgUnit=350203&quarter=2026-Q3&by=city', { token: await t.login('evaluator') });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.total.supply).toBeGreaterThan(0);
  });

  it('opens before the quarter began and plays its other acts where they are without a lead-in, the last on working day 50 of 52', async () => {
    const [span] = await queryRows<{ first: string | Date; last: string | Date }>(t.rt.db, sql`SELECT min(left_at) AS first, max(left_at) AS last FROM case_events WHERE actor_role <> 'system'`);
    expect(chinaDate(new Date(span!.first))).toBe('2026-09-30');
    expect(chinaDate(new Date(span!.last))).toBe('2026-12-17');
  });
});
