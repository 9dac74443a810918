import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

/**
 * 失业监测与就业预警. Registrations and cancellations are made through the API across 2026 by
 * moving the clock, at two district offices of 厦门市: 思明区 (350203, the demo office) and
 * 湖里区 (350206). All times are 10:00 China time unless said otherwise.
 *
 * 思明 (A): 01-10 registers a1-a4 · 02-20 cancels a1 (employed, 41 days) · 04-01 07:30 China
 *   (03-31 23:30 UTC) registers a5 · 05-15 registers a6 · 06-10 cancels a2 (business-started,
 *   151 days) · 08-03 registers a7.
 * 湖里 (B): 01-20 registers b1-b6 · 03-05 cancels b1 (employed) and b2 (no-contact), 44 days
 *   each · 06-10 cancels b3 (employed) and b4 (pension), 141 days each, registers b7, b8 ·
 *   08-03 registers b9.
 * Stocks at quarter ends: A 3, 4, 5; B 4, 4, 5; city 7, 8, 10. Exits per quarter: A 1, 1, 0;
 * B 2, 2, 0; city 3, 3, 0.
 */
describe.each(backends)('unemployment monitoring and early warning (%s)', (backend) => {
  let t: TestRuntime;
  const tokens: Record<string, string> = {};
  const users = ['caseworker', 'reviewer', 'hl-caseworker', 'hl-reviewer', 'evaluator', 'configurator', 'sm-configurator'];
  const a: string[] = [];
  const b: string[] = [];
  let seq = -1;

  /** Moves the clock and signs everyone in again (sessions last 12 hours). */
  async function at(iso: string) {
    t.clock.set(iso);
    for (const user of users) tokens[user] = await t.login(user);
  }

  /** Registers a new person as unemployed at an office: intake by its caseworker, approval by its reviewer. */
  async function register(office: 'sm' | 'hl'): Promise<string> {
    const [caseworker, reviewer, area] = office === 'sm' ? [tokens['caseworker'], tokens['reviewer'], '350203'] : [tokens['hl-caseworker'], tokens['hl-reviewer'], '350206'];
    // Odd sequence numbers: men, matching the form's retirement category.
    seq += 2;
    const person = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId(area, '19850315', String(seq).padStart(3, '0')), name: `测试人员${seq}` } });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const form = registrationForm({ unemployedSince: '2025-12-31', residenceArea: area });
    const submitted = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type: 'submit', data: form, version: 1 } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const approved = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意登记' }, version: 2 } });
    expect(approved.body.state).toBe('registered');
    return opened.body.id;
  }

  /** Cancels a registration (event `cancel`, version 3 after create, submit, approve). */
  async function cancel(office: 'sm' | 'hl', caseId: string, cancellationReason: string) {
    const token = office === 'sm' ? tokens['caseworker'] : tokens['hl-caseworker'];
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type: 'cancel', data: { cancellationReason }, version: 3 } });
    expect(response.body.state, JSON.stringify(response.body)).toBe('cancelled');
  }

  async function count(table: 'alerts' | 'warning_thresholds' | 'audit_log'): Promise<number> {
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
    return Number(row!.n);
  }

  const month = (m: string, inflow: number, outflow: number, stock: number, averageDurationDays: number | null = null, outflowByReason: Record<string, number> = {}) => ({
    month: m,
    inflow,
    outflow,
    outflowByReason,
    stock,
    averageDurationDays,
  });
  const empty = { inflow: 0, outflow: 0, outflowByReason: {}, stock: 0, averageDurationDays: null };

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await insertDemoUsers(t.rt.db, [
      { username: 'hl-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: 'unemployment-window' },
      { username: 'hl-reviewer', displayName: '湖里审核员', role: 'reviewer', orgUnitId: officeId('350206'), post: 'unemployment-review' },
      { username: 'sm-configurator', displayName: '思明区配置员', role: 'configurator', orgUnitId: '350203' },
    ]);
    await at('2026-01-10T02:00:00Z');
    for (let i = 0; i < 4; i++) a.push(await register('sm'));
    await at('2026-01-20T02:00:00Z');
    for (let i = 0; i < 6; i++) b.push(await register('hl'));
    await at('2026-02-20T02:00:00Z');
    await cancel('sm', a[0]!, 'employed');
    await at('2026-03-05T02:00:00Z');
    await cancel('hl', b[0]!, 'employed');
    await cancel('hl', b[1]!, 'no-contact');
    await at('2026-03-31T23:30:00Z');
    a.push(await register('sm'));
    await at('2026-05-15T02:00:00Z');
    a.push(await register('sm'));
    await at('2026-06-10T02:00:00Z');
    await cancel('sm', a[1]!, 'business-started');
    await cancel('hl', b[2]!, 'employed');
    await cancel('hl', b[3]!, 'pension');
    b.push(await register('hl'), await register('hl'));
    await at('2026-08-03T02:00:00Z');
    a.push(await register('sm'));
    b.push(await register('hl'));
    await at('2026-10-12T02:00:00Z');
  }, 120_000);
  afterAll(() => t.close());

  describe('monitoring', () => {
    it('gives the city per China month: inflow, outflow by reason, stock at month end from the records, mean duration of exits', async () => {
      const response = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350200&from=2026-01&to=2026-09', { token: tokens['evaluator'] });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.orgUnit).toEqual({ id: '350200', name: '厦门市', kind: 'city' });
      expect(response.body.openingStock).toBe(0);
      expect(response.body.months).toEqual([
        month('2026-01', 10, 0, 10),
        month('2026-02', 0, 1, 9, 41, { employed: 1 }),
        month('2026-03', 0, 2, 7, 44, { employed: 1, 'no-contact': 1 }),
        // a5 was registered at 07:30 on 1 April China time, still 31 March in UTC.
        month('2026-04', 1, 0, 8),
        month('2026-05', 1, 0, 9),
        // (151 + 141 + 141) / 3
        month('2026-06', 2, 3, 8, 144.33, { 'business-started': 1, employed: 1, pension: 1 }),
        month('2026-07', 0, 0, 8),
        month('2026-08', 2, 0, 10),
        month('2026-09', 0, 0, 10),
      ]);
    });

    it('gives a district its own months, with the stock before the span as the opening stock', async () => {
      const response = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350206&from=2026-03&to=2026-06', { token: tokens['configurator'] });
      expect(response.status).toBe(200);
      expect(response.body.openingStock).toBe(6);
      expect(response.body.months).toEqual([
        month('2026-03', 0, 2, 4, 44, { employed: 1, 'no-contact': 1 }),
        month('2026-04', 0, 0, 4),
        month('2026-05', 0, 0, 4),
        month('2026-06', 2, 2, 4, 141, { employed: 1, pension: 1 }),
      ]);
    });

    it('drills one level down (by=unit): every child unit, zeros where nothing happened, adding up to the city', async () => {
      const june = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350200&from=2026-06&to=2026-06&by=unit', { token: tokens['evaluator'] });
      expect(june.status).toBe(200);
      expect(june.body.rows.map((r: { orgUnit: { id: string } }) => r.orgUnit.id)).toEqual(['350200-01', '350203', '350205', '350206', '350211', '350212', '350213']);
      const row = (id: string) => june.body.rows.find((r: { orgUnit: { id: string } }) => r.orgUnit.id === id);
      expect(row('350203')).toEqual({ orgUnit: { id: '350203', name: '思明区', kind: 'district' }, inflow: 0, outflow: 1, outflowByReason: { 'business-started': 1 }, stock: 4, averageDurationDays: 151 });
      expect(row('350206')).toMatchObject({ inflow: 2, outflow: 2, outflowByReason: { employed: 1, pension: 1 }, stock: 4, averageDurationDays: 141 });
      expect(row('350205')).toMatchObject(empty);
      expect(row('350200-01')).toMatchObject(empty);

      const quarter = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350200&from=2026-04&to=2026-06&by=unit', { token: tokens['evaluator'] });
      const q = (id: string) => quarter.body.rows.find((r: { orgUnit: { id: string } }) => r.orgUnit.id === id);
      expect(q('350203')).toMatchObject({ inflow: 2, outflow: 1, stock: 4, averageDurationDays: 151 });
      expect(q('350206')).toMatchObject({ inflow: 2, outflow: 2, stock: 4, averageDurationDays: 141 });
      const sum = (key: 'inflow' | 'outflow' | 'stock') => quarter.body.rows.reduce((s: number, r: Record<string, number>) => s + r[key]!, 0);
      expect([sum('inflow'), sum('outflow'), sum('stock')]).toEqual([4, 3, 8]);
    });

    it("lets a caseworker read their own office but not the city (404, like any record out of scope)", async () => {
      const city = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350200&from=2026-01&to=2026-03', { token: tokens['caseworker'] });
      expect(city.status).toBe(404);
      expect(city.body.code).toBe('NOT_FOUND');
      const office = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350203-01&from=2026-01&to=2026-03', { token: tokens['caseworker'] });
      expect(office.status).toBe(200);
      expect(office.body.months.map((m: { stock: number }) => m.stock)).toEqual([4, 3, 3]);
      const other = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350206-01&from=2026-01&to=2026-03', { token: tokens['caseworker'] });
      expect(other.status).toBe(404);
      expect((await t.request('GET', '/api/monitoring/alerts?orgUnit=350200', { token: tokens['caseworker'] })).status).toBe(404);
    });

    it('refuses malformed and reversed month ranges with BAD_REQUEST', async () => {
      for (const query of ['from=2026-13&to=2026-12', 'from=2026-06&to=2026-01', 'from=2016-01&to=2026-12', 'from=2026-01']) {
        const response = await t.request('GET', `/api/monitoring/unemployment?orgUnit=350200&${query}`, { token: tokens['evaluator'] });
        expect(response.status, query).toBe(400);
        expect(response.body.code).toBe('BAD_REQUEST');
      }
    });
  });

  describe('early warning', () => {
    let q2: { id: string; orgUnit: { id: string }; rule: string; value: number; threshold: number; status: string; created: boolean }[];
    const alertOf = (unit: string, rule: string) => q2.find((x) => x.orgUnit.id === unit && x.rule === rule)!;

    it('shows the ministry defaults where no level set a threshold', async () => {
      const response = await t.request('GET', '/api/monitoring/thresholds?orgUnit=350206', { token: tokens['evaluator'] });
      expect(response.status).toBe(200);
      expect(response.body.rules.map((r: { rule: string; threshold: number; setAt: string | null; min: number; max: number; shownAs: string }) => [r.rule, r.threshold, r.setAt, r.min, r.max, r.shownAs])).toEqual([
        ['unemployed-growth', 10, null, 1, 100, 'percent'],
        ['outflow-drop', 30, null, 1, 100, 'percent'],
        ['seeker-ratio-low', 80, null, 10, 500, 'ratio'],
      ]);
    });

    it('raises no alert where the previous quarter gives no base (Q1 after an empty Q4)', async () => {
      const response = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['evaluator'], body: { orgUnit: '350206', quarter: '2026-Q1' } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.previousQuarter).toBe('2025-Q4');
      const own = response.body.evaluations.filter((e: { orgUnit: { id: string } }) => e.orgUnit.id === '350206');
      expect(own.map((e: { rule: string; value: number | null; current: unknown; previous: unknown }) => [e.rule, e.value, e.current, e.previous])).toEqual([
        ['unemployed-growth', null, { stock: 4, outflow: 2, ratio: null }, { stock: 0, outflow: 0 }],
        ['outflow-drop', null, { stock: 4, outflow: 2, ratio: null }, { stock: 0, outflow: 0 }],
        // No job seekers registered: no ratio, no alert.
        ['seeker-ratio-low', null, { stock: 4, outflow: 2, ratio: null }, { stock: 0, outflow: 0 }],
      ]);
      expect(response.body.alerts).toEqual([]);
      expect(await count('alerts')).toBe(0);
    });

    it('raises an alert for the district whose stock rose more than 10% and the city, not for the district that held level', async () => {
      const response = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['evaluator'], body: { orgUnit: '350200', quarter: '2026-Q2' } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      // The city and its seven children (the city office and six districts), two rules each.
      expect(response.body.evaluations).toHaveLength(24);
      const evaluation = (unit: string, rule: string) => response.body.evaluations.find((e: { orgUnit: { id: string }; rule: string }) => e.orgUnit.id === unit && e.rule === rule);
      // 思明: 3 -> 4 is +33.33%; 湖里: 4 -> 4; the city: 7 -> 8 is +14.29%. Exits 1 -> 1, 2 -> 2, 3 -> 3.
      expect(evaluation('350203', 'unemployed-growth')).toMatchObject({ current: { stock: 4, outflow: 1 }, previous: { stock: 3, outflow: 1 }, value: 33.33, threshold: 10, thresholdSetAt: null, raised: true });
      expect(evaluation('350206', 'unemployed-growth')).toMatchObject({ value: 0, raised: false });
      expect(evaluation('350200', 'unemployed-growth')).toMatchObject({ value: 14.29, raised: true });
      expect(evaluation('350203', 'outflow-drop')).toMatchObject({ value: 0, threshold: 30, raised: false });
      expect(evaluation('350205', 'unemployed-growth')).toMatchObject({ value: null, raised: false });
      q2 = response.body.alerts;
      expect(q2.map((x) => [x.orgUnit.id, x.rule, x.value, x.threshold, x.status, x.created])).toEqual([
        ['350200', 'unemployed-growth', 14.29, 10, 'active', true],
        ['350203', 'unemployed-growth', 33.33, 10, 'active', true],
      ]);
      expect(await count('alerts')).toBe(2);
    });

    it('does not duplicate when evaluated again: the existing alerts come back, not an error', async () => {
      const again = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['configurator'], body: { orgUnit: '350200', quarter: '2026-Q2' } });
      expect(again.status).toBe(200);
      expect(again.body.alerts.map((x: { id: string; created: boolean }) => [x.id, x.created])).toEqual(q2.map((x) => [x.id, false]));
      expect(await count('alerts')).toBe(2);
      // The district evaluated on its own: its alert exists; its office (one level down) gets its own.
      const district = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['sm-configurator'], body: { orgUnit: '350203', quarter: '2026-Q2' } });
      expect(district.status).toBe(200);
      expect(district.body.alerts.map((x: { orgUnit: { id: string }; rule: string; created: boolean }) => [x.orgUnit.id, x.rule, x.created])).toEqual([
        ['350203', 'unemployed-growth', false],
        ['350203-01', 'unemployed-growth', true],
      ]);
      expect(await count('alerts')).toBe(3);
    });

    it('refuses evaluation by service staff, of an unfinished or malformed quarter, and above the user', async () => {
      const before = await count('alerts');
      const cases: [string, unknown, number, string][] = [
        ['caseworker', { orgUnit: '350203-01', quarter: '2026-Q2' }, 403, 'ROLE_NOT_PERMITTED'],
        ['reviewer', { orgUnit: '350203-01', quarter: '2026-Q2' }, 403, 'ROLE_NOT_PERMITTED'],
        ['evaluator', { orgUnit: '350200', quarter: '2026-Q4' }, 400, 'BAD_REQUEST'],
        ['evaluator', { orgUnit: '350200', quarter: '2026-Q5' }, 400, 'BAD_REQUEST'],
        ['sm-configurator', { orgUnit: '350200', quarter: '2026-Q2' }, 404, 'NOT_FOUND'],
      ];
      for (const [user, body, status, code] of cases) {
        const response = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens[user], body });
        expect([user, response.status, response.body.code]).toEqual([user, status, code]);
      }
      // The unfinished quarter is named in the refusal a person reads.
      const unfinished = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['evaluator'], body: { orgUnit: '350200', quarter: '2026-Q4' } });
      expect(unfinished.body.message).toEqual({ zh: '2026-Q4 尚未结束，季度结束后才能评估预警', en: '2026-Q4 has not ended: a quarter is evaluated once it is over' });
      expect(await count('alerts')).toBe(before);
    });

    it('moves an alert active -> acknowledged -> resolved with who and when, and refuses steps out of order', async () => {
      const alert = alertOf('350203', 'unemployed-growth');
      const step = (user: string, action: string, body?: unknown) => t.request('POST', `/api/monitoring/alerts/${alert.id}/${action}`, { token: tokens[user], body });

      const early = await step('evaluator', 'resolve', { note: '尚未签收' });
      expect([early.status, early.body.code, early.body.details.status]).toEqual([409, 'TRANSITION_NOT_AVAILABLE', 'active']);
      expect((await step('caseworker', 'acknowledge')).body.code).toBe('ROLE_NOT_PERMITTED');
      // The office reviewer sits below the district: its alert is out of scope.
      expect((await step('reviewer', 'acknowledge')).status).toBe(404);

      t.clock.set('2026-10-12T03:00:00Z');
      const acknowledged = await step('evaluator', 'acknowledge');
      expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
      expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: '省级评估员' }, at: '2026-10-12T03:00:00.000Z' }, resolved: null, note: null });
      const twice = await step('configurator', 'acknowledge');
      expect([twice.status, twice.body.code, twice.body.details.status]).toEqual([409, 'TRANSITION_NOT_AVAILABLE', 'acknowledged']);
      expect((await step('configurator', 'resolve', {})).status).toBe(400);

      await at('2026-10-13T01:00:00Z');
      const resolved = await step('configurator', 'resolve', { note: '已开展专项就业援助' });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        acknowledged: { by: { name: '省级评估员' }, at: '2026-10-12T03:00:00.000Z' },
        resolved: { by: { name: '市级配置员' }, at: '2026-10-13T01:00:00.000Z' },
        note: '已开展专项就业援助',
      });
      const after = await step('evaluator', 'resolve', { note: '再次办结' });
      expect([after.status, after.body.code, after.body.details.status]).toEqual([409, 'TRANSITION_NOT_AVAILABLE', 'resolved']);
      expect((await step('evaluator', 'acknowledge')).status).toBe(409);
    });

    it("lets an office's reviewer acknowledge and resolve its office's alert", async () => {
      const list = await t.request('GET', '/api/monitoring/alerts?orgUnit=350203-01', { token: tokens['reviewer'] });
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: { orgUnit: { id: string }; status: string }) => [x.orgUnit.id, x.status])).toEqual([['350203-01', 'active']]);
      const id = list.body.items[0].id;
      const acknowledged = await t.request('POST', `/api/monitoring/alerts/${id}/acknowledge`, { token: tokens['reviewer'], body: { note: '已签收' } });
      expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: '综合审核员' } }, note: '已签收' });
      const resolved = await t.request('POST', `/api/monitoring/alerts/${id}/resolve`, { token: tokens['reviewer'], body: { note: '窗口增派人手' } });
      expect(resolved.body).toMatchObject({ status: 'resolved', resolved: { by: { name: '综合审核员' } }, note: '窗口增派人手' });
    });

    it('lists the alerts of a subtree by status', async () => {
      const active = await t.request('GET', '/api/monitoring/alerts?orgUnit=350200&status=active', { token: tokens['evaluator'] });
      expect(active.body.items.map((x: { orgUnit: { id: string }; rule: string; period: string }) => [x.orgUnit.id, x.rule, x.period])).toEqual([['350200', 'unemployed-growth', '2026-Q2']]);
      const resolved = await t.request('GET', '/api/monitoring/alerts?orgUnit=350200&status=resolved', { token: tokens['evaluator'] });
      expect(resolved.body.total).toBe(2);
      const district = await t.request('GET', '/api/monitoring/alerts?orgUnit=350206', { token: tokens['evaluator'] });
      expect(district.body).toEqual({ items: [], total: 0 });
    });

    it('refuses thresholds from non-configurators, out of bounds, for unknown rules or above the configurator; writes nothing', async () => {
      const before = [await count('warning_thresholds'), await count('audit_log')];
      const cases: [string, unknown, number, string][] = [
        ['caseworker', { rule: 'unemployed-growth', threshold: 20 }, 403, 'ROLE_NOT_PERMITTED'],
        ['evaluator', { rule: 'unemployed-growth', threshold: 20 }, 403, 'ROLE_NOT_PERMITTED'],
        ['configurator', { rule: 'unemployed-growth', threshold: 0 }, 422, 'PARAMETER_OUT_OF_BOUNDS'],
        ['configurator', { rule: 'outflow-drop', threshold: 101 }, 422, 'PARAMETER_OUT_OF_BOUNDS'],
        ['configurator', { rule: 'seeker-ratio-low', threshold: 1 }, 422, 'PARAMETER_OUT_OF_BOUNDS'],
        ['configurator', { rule: 'unemployed-growth', threshold: '20' }, 400, 'BAD_REQUEST'],
        ['sm-configurator', { orgUnit: '350200', rule: 'unemployed-growth', threshold: 50 }, 404, 'NOT_FOUND'],
      ];
      for (const [user, body, status, code] of cases) {
        const response = await t.request('PUT', '/api/monitoring/thresholds', { token: tokens[user], body });
        expect([user, JSON.stringify(body), response.status, response.body.code]).toEqual([user, JSON.stringify(body), status, code]);
      }
      // The refusal names the bounds as the rule is read: a percentage, or a ratio with its percentage.
      const refusal = async (rule: string, threshold: number) => (await t.request('PUT', '/api/monitoring/thresholds', { token: tokens['configurator'], body: { rule, threshold } })).body;
      expect(await refusal('outflow-drop', 101)).toMatchObject({
        message: { zh: '「失业人员退出人数环比下降超过阈值」的阈值须在部级规定的 1% 至 100% 之间', en: expect.stringContaining('1% to 100%') },
        details: { rule: 'outflow-drop', threshold: 101, min: 1, max: 100 },
      });
      expect((await refusal('seeker-ratio-low', 1)).message.zh).toBe('「求人倍率低于阈值」的阈值须在部级规定的 0.10 倍至 5.00 倍（10% 至 500%）之间');
      expect([await count('warning_thresholds'), await count('audit_log')]).toEqual(before);
    });

    it('applies the nearest level: a city override of 30 spares 湖里 (+25%), 思明 at 20 of its own still alerts', async () => {
      const city = await t.request('PUT', '/api/monitoring/thresholds', { token: tokens['configurator'], body: { rule: 'unemployed-growth', threshold: 30 } });
      expect(city.status, JSON.stringify(city.body)).toBe(200);
      expect(city.body.rules[0]).toMatchObject({ rule: 'unemployed-growth', threshold: 30, setAt: '350200', defaultThreshold: 10 });
      const district = await t.request('PUT', '/api/monitoring/thresholds', { token: tokens['sm-configurator'], body: { rule: 'unemployed-growth', threshold: 20 } });
      expect(district.body.rules[0]).toMatchObject({ threshold: 20, setAt: '350203' });
      const inForce = async (unit: string) => (await t.request('GET', `/api/monitoring/thresholds?orgUnit=${unit}`, { token: tokens['evaluator'] })).body.rules.map((r: { threshold: number; setAt: string | null }) => [r.threshold, r.setAt]);
      expect(await inForce('350206-01')).toEqual([[30, '350200'], [30, null], [80, null]]);
      expect(await inForce('350203-01')).toEqual([[20, '350203'], [30, null], [80, null]]);

      // Q3: every stock rose by 25% (8 -> 10, 4 -> 5, 4 -> 5); nobody left (3, 1, 2 exits before).
      const response = await t.request('POST', '/api/monitoring/warnings/evaluate', { token: tokens['evaluator'], body: { orgUnit: '350200', quarter: '2026-Q3' } });
      expect(response.status).toBe(200);
      const evaluation = (unit: string, rule: string) => response.body.evaluations.find((e: { orgUnit: { id: string }; rule: string }) => e.orgUnit.id === unit && e.rule === rule);
      expect(evaluation('350206', 'unemployed-growth')).toMatchObject({ value: 25, threshold: 30, thresholdSetAt: '350200', raised: false });
      expect(evaluation('350203', 'unemployed-growth')).toMatchObject({ value: 25, threshold: 20, thresholdSetAt: '350203', raised: true });
      expect(evaluation('350200', 'unemployed-growth')).toMatchObject({ value: 25, threshold: 30, raised: false });
      expect(evaluation('350206', 'outflow-drop')).toMatchObject({ current: { stock: 5, outflow: 0 }, previous: { stock: 4, outflow: 2 }, value: 100, threshold: 30, raised: true });
      expect(response.body.alerts.map((x: { orgUnit: { id: string }; rule: string; value: number; threshold: number }) => [x.orgUnit.id, x.rule, x.value, x.threshold])).toEqual([
        ['350200', 'outflow-drop', 100, 30],
        ['350203', 'outflow-drop', 100, 30],
        ['350203', 'unemployed-growth', 25, 20],
        ['350206', 'outflow-drop', 100, 30],
      ]);
      // An override is an update, audited each time.
      const again = await t.request('PUT', '/api/monitoring/thresholds', { token: tokens['configurator'], body: { rule: 'unemployed-growth', threshold: 25 } });
      expect(again.body.rules[0]).toMatchObject({ threshold: 25, setAt: '350200' });
      expect(await count('warning_thresholds')).toBe(2);
      const audits = await queryRows<{ target: string }>(t.rt.db, sql`SELECT target FROM audit_log WHERE action = 'warning-threshold.set' ORDER BY id`);
      expect(audits.map((r) => r.target)).toEqual(['350200/unemployed-growth', '350203/unemployed-growth', '350200/unemployed-growth']);
    });
  });
});
