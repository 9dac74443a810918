import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { regionOf } from '../../runtime/informatisation/index.ts';
import { processesInForce } from '../../runtime/plugins/index.ts';
import { insertDemoUsers } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm, tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const XIAMEN = '350200';
const SIMING = '350203';
const HULI = '350206';
const EMPLOYER = '91350100M000100Y43';

/** Beijing wall-clock time as an ISO instant. */
function beijing(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

interface TargetRow {
  id: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  threshold: number;
  stage: string;
  note: { 'zh-CN': string; en: string } | null;
}

/**
 * 信息化考核评估 (issue 15, part 6). The data set, made through the API in November 2026 (Mon 11-02
 * to Tue 11-10, no holiday), at 思明区's office unless said otherwise:
 *
 *  persons   P1 complete (phone, hukou, residence), P2 without hukou area, P4 complete but never
 *            served; P3 complete at 湖里区; employer E1 without legal representative.
 *  A1 (P1)   unemployment registration: submit 11-02, approve 11-03 (reviewed in 1 day, on time)
 *  A2 (P2)   submit 11-03 (on time), approve 11-10 (reviewed 8 days after opening; 3 working days late)
 *  B1 (P3)   at 湖里区: submit 11-02 on time, never reviewed
 *  V1 (E1)   vacancy: submit, startReview, publish on 11-02 (all on time); V2 (E1) left as a draft
 *  S1 (P1)   labour survey: assign, collect, verify on 11-02 (recorded); S2 (P2) left planned
 *  ledger    an item on A1 approved 11-05, reconciled; one on A2 approved 11-12, sent only;
 *            one on A1 approved 2025-12-31 (outside 2026), reconciled
 *
 * Assessed on Fri 11-20. Steps with a deadline taken by people: A1 ×2, A2 ×2, B1, V1 ×3, S1 ×3 = 11,
 * of which 10 on time (A2's approval late).
 */
describe.each(backends)('informatisation assessment (%s)', (backend) => {
  let t: TestRuntime;
  const tokens = new Map<string, string>();
  const ids: Record<string, string> = {};

  async function as(username: string): Promise<string> {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username)!;
  }
  function moveTo(iso: string) {
    t.clock.set(iso);
    tokens.clear();
  }
  async function assess(query: string, username = 'evaluator') {
    const response = await t.request('GET', `/api/informatisation?${query}`, { token: await as(username) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { unit: { id: string; kind: string }; region: string; province: { id: string }; targets: TargetRow[]; children: { id: string; kind: string }[]; reviewDays: number };
  }
  function target(result: { targets: TargetRow[] }, id: string): TargetRow {
    const row = result.targets.find((r) => r.id === id);
    expect(row, id).toBeDefined();
    return row!;
  }
  async function unitsBelow(path: string): Promise<number> {
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM org_units WHERE path LIKE ${`${path}%`} AND kind IN ('district', 'street', 'community')`);
    return Number(row!.n);
  }
  async function ledgerItem(caseId: string, personId: string, idNumber: string, item: string, approvedAt: string, payment: 'reconciled' | 'sent') {
    const id = randomUUID();
    await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
      VALUES (${XIAMEN}, ${id}, ${personId}, ${t.rt.cipher.encrypt(idNumber)}, ${t.rt.cipher.index(idNumber)}, '测试', 'test-subsidy', ${item}, '2026-11', 'employment-subsidy', 10000, ${caseId}, 'a', 'b', ${approvedAt})`);
    await t.rt.db.execute(sql`INSERT INTO payments (city_code, id, payment_no, item_id, batch_id, id_number, person_name, amount_fen, status, created_at, updated_at)
      VALUES (${XIAMEN}, ${randomUUID()}, ${`P-${item}`}, ${id}, ${randomUUID()}, ${t.rt.cipher.encrypt(idNumber)}, '测试', 10000, ${payment}, ${approvedAt}, ${approvedAt})`);
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock(beijing('2026-11-02', '10:00')) });
    const office = (district: string) => `${district}-01`;
    await insertDemoUsers(t.rt.db, [
      { username: 'sm-vacancy', displayName: '思明岗位登记', role: 'caseworker', orgUnitId: office(SIMING), post: 'vacancy-window' },
      { username: 'sm-vacancy-review', displayName: '思明岗位审核', role: 'reviewer', orgUnitId: office(SIMING), post: 'vacancy-review' },
      { username: 'sm-survey', displayName: '思明调查员', role: 'caseworker', orgUnitId: office(SIMING), post: 'survey-window' },
      { username: 'sm-survey-review', displayName: '思明调查审核', role: 'reviewer', orgUnitId: office(SIMING), post: 'survey-review' },
      { username: 'hl-caseworker', displayName: '湖里失业登记', role: 'caseworker', orgUnitId: office(HULI), post: 'unemployment-window' },
    ]);
    const idNumbers = { p1: citizenId(SIMING, '19860301', '011'), p2: citizenId(SIMING, '19870402', '013') };

    // Mon 11-02
    ids['p1'] = await registerPerson(t, await as('caseworker'), idNumbers.p1, '陈一', { phone: '13912345671', hukouArea: SIMING, residenceArea: SIMING });
    ids['p2'] = await registerPerson(t, await as('caseworker'), idNumbers.p2, '陈二', { phone: '13912345672', residenceArea: SIMING });
    await registerPerson(t, await as('caseworker'), citizenId(SIMING, '19880503', '015'), '陈四', { phone: '13912345674', hukouArea: SIMING, residenceArea: SIMING });
    const p3 = await registerPerson(t, await as('hl-caseworker'), citizenId(HULI, '19890604', '017'), '林三', { phone: '13912345673', hukouArea: HULI, residenceArea: HULI });
    const employer = await t.request('POST', '/api/employers', { token: await as('sm-vacancy'), body: { creditCode: EMPLOYER, name: '厦门示例物流有限公司' } });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);

    ids['a1'] = (await open(t, await as('caseworker'), 'unemployment-registration', ids['p1']!)).id;
    await act(t, await as('caseworker'), ids['a1']!, 'submit', registrationForm());
    ids['a2'] = (await open(t, await as('caseworker'), 'unemployment-registration', ids['p2']!)).id;
    const b1 = await open(t, await as('hl-caseworker'), 'unemployment-registration', p3);
    await act(t, await as('hl-caseworker'), b1.id, 'submit', registrationForm({ residenceArea: HULI }));

    const v1 = await open(t, await as('sm-vacancy'), 'vacancy-posting', employer.body.id);
    await act(t, await as('sm-vacancy'), v1.id, 'submit', vacancyPostingForm(EMPLOYER, { validFrom: '2026-11-02' }));
    await act(t, await as('sm-vacancy-review'), v1.id, 'startReview', {});
    await act(t, await as('sm-vacancy-review'), v1.id, 'publish', { opinion: '信息真实，予以发布' });
    await open(t, await as('sm-vacancy'), 'vacancy-posting', employer.body.id);

    const s1 = await open(t, await as('sm-survey'), 'labour-survey', ids['p1']!);
    await act(t, await as('sm-survey'), s1.id, 'assign', { surveyRound: '2026-11', communityCode: '350203001001', enumerator: '张三' });
    await act(t, await as('sm-survey'), s1.id, 'collect', { surveyDate: '2026-11-02', householdId: 'H-1', employmentStatus: 'unemployed', occupationCode: 'none', education: '20', residenceArea: SIMING });
    await act(t, await as('sm-survey-review'), s1.id, 'verify', { verifiedStatus: 'unemployed', opinion: '回访核实' });
    await open(t, await as('sm-survey'), 'labour-survey', ids['p2']!);

    // Tue 11-03, Tue 11-10
    moveTo(beijing('2026-11-03', '10:00'));
    await act(t, await as('reviewer'), ids['a1']!, 'approve', { opinion: '材料齐全' });
    await act(t, await as('caseworker'), ids['a2']!, 'submit', registrationForm());
    moveTo(beijing('2026-11-10', '10:00'));
    await act(t, await as('reviewer'), ids['a2']!, 'approve', { opinion: '材料齐全' });

    await ledgerItem(ids['a1']!, ids['p1']!, idNumbers.p1, 'item-1', beijing('2026-11-05', '10:00'), 'reconciled');
    await ledgerItem(ids['a2']!, ids['p2']!, idNumbers.p2, 'item-2', beijing('2026-11-12', '10:00'), 'sent');
    await ledgerItem(ids['a1']!, ids['p1']!, idNumbers.p1, 'item-0', beijing('2025-12-31', '10:00'), 'reconciled');
    moveTo(beijing('2026-11-20', '10:00'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('厦门市 in 2026: each of the ten targets counted from the steps, cases and ledger made, against 福建’s eastern threshold', async () => {
    const result = await assess(`unit=${XIAMEN}&period=2026`);
    expect(result).toMatchObject({ unit: { id: XIAMEN, kind: 'city' }, province: { id: '350000' }, region: 'east', reviewDays: 5 });
    expect(result.targets.map((r) => r.id)).toEqual([
      'systemCoverage', 'informationManagement', 'informationRelease', 'subjectCoverage', 'serviceFunctions',
      'businessManagement', 'informationMonitoring', 'website', 'informationCollection', 'fundManagement',
    ]);
    expect(result.targets.every((r) => r.threshold === 90)).toBe(true);
    const cityUnits = await unitsBelow(`/000000/350000/${XIAMEN}/`);
    const inForce = (await processesInForce(t.rt.db, `/000000/350000/${XIAMEN}/`)).length;
    const pick = (id: string) => {
      const { numerator, denominator, value, stage } = target(result, id);
      return { numerator, denominator, value, stage };
    };
    // 思明 and 湖里 took steps through their offices; no street or community did.
    expect(pick('systemCoverage')).toEqual({ numerator: 2, denominator: cityUnits, value: Math.round((2 / cityUnits) * 10000) / 100, stage: 'partial' });
    // P1, P3, P4 complete; P2 has no household registration area; E1 no legal representative.
    expect(pick('informationManagement')).toEqual({ numerator: 3, denominator: 5, value: 60, stage: 'partial' });
    expect(pick('informationRelease')).toEqual({ numerator: 1, denominator: 2, value: 50, stage: 'partial' });
    // P4 was registered but never served.
    expect(pick('subjectCoverage')).toEqual({ numerator: 4, denominator: 5, value: 80, stage: 'partial' });
    expect(pick('serviceFunctions')).toEqual({ numerator: 3, denominator: inForce, value: Math.round((3 / inForce) * 10000) / 100, stage: 'partial' });
    // 10 of 11 steps on time: 90.91 % reaches the eastern 90 %.
    expect(pick('businessManagement')).toEqual({ numerator: 10, denominator: 11, value: 90.91, stage: 'reached' });
    expect(pick('informationMonitoring')).toEqual({ numerator: 1, denominator: 2, value: 50, stage: 'partial' });
    expect(target(result, 'website')).toMatchObject({ numerator: null, denominator: null, value: null, stage: 'notStarted', note: { en: 'The platform has no public website yet' } });
    // Reviewed within 5 days: A1, V1, S1; not: A2 (8 days), B1, V2, S2 (never, their 5 days over).
    expect(pick('informationCollection')).toEqual({ numerator: 3, denominator: 7, value: 42.86, stage: 'partial' });
    // The 2025 item is outside the period; of the two 2026 items one is reconciled.
    expect(pick('fundManagement')).toEqual({ numerator: 1, denominator: 2, value: 50, stage: 'partial' });
    expect(result.children.map((c) => c.id)).toEqual(expect.arrayContaining([SIMING, HULI]));
    expect(result.children.every((c) => c.kind === 'district')).toBe(true);
  });

  it('信息采集 takes the allowed days as a parameter; a record still within its days and unreviewed is not counted late', async () => {
    expect(target(await assess(`unit=${XIAMEN}&period=2026&reviewDays=10`), 'informationCollection')).toMatchObject({ numerator: 4, denominator: 7 });
    // 30 days after 11-02 is not over on 11-20: B1, V2 and S2 are left out; A2 was reviewed within them.
    expect(target(await assess(`unit=${XIAMEN}&period=2026&reviewDays=30`), 'informationCollection')).toMatchObject({ numerator: 4, denominator: 4, value: 100, stage: 'reached' });
  });

  it('drills down to 湖里区: only its own units, steps and cases count', async () => {
    const result = await assess(`unit=${HULI}&period=2026`);
    const huliUnits = await unitsBelow(`/000000/350000/${XIAMEN}/${HULI}/`);
    expect(result.unit).toMatchObject({ id: HULI, kind: 'district' });
    expect(target(result, 'systemCoverage')).toMatchObject({ numerator: 1, denominator: huliUnits });
    expect(target(result, 'businessManagement')).toMatchObject({ numerator: 1, denominator: 1, value: 100, stage: 'reached' });
    expect(target(result, 'informationCollection')).toMatchObject({ numerator: 0, denominator: 1, value: 0, stage: 'notStarted' });
    expect(target(result, 'informationRelease')).toMatchObject({ numerator: 0, denominator: 0, value: null, stage: 'notStarted' });
    expect(target(result, 'subjectCoverage')).toMatchObject({ numerator: 1, denominator: 1, value: 100, stage: 'reached' });
    expect(result.children.every((c) => c.kind === 'street')).toBe(true);
  });

  it('a quarter counts only its own dates: 2026-Q3 has nothing', async () => {
    const result = await assess(`unit=${XIAMEN}&period=2026-Q3`);
    expect(target(result, 'businessManagement')).toMatchObject({ numerator: 0, denominator: 0, value: null, stage: 'notStarted' });
    expect(target(result, 'systemCoverage')).toMatchObject({ numerator: 0, stage: 'notStarted' });
    expect(target(await assess(`unit=${XIAMEN}&period=2026-Q4`), 'businessManagement')).toMatchObject({ numerator: 10, denominator: 11 });
  });

  it('exports CSV and XLSX with the figures of the JSON answer, text cells safe from formulas', async () => {
    await t.rt.db.execute(sql`UPDATE org_units SET name = '=HYPERLINK("http://x")' WHERE id = ${HULI}`);
    const token = await as('evaluator');
    const csv = await t.app.request(`/api/informatisation/export?unit=${HULI}&period=2026&format=csv`, { headers: { Authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`informatisation_${HULI}_2026.csv`);
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://x"") (350206)"');
    expect(lines.find((l) => l.includes('业务管理'))).toContain(',1,1,100,90,已达到 reached,');

    const xlsx = await t.app.request(`/api/informatisation/export?unit=${HULI}&period=2026&format=xlsx`, { headers: { Authorization: `Bearer ${token}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(11);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^'=HYPERLINK/);
    const management = sheet.getRows(2, 10)!.find((row) => String(row.getCell(4).value).startsWith('业务管理'))!;
    expect([6, 7, 8, 9].map((c) => management.getCell(c).value)).toEqual([1, 1, 100, 90]);
  });

  it('refuses a bad period, bad review days and a unit above the provinces with BAD_REQUEST, out of scope with 404, and writes nothing', async () => {
    const [token, ministryAdmin, caseworker, auditor] = [await as('evaluator'), await as('ministry-admin'), await as('caseworker'), await as('auditor')];
    const before = await tableCounts(t.rt);
    for (const query of ['period=2026-Q5', 'period=26', 'period=1999', 'period=2026&reviewDays=0', 'period=2026&reviewDays=31']) {
      const response = await t.request('GET', `/api/informatisation?unit=${XIAMEN}&${query}`, { token });
      expect([query, response.status, response.body.code]).toEqual([query, 400, 'BAD_REQUEST']);
    }
    const ministry = await t.request('GET', '/api/informatisation?unit=000000&period=2026', { token: ministryAdmin });
    expect([ministry.status, ministry.body.code]).toEqual([400, 'BAD_REQUEST']);
    // The caseworker sits at 思明区's office: the city is above them.
    const outOfScope = await t.request('GET', `/api/informatisation?unit=${XIAMEN}&period=2026`, { token: caseworker });
    expect([outOfScope.status, outOfScope.body.code]).toEqual([404, 'NOT_FOUND']);
    const refused = await t.request('GET', `/api/informatisation?unit=${XIAMEN}&period=2026`, { token: auditor });
    expect(refused.status).toBe(403);
    expect(await tableCounts(t.rt)).toEqual(before);
  });
});

describe('regions and thresholds', () => {
  it('takes the province from the path: eastern 90, central 80, western 70, the northeast as central; nothing above a province', () => {
    expect(regionOf('/000000/350000/350200/')).toMatchObject({ region: 'east', threshold: 90, province: { id: '350000', name: '福建省' } });
    expect(regionOf('/000000/420000/420100/')).toMatchObject({ region: 'central', threshold: 80 });
    expect(regionOf('/000000/510000/')).toMatchObject({ region: 'west', threshold: 70 });
    expect(regionOf('/000000/210000/210100/')).toMatchObject({ region: 'northeast', threshold: 80 });
    expect(() => regionOf('/000000/')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => regionOf('/000000/710000/')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
