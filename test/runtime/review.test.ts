import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { caseEvents, cases } from '../../runtime/db/schema/index.ts';
import { toCsv } from '../../runtime/exports/index.ts';
import { parseCsv } from '../../runtime/imports/read-table.ts';
import { insertDemoUsers, MINISTRY_ID } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const ON_TIME = 'unemployment-registration-on-time-rate';
const Q3 = 'from=2026-07-01&to=2026-09-30';

/** Drill-down JSON rows as [key, name, numerator, denominator, value] with nulls as empty text, like the files. */
function jsonTable(rows: { key: string | null; name: string | null; numerator: number; denominator: number; value: number | null }[]) {
  return rows.map((r) => [r.key ?? '', r.name ?? '', r.numerator, r.denominator, r.value ?? '']);
}

describe.each(backends)('review of a period: approval freezes the figures, the province accepts, exports equal the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseBId: string;
  let caseCId: string;

  /** Every table a refused request could write, and the approvals as they stand. */
  async function snapshot() {
    const approvals = await queryRows(t.rt.db, sql`SELECT org_unit_id, period, status, figures, last_record_id, accepted_by, comment, score FROM indicator_approvals ORDER BY 1, 2`);
    return { counts: await tableCounts(t.rt), approvals };
  }

  async function step(token: string, caseId: string, type: string, data: unknown, version: number) {
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function openRegistration(token: string, idNumber: string, name: string) {
    const person = await t.request('POST', '/api/persons', { token, body: { idNumber, name } });
    const opened = await t.request('POST', '/api/cases', { token, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  }

  beforeAll(async () => {
    // Monday 2026-08-03, 10:00 in Beijing: inside the third quarter.
    t = await createTestRuntime(backend, { clock: testClock('2026-08-03T02:00:00.000Z') });
    await t.addCity('3501');
    await insertDemoUsers(t.rt.db, [{ username: 'ministry', displayName: '部级评估员', role: 'evaluator', orgUnitId: MINISTRY_ID }]);
  });
  afterAll(() => t.close());

  it('records the third quarter: three steps on time, one late', async () => {
    let caseworker = await t.login('caseworker');
    let reviewer = await t.login('reviewer');
    const form = registrationForm({ unemployedSince: '2026-07-31' });
    // Case A: intake and review the same day, both on time.
    const caseA = await openRegistration(caseworker, citizenId('350203', '19880516', '031'), '陈建国');
    await step(caseworker, caseA, 'submit', form, 1);
    await step(reviewer, caseA, 'approve', { opinion: '同意' }, 2);
    // Case B: intake on time; review due in 3 working days (08-06), taken on 08-10: late.
    caseBId = await openRegistration(caseworker, citizenId('350203', '19900707', '015'), '黄志明');
    await step(caseworker, caseBId, 'submit', form, 1);
    t.clock.set('2026-08-10T02:00:00.000Z');
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    await step(reviewer, caseBId, 'approve', { opinion: '同意' }, 2);

    const live = await t.request('GET', `/api/indicators/${ON_TIME}?orgUnit=350200&${Q3}`, { token: await t.login('configurator') });
    expect(live.body).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
  });

  it('refuses to approve a period that has not ended, and a malformed period, writing nothing', async () => {
    const configurator = await t.login('configurator');
    const before = await snapshot();
    for (const period of ['2026-Q3', '2026-08']) {
      const refused = await t.request('POST', `/api/review/350200/${period}/approve`, { token: configurator });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(refused.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['period-ended']);
    }
    for (const period of ['2026-Q5', '2026-13', '2026Q3']) {
      const malformed = await t.request('POST', `/api/review/350200/${period}/approve`, { token: configurator });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('BAD_REQUEST');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the wrong roles, units out of scope and acceptance or comment before approval, writing nothing', async () => {
    // Into the fourth quarter: the third has ended. Case C's steps have higher record ids but fall in Q4.
    t.clock.set('2026-10-12T02:00:00.000Z');
    const caseworker = await t.login('caseworker');
    caseCId = await openRegistration(caseworker, citizenId('350203', '19850303', '017'), '林美华');
    await step(caseworker, caseCId, 'submit', registrationForm(), 1);

    const configurator = await t.login('configurator');
    const provincial = await t.login('provincial');
    const evaluator = await t.login('evaluator');
    const before = await snapshot();
    for (const username of ['caseworker', 'reviewer', 'admin', 'provincial', 'evaluator']) {
      const refused = await t.request('POST', '/api/review/350200/2026-Q3/approve', { token: await t.login(username) });
      expect(refused.status, username).toBe(403);
      expect(refused.body.code).toBe('ROLE_NOT_PERMITTED');
    }
    // Another city's unit, or none at all: not found, as any record out of scope.
    for (const unit of ['350100', '350102', '999999']) {
      const outside = await t.request('POST', `/api/review/${unit}/2026-Q3/approve`, { token: configurator });
      expect(outside.status, unit).toBe(404);
      expect(outside.body.code).toBe('NOT_FOUND');
    }
    const early = await t.request('POST', '/api/review/350200/2026-Q3/accept', { token: provincial });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'TRANSITION_NOT_AVAILABLE', details: { status: 'open', expected: ['approved'] } });
    const cityAccept = await t.request('POST', '/api/review/350200/2026-Q3/accept', { token: configurator });
    expect(cityAccept.status).toBe(403);
    const earlyComment = await t.request('POST', '/api/review/350200/2026-Q3/comment', { token: evaluator, body: { comment: '尚未审批', score: 50 } });
    expect(earlyComment.status).toBe(409);
    expect(earlyComment.body.code).toBe('TRANSITION_NOT_AVAILABLE');
    // The office's caseworker does not see the city's review.
    expect((await t.request('GET', '/api/review/350200/2026-Q3', { token: caseworker })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('approves the ended quarter: every indicator frozen as computed at that moment, with the last record counted', async () => {
    const configurator = await t.login('configurator');
    const catalogue = (await t.request('GET', '/api/indicators', { token: configurator })).body.items.map((i: { id: string }) => i.id);
    const expected: Record<string, unknown> = {};
    for (const id of catalogue) {
      const { numerator, denominator, value } = (await t.request('GET', `/api/indicators/${id}?orgUnit=350200&${Q3}`, { token: configurator })).body;
      expected[id] = { numerator, denominator, value };
    }
    const approved = await t.request('POST', '/api/review/350200/2026-Q3/approve', { token: configurator });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      orgUnit: { id: '350200', kind: 'city' },
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      status: 'approved',
      approvedBy: { name: '市级配置员' },
      approvedAt: '2026-10-12T02:00:00.000Z',
      acceptedBy: null,
      lateRecords: 0,
      lateRecordList: [],
      differences: {},
    });
    expect(approved.body.figures).toEqual(expected);
    expect(Object.keys(approved.body.figures)).toHaveLength(catalogue.length);
    expect(approved.body.figures[ON_TIME]).toEqual({ numerator: 3, denominator: 4, value: 75 });
    expect(approved.body.live).toEqual(expected);

    // The last record counted is case B's late review of 08-10; case C's Q4 records came later and are not late records.
    const [caseBLast] = await t.rt.db
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseBId), eq(caseEvents.event, 'approve')));
    const caseC = await t.rt.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, caseCId));
    expect(approved.body.lastRecordId).toBe(caseBLast!.id);
    expect(caseC.every((r) => r.id > caseBLast!.id)).toBe(true);

    const before = await snapshot();
    const again = await t.request('POST', '/api/review/350200/2026-Q3/approve', { token: configurator });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_AVAILABLE', details: { status: 'approved' } });
    expect(await snapshot()).toEqual(before);
  });

  it('flags a record of the quarter written after approval without adding it; later-quarter steps are not flagged', async () => {
    // A step left in September but recorded only now (e.g. keyed in late): a copy of case B's late review.
    const [row] = await t.rt.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseBId), eq(caseEvents.event, 'approve')));
    const { id: _id, ...late } = row!;
    await t.rt.db.insert(caseEvents).values({ ...late, seq: 99, leftAt: new Date('2026-09-15T02:00:00.000Z') });
    // And a step taken today, in Q4.
    await step(await t.login('reviewer'), caseCId, 'approve', { opinion: '同意' }, 2);

    const configurator = await t.login('configurator');
    const review = await t.request('GET', '/api/review/350200/2026-Q3', { token: configurator });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ status: 'approved', lateRecords: 1 });
    expect(review.body.figures[ON_TIME]).toEqual({ numerator: 3, denominator: 4, value: 75 });
    expect(review.body.live[ON_TIME]).toEqual({ numerator: 3, denominator: 5, value: 60 });
    expect(review.body.differences).toEqual({ [ON_TIME]: { numerator: 0, denominator: 1 } });
    // The late record is listed: which case and step, where and when it was taken, written after the last record counted.
    const [caseB] = await t.rt.db.select({ caseNo: cases.caseNo }).from(cases).where(eq(cases.id, caseBId));
    expect(review.body.lateRecordList).toEqual([
      { id: expect.any(Number), caseId: caseBId, caseNo: caseB!.caseNo, processId: 'unemployment-registration', processTitle: { 'zh-CN': '失业登记', en: expect.any(String) }, event: 'approve', post: { code: 'unemployment-review', name: { 'zh-CN': '失业登记审核岗', en: expect.any(String) } }, orgUnit: { id: late.orgUnitId, name: expect.any(String) }, leftAt: '2026-09-15T02:00:00.000Z' },
    ]);
    expect(review.body.lateRecordList[0].id).toBeGreaterThan(review.body.lastRecordId);
    // The indicator API itself stays live.
    const live = await t.request('GET', `/api/indicators/${ON_TIME}?orgUnit=350200&${Q3}`, { token: configurator });
    expect(live.body).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
  });

  it('shows approved figures to the province but not yet to the ministry', async () => {
    const ministry = await t.login('ministry');
    const province = await t.request('GET', '/api/review?orgUnit=350000&period=2026-Q3', { token: await t.login('evaluator') });
    expect(province.status).toBe(200);
    expect(province.body.items.map((i: { orgUnit: { id: string }; status: string }) => [i.orgUnit.id, i.status])).toEqual([
      ['350100', 'open'],
      ['350200', 'approved'],
    ]);
    expect(province.body.items[1].figures[ON_TIME]).toEqual({ numerator: 3, denominator: 4, value: 75 });
    const list = await t.request('GET', '/api/review?orgUnit=350000&period=2026-Q3', { token: ministry });
    expect(list.body.items[1]).toMatchObject({ status: 'approved', figures: null });
    const hidden = await t.request('GET', '/api/review/350200/2026-Q3', { token: ministry });
    expect(hidden.body).toMatchObject({ status: 'approved', figures: null, live: null, differences: null, lateRecords: 1, lateRecordList: [] });
    // The list names who approved, for the screen's 审定人 column.
    expect(province.body.items[1]).toMatchObject({ approvedBy: { name: '市级配置员' }, approvedAt: '2026-10-12T02:00:00.000Z', acceptedBy: null, comment: null, score: null });
    expect(province.body.items[0]).toMatchObject({ approvedBy: null, approvedAt: null, acceptedBy: null, comment: null, figures: null });
  });

  it('lets the province accept once and an evaluator comment and score; the ministry then sees the frozen figures', async () => {
    t.clock.set('2026-10-13T02:00:00.000Z');
    const evaluator = await t.login('evaluator');
    const accepted = await t.request('POST', '/api/review/350200/2026-Q3/accept', { token: evaluator });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: { name: '省级评估员' }, acceptedAt: '2026-10-13T02:00:00.000Z', lateRecords: 1 });
    expect(accepted.body.figures[ON_TIME]).toEqual({ numerator: 3, denominator: 4, value: 75 });

    const before = await snapshot();
    const twice = await t.request('POST', '/api/review/350200/2026-Q3/accept', { token: await t.login('provincial') });
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ status: 'accepted' });
    const cityComment = await t.request('POST', '/api/review/350200/2026-Q3/comment', { token: await t.login('configurator'), body: { comment: '自评', score: 100 } });
    expect(cityComment.status).toBe(403);
    for (const body of [{ comment: '超出', score: 101 }, { comment: '  ', score: 80 }, { comment: '缺分' }, { comment: '小数', score: 80.5 }]) {
      const bad = await t.request('POST', '/api/review/350200/2026-Q3/comment', { token: evaluator, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(await snapshot()).toEqual(before);

    const commented = await t.request('POST', '/api/review/350200/2026-Q3/comment', { token: evaluator, body: { comment: '审核环节按时率偏低，需整改', score: 82 } });
    expect(commented.status).toBe(200);
    expect(commented.body).toMatchObject({ status: 'accepted', comment: '审核环节按时率偏低，需整改', score: 82, commentedBy: { name: '省级评估员' }, commentedAt: '2026-10-13T02:00:00.000Z' });

    const ministry = await t.login('ministry');
    const seen = await t.request('GET', '/api/review/350200/2026-Q3', { token: ministry });
    expect(seen.body).toMatchObject({ status: 'accepted', score: 82, lateRecords: 1 });
    expect(seen.body.figures[ON_TIME]).toEqual({ numerator: 3, denominator: 4, value: 75 });
    const list = await t.request('GET', '/api/review?orgUnit=350000&period=2026-Q3', { token: ministry });
    expect(list.body.items[1]).toMatchObject({ orgUnit: { id: '350200' }, status: 'accepted', score: 82, comment: '审核环节按时率偏低，需整改', acceptedBy: { name: '省级评估员' }, figures: { [ON_TIME]: { numerator: 3, denominator: 4, value: 75 } } });
  });

  it('exports the drill-down as CSV and XLSX with the numbers of the drill-down JSON', async () => {
    const configurator = await t.login('configurator');
    for (const by of ['post', 'unit'] as const) {
      const json = await t.request('GET', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${Q3}&by=${by}`, { token: configurator });
      const csv = await t.app.request(`/api/review/export?indicator=${ON_TIME}&orgUnit=350200&${Q3}&by=${by}&format=csv`, { headers: { Authorization: `Bearer ${configurator}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${ON_TIME}_350200_2026-07-01_2026-09-30_${by}.csv"`);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
      expect(header).toEqual(['代码 Code', '名称 Name', '分子 Numerator', '分母 Denominator', '值 Value']);
      expect(rows).toEqual(jsonTable(json.body.rows).map((r) => r.map(String)));

      const xlsx = await t.app.request(`/api/review/export?indicator=${ON_TIME}&orgUnit=350200&${Q3}&by=${by}&format=xlsx`, { headers: { Authorization: `Bearer ${configurator}` } });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const cells: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => cells.push([1, 2, 3, 4, 5].map((c) => row.getCell(c).value ?? '')));
      expect(cells).toEqual([['代码 Code', '名称 Name', '分子 Numerator', '分母 Denominator', '值 Value'], ...jsonTable(json.body.rows)]);
    }
    // The figures by hand, late September record included (export is live, like the drill-down).
    const byPost = await t.request('GET', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${Q3}&by=post`, { token: configurator });
    expect(jsonTable(byPost.body.rows)).toEqual([
      ['unemployment-review', '失业登记审核岗', 1, 3, 33.33],
      ['unemployment-window', '失业登记窗口', 2, 2, 100],
    ]);
    const byUnit = await t.request('GET', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${Q3}&by=unit`, { token: configurator });
    expect(jsonTable(byUnit.body.rows)).toEqual([['350203', '思明区', 3, 5, 60]]);
  });

  it('refuses exports out of scope or malformed, and quotes CSV fields per RFC 4180', async () => {
    const caseworker = await t.login('caseworker');
    const outside = await t.request('GET', `/api/review/export?indicator=${ON_TIME}&orgUnit=350200&${Q3}`, { token: caseworker });
    expect(outside.status).toBe(404);
    const unknown = await t.request('GET', `/api/review/export?indicator=no-such&orgUnit=350203-01&${Q3}`, { token: caseworker });
    expect(unknown.status).toBe(404);
    const badFormat = await t.request('GET', `/api/review/export?indicator=${ON_TIME}&orgUnit=350203-01&${Q3}&format=pdf`, { token: caseworker });
    expect(badFormat.status).toBe(400);
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 1.5, null]], { forPeople: true })).toBe('\uFEFF"a,b","say ""hi""","two\nlines",1.5,\r\n');
  });

  it('lists the latest 100 late records, latest written first, while counting them all', async () => {
    // 100 more steps of September keyed in after approval: with the one above, 101 late records.
    const [row] = await t.rt.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseBId), eq(caseEvents.seq, 99)));
    const { id: _id, ...late } = row!;
    await t.rt.db.insert(caseEvents).values(Array.from({ length: 100 }, (_, i) => ({ ...late, seq: 100 + i })));
    const review = await t.request('GET', '/api/review/350200/2026-Q3', { token: await t.login('configurator') });
    expect(review.body.lateRecords).toBe(101);
    const ids = review.body.lateRecordList.map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(100);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // The first written (seq 99) is the one left out.
    expect(ids).not.toContain(row!.id);
  });
});
