import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, isWorkingDay } from '../../engine/index.ts';
import { insertDemoUsers } from '../../runtime/seed/demo-users.ts';
import { citizenId, registrationForm, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { calendar } from '../support/calendar.ts';

const ON_TIME = 'unemployment-registration-on-time-rate';
const FILL = 'vacancy-fill-rate';
const SIMING_OFFICE = '350203-01';
const HULI_OFFICE = '350206-01';
const EMPLOYER_A = '91350100M000100Y43';
const EMPLOYER_B = '91350203MA2Y3K1B9C';

/** Beijing wall-clock time (UTC+8, no daylight saving) as an ISO instant. */
function beijing(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/*
 * The constructed data set (November 2026 has no statutory holiday; 7-8 and 14-15 are weekends).
 * Unemployment registration: draft (intake) allows 1 working day, submitted (review) 3; the
 * deadline is the end (23:59:59.999 Beijing) of the last working day.
 *
 *  #  case  office     step     post                 taken (Beijing)     deadline (Beijing)      on time  working days late
 *  1  A1    思明 A     submit   unemployment-window  Mon 11-02 10:00     Tue 11-03 end of day    yes
 *  2  A2    思明 A     submit   unemployment-window  Tue 11-03 10:00     Tue 11-03 end of day    yes
 *  3  A1    思明 A     approve  unemployment-review  Tue 11-03 10:10     Thu 11-05 end of day    yes
 *  4  A2    思明 A     approve  unemployment-review  Tue 11-10 10:00     Fri 11-06 end of day    no       2 (Mon 9, Tue 10)
 *  5  B1    湖里 B     submit   unemployment-window  Mon 11-02 10:20     Tue 11-03 end of day    yes
 *  6  B2    湖里 B     submit   unemployment-window  Wed 11-04 07:30     Tue 11-03 end of day    no       1 (Wed 4)
 *  7  B1    湖里 B     approve  unemployment-review  Wed 11-04 10:00     Thu 11-05 end of day    yes
 *  8  B2    湖里 B     reject   unemployment-review  Tue 11-10 11:00     Mon 11-09 end of day    no       1 (Tue 10)
 *
 * Record 6 is taken at 07:30 Beijing on 11-04, which is still 11-03 in UTC (23:30Z): it belongs
 * to China date 11-04. The `create` records (opening a case) have no deadline and count nowhere.
 *
 * Vacancy postings (all published on Thu 11-12, the fills on Mon 11-16):
 *  V1 at 思明 A: published, filled; V2 at 思明 A: published, withdrawn; V3 at 思明 A: published;
 *  V4 at 湖里 B: published, filled.
 */
describe.each(backends)('performance indicators computed from the performance records (%s)', (backend) => {
  let t: TestRuntime;
  const cases: Record<string, { id: string; caseNo: string }> = {};
  let tokens = new Map<string, string>();

  /** Moves the test clock; sessions are signed in again at the new time. */
  function moveTo(iso: string) {
    t.clock.set(iso);
    tokens = new Map();
  }
  async function as(username: string): Promise<string> {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username)!;
  }
  async function get(username: string, path: string) {
    return t.request('GET', path, { token: await as(username) });
  }
  async function openRegistration(key: string, caseworker: string, idNumber: string, name: string) {
    const personId = await registerPerson(t, await as(caseworker), idNumber, name);
    const opened = await open(t, await as(caseworker), 'unemployment-registration', personId);
    cases[key] = { id: opened.id, caseNo: opened.caseNo };
    return opened;
  }
  async function postVacancy(key: string, caseworker: string, reviewer: string, employerId: string, creditCode: string) {
    const vacancy = await open(t, await as(caseworker), 'vacancy-posting', employerId);
    await act(t, await as(caseworker), vacancy.id, 'submit', vacancyPostingForm(creditCode));
    await act(t, await as(reviewer), vacancy.id, 'startReview', {});
    await act(t, await as(reviewer), vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    cases[key] = { id: vacancy.id, caseNo: vacancy.caseNo };
  }

  beforeAll(async () => {
    // The deadlines the table above relies on, from the same calendar the engine uses.
    expect(addWorkingDays(calendar, beijing('2026-11-02', '10:00'), 1).at).toBe('2026-11-03T15:59:59.999Z');
    expect(addWorkingDays(calendar, beijing('2026-11-02', '10:00'), 3).at).toBe('2026-11-05T15:59:59.999Z');
    expect(addWorkingDays(calendar, beijing('2026-11-03', '10:00'), 3).at).toBe('2026-11-06T15:59:59.999Z');
    expect(addWorkingDays(calendar, beijing('2026-11-04', '07:30'), 3).at).toBe('2026-11-09T15:59:59.999Z');
    expect(['2026-11-07', '2026-11-08'].map((date) => isWorkingDay(calendar, date))).toEqual([false, false]);
    expect(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10'].every((date) => isWorkingDay(calendar, date))).toBe(true);
    expect(chinaDate(beijing('2026-11-04', '07:30'))).toBe('2026-11-04');

    t = await createTestRuntime(backend, { clock: testClock(beijing('2026-11-02', '10:00')) });
    // A second office: staff of 湖里区's employment service office, at the posts of registration and vacancies.
    await insertDemoUsers(t.rt.db, [
      { username: 'huli-caseworker', displayName: '湖里区失业登记经办员', role: 'caseworker', orgUnitId: HULI_OFFICE, post: ['unemployment-window', 'vacancy-window'] },
      { username: 'huli-reviewer', displayName: '湖里区失业登记审核员', role: 'reviewer', orgUnitId: HULI_OFFICE, post: ['unemployment-review', 'vacancy-review'] },
    ]);

    // Mon 11-02
    moveTo(beijing('2026-11-02', '10:00'));
    await openRegistration('A1', 'caseworker', citizenId('350203', '19860301', '011'), '陈一');
    await act(t, await as('caseworker'), cases['A1']!.id, 'submit', registrationForm()); // #1 on time
    moveTo(beijing('2026-11-02', '10:10'));
    await openRegistration('A2', 'caseworker', citizenId('350203', '19870402', '013'), '陈二');
    moveTo(beijing('2026-11-02', '10:20'));
    await openRegistration('B1', 'huli-caseworker', citizenId('350206', '19880503', '015'), '林一');
    await act(t, await as('huli-caseworker'), cases['B1']!.id, 'submit', registrationForm({ residenceArea: '350206' })); // #5 on time
    moveTo(beijing('2026-11-02', '10:30'));
    await openRegistration('B2', 'huli-caseworker', citizenId('350206', '19890604', '017'), '林二');

    // Tue 11-03
    moveTo(beijing('2026-11-03', '10:00'));
    await act(t, await as('caseworker'), cases['A2']!.id, 'submit', registrationForm()); // #2 on time
    moveTo(beijing('2026-11-03', '10:10'));
    await act(t, await as('reviewer'), cases['A1']!.id, 'approve', { opinion: '材料齐全' }); // #3 on time

    // Wed 11-04
    moveTo(beijing('2026-11-04', '07:30'));
    await act(t, await as('huli-caseworker'), cases['B2']!.id, 'submit', registrationForm({ residenceArea: '350206' })); // #6 late
    moveTo(beijing('2026-11-04', '10:00'));
    await act(t, await as('huli-reviewer'), cases['B1']!.id, 'approve', { opinion: '材料齐全' }); // #7 on time

    // Tue 11-10
    moveTo(beijing('2026-11-10', '10:00'));
    await act(t, await as('reviewer'), cases['A2']!.id, 'approve', { opinion: '材料齐全' }); // #4 late
    moveTo(beijing('2026-11-10', '11:00'));
    await act(t, await as('huli-reviewer'), cases['B2']!.id, 'reject', { rejectionReason: '已有就业' }); // #8 late

    // Thu 11-12: four postings published, three at 思明 and one at 湖里.
    moveTo(beijing('2026-11-12', '10:00'));
    const a = await t.request('POST', '/api/employers', { token: await as('caseworker'), body: { creditCode: EMPLOYER_A, name: '厦门示例物流有限公司' } });
    const b = await t.request('POST', '/api/employers', { token: await as('caseworker'), body: { creditCode: EMPLOYER_B, name: '厦门示例商贸有限公司' } });
    expect([a.status, b.status]).toEqual([201, 201]);
    await postVacancy('V1', 'caseworker', 'reviewer', a.body.id, EMPLOYER_A);
    await postVacancy('V2', 'caseworker', 'reviewer', a.body.id, EMPLOYER_A);
    await postVacancy('V3', 'caseworker', 'reviewer', b.body.id, EMPLOYER_B);
    await postVacancy('V4', 'huli-caseworker', 'huli-reviewer', b.body.id, EMPLOYER_B);
    await act(t, await as('caseworker'), cases['V2']!.id, 'withdraw', { withdrawalReason: '单位撤回' });

    // Mon 11-16: V1 and V4 are filled.
    moveTo(beijing('2026-11-16', '10:00'));
    await act(t, await as('caseworker'), cases['V1']!.id, 'fill', { filledCount: 2 });
    await act(t, await as('huli-caseworker'), cases['V4']!.id, 'fill', { filledCount: 1 });
  });
  afterAll(() => t?.close());

  const november = 'from=2026-11-01&to=2026-11-30';

  it('lists the indicators the plugins declare, with their selectors and factor', async () => {
    const response = await get('caseworker', '/api/indicators');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(ON_TIME)).toMatchObject({
      pluginId: 'unemployment-registration',
      title: { 'zh-CN': '失业登记按时办结率' },
      numerator: { process: 'unemployment-registration', withDeadline: true, onTime: true },
      denominator: { process: 'unemployment-registration', withDeadline: true },
      factor: 100,
    });
    expect(byId.get(FILL)).toMatchObject({ pluginId: 'job-matching', numerator: { event: 'fill' }, denominator: { event: 'publish' } });
    expect(response.body.items).toHaveLength(byId.size);
  });

  it('computes the on-time rate for the city, each office, the province and one post', async () => {
    const value = async (user: string, query: string) => {
      const response = await get(user, `/api/indicators/${ON_TIME}?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };
    // City: records 1-8 have a deadline; 1, 2, 3, 5 and 7 were on time. 5 / 8 × 100 = 62.5.
    expect(await value('admin', `orgUnit=350200&${november}`)).toMatchObject({
      indicator: ON_TIME,
      orgUnit: { id: '350200', name: '厦门市' },
      from: '2026-11-01',
      to: '2026-11-30',
      numerator: 5,
      denominator: 8,
      factor: 100,
      value: 62.5,
    });
    // 思明 office: records 1-4, on time 1, 2, 3 → 3 / 4 = 75.
    expect(await value('admin', `orgUnit=${SIMING_OFFICE}&${november}`)).toMatchObject({ orgUnit: { id: SIMING_OFFICE }, numerator: 3, denominator: 4, value: 75 });
    // 湖里 office: records 5-8, on time 5, 7 → 2 / 4 = 50.
    expect(await value('admin', `orgUnit=${HULI_OFFICE}&${november}`)).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    // The district 思明区 holds its office's records: the same 3 / 4.
    expect(await value('admin', `orgUnit=350203&${november}`)).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    // Province 福建省: the only city with records is 厦门, so 5 / 8 again (asked by the provincial evaluator).
    expect(await value('evaluator', `orgUnit=350000&${november}`)).toMatchObject({ orgUnit: { id: '350000' }, numerator: 5, denominator: 8, value: 62.5 });
    // Review post across the city: records 3, 4, 7, 8; on time 3, 7 → 2 / 4 = 50.
    const review = await value('admin', `orgUnit=350200&${november}&post=unemployment-review`);
    expect(review).toMatchObject({ post: 'unemployment-review', numerator: 2, denominator: 4, value: 50 });
    // Intake window across the city: records 1, 2, 5, 6; on time 1, 2, 5 → 3 / 4 = 75.
    expect(await value('admin', `orgUnit=350200&${november}&post=unemployment-window`)).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    // A post at one office: 湖里's review records 7 (on time) and 8 (late) → 1 / 2.
    expect(await value('admin', `orgUnit=${HULI_OFFICE}&${november}&post=unemployment-review`)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('counts only the steps taken within the period, by China date, both ends inclusive', async () => {
    const value = async (query: string) => (await get('admin', `/api/indicators/${ON_TIME}?orgUnit=350200&${query}`)).body;
    // Mon 11-02 .. Fri 11-06 leaves out records 4 and 8 (both 11-10): on time 1, 2, 3, 5, 7 of 1, 2, 3, 5, 6, 7 → 5 / 6 = 83.33.
    expect(await value('from=2026-11-02&to=2026-11-06')).toMatchObject({ numerator: 5, denominator: 6, value: 83.33 });
    // 11-02 .. 11-03: records 1, 2, 3, 5, all on time. Record 6 (23:30Z on 11-03 = 07:30 on 11-04 in China) is out → 4 / 4.
    expect(await value('from=2026-11-02&to=2026-11-03')).toMatchObject({ numerator: 4, denominator: 4, value: 100 });
    // The single day 11-04: records 6 (late) and 7 (on time) → 1 / 2.
    expect(await value('from=2026-11-04&to=2026-11-04')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // The single day 11-10, the last day included: records 4 and 8, both late → 0 / 2 = 0 (a value, not null).
    expect(await value('from=2026-11-10&to=2026-11-10')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    // October: no records at all → 0 / 0 and no value.
    expect(await value('from=2026-10-01&to=2026-10-31')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('drills down from the city to each district, and the rows add up to the city figure', async () => {
    const response = await get('admin', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${november}&by=unit`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ indicator: ON_TIME, orgUnit: { id: '350200' }, by: 'unit' });
    // 思明区 3 / 4 (records 1-4), 湖里区 2 / 4 (records 5-8); no other district has a record.
    expect(response.body.rows).toEqual([
      { key: '350203', name: '思明区', numerator: 3, denominator: 4, value: 75 },
      { key: '350206', name: '湖里区', numerator: 2, denominator: 4, value: 50 },
    ]);
    const rows = response.body.rows as { numerator: number; denominator: number }[];
    const city = (await get('admin', `/api/indicators/${ON_TIME}?orgUnit=350200&${november}`)).body;
    expect([rows.reduce((s, r) => s + r.numerator, 0), rows.reduce((s, r) => s + r.denominator, 0)]).toEqual([city.numerator, city.denominator]);

    // One level down from a district is its office: all four of 湖里区's records.
    const district = await get('admin', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350206&${november}&by=unit`);
    expect(district.body.rows).toEqual([{ key: HULI_OFFICE, name: '湖里区公共就业服务中心', numerator: 2, denominator: 4, value: 50 }]);

    // Over 11-02 .. 11-06 (records 4 and 8 out): 思明区 3 / 3, 湖里区 2 / 3.
    const week = await get('admin', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&from=2026-11-02&to=2026-11-06&by=unit`);
    expect(week.body.rows).toEqual([
      { key: '350203', name: '思明区', numerator: 3, denominator: 3, value: 100 },
      { key: '350206', name: '湖里区', numerator: 2, denominator: 3, value: 66.67 },
    ]);
  });

  it('drills down by post at an office', async () => {
    const response = await get('admin', `/api/indicators/${ON_TIME}/drilldown?orgUnit=${SIMING_OFFICE}&${november}&by=post`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // 思明 office: the review post took 3 (on time) and 4 (late) → 1 / 2; the window took 1 and 2, both on time → 2 / 2.
    expect(response.body.rows).toEqual([
      { key: 'unemployment-review', name: '失业登记审核岗', numerator: 1, denominator: 2, value: 50 },
      { key: 'unemployment-window', name: '失业登记窗口', numerator: 2, denominator: 2, value: 100 },
    ]);
  });

  it('lists exactly the late steps, latest first, with the working days late counted across the weekend', async () => {
    const response = await get('admin', `/api/indicators/${ON_TIME}/records?orgUnit=350200&${november}&late=true`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Records 8, 4, 6 (latest first). #4: due Fri 11-06, taken Tue 11-10 → Sat and Sun do not count: Mon 9 + Tue 10 = 2.
    // #8: due Mon 11-09, taken Tue 11-10 → 1. #6: due Tue 11-03, taken Wed 11-04 (07:30 Beijing) → 1.
    expect(response.body.items).toHaveLength(3);
    expect(response.body.total).toBe(3);
    expect(response.body.items[0]).toMatchObject({
      caseId: cases['B2']!.id,
      caseNo: cases['B2']!.caseNo,
      from: 'submitted',
      to: 'rejected',
      event: 'reject',
      actor: { role: 'reviewer', name: '湖里区失业登记审核员' },
      post: 'unemployment-review',
      orgUnit: { id: HULI_OFFICE, name: '湖里区公共就业服务中心' },
      leftAt: '2026-11-10T03:00:00.000Z',
      dueAt: '2026-11-09T15:59:59.999Z',
      onTime: false,
      workingDaysLate: 1,
    });
    expect(response.body.items[1]).toMatchObject({
      caseId: cases['A2']!.id,
      caseNo: cases['A2']!.caseNo,
      from: 'submitted',
      to: 'registered',
      event: 'approve',
      actor: { role: 'reviewer', name: '综合审核员' },
      post: 'unemployment-review',
      orgUnit: { id: SIMING_OFFICE, name: '思明区公共就业服务中心' },
      leftAt: '2026-11-10T02:00:00.000Z',
      dueAt: '2026-11-06T15:59:59.999Z',
      onTime: false,
      workingDaysLate: 2,
    });
    expect(response.body.items[2]).toMatchObject({
      caseId: cases['B2']!.id,
      caseNo: cases['B2']!.caseNo,
      from: 'draft',
      to: 'submitted',
      event: 'submit',
      post: 'unemployment-window',
      orgUnit: { id: HULI_OFFICE },
      leftAt: '2026-11-03T23:30:00.000Z',
      dueAt: '2026-11-03T15:59:59.999Z',
      onTime: false,
      workingDaysLate: 1,
    });

    // Only the review post's late steps: 8 and 4.
    const review = await get('admin', `/api/indicators/${ON_TIME}/records?orgUnit=350200&${november}&late=true&post=unemployment-review`);
    expect(review.body.items.map((r: { caseNo: string; workingDaysLate: number }) => [r.caseNo, r.workingDaysLate])).toEqual([
      [cases['B2']!.caseNo, 1],
      [cases['A2']!.caseNo, 2],
    ]);
    // Only 思明's: record 4.
    const siming = await get('admin', `/api/indicators/${ON_TIME}/records?orgUnit=${SIMING_OFFICE}&${november}&late=true`);
    expect(siming.body.items.map((r: { caseNo: string }) => r.caseNo)).toEqual([cases['A2']!.caseNo]);
    expect(siming.body.total).toBe(1);
  });

  it('pages through all the denominator records, latest first, on-time ones with 0 days late', async () => {
    // All 8 records, latest first: 8, 4, 7 | 6, 3, 2 | 5, 1 in pages of 3. Page 2: 6, 3, 2.
    const page2 = await get('admin', `/api/indicators/${ON_TIME}/records?orgUnit=350200&${november}&page=2&pageSize=3`);
    expect(page2.status, JSON.stringify(page2.body)).toBe(200);
    expect(page2.body.items.map((r: { caseNo: string; event: string; onTime: boolean; workingDaysLate: number }) => [r.caseNo, r.event, r.onTime, r.workingDaysLate])).toEqual([
      [cases['B2']!.caseNo, 'submit', false, 1],
      [cases['A1']!.caseNo, 'approve', true, 0],
      [cases['A2']!.caseNo, 'submit', true, 0],
    ]);
    // Every page states the total of the whole list, not of the page.
    expect(page2.body.total).toBe(8);
    // Page 3: 5, 1 — opening a case (no deadline) is never among them.
    const page3 = await get('admin', `/api/indicators/${ON_TIME}/records?orgUnit=350200&${november}&page=3&pageSize=3`);
    expect(page3.body.items.map((r: { caseNo: string; event: string }) => [r.caseNo, r.event])).toEqual([
      [cases['B1']!.caseNo, 'submit'],
      [cases['A1']!.caseNo, 'submit'],
    ]);
    expect(page3.body.total).toBe(8);
  });

  it('computes the vacancy fill rate: fills over publications', async () => {
    const value = async (query: string) => {
      const response = await get('admin', `/api/indicators/${FILL}?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };
    // City: 4 published (V1-V4), 2 filled (V1, V4) → 50. The withdrawn and the open one count as published only.
    expect(await value(`orgUnit=350200&${november}`)).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    // 思明 office: 3 published, 1 filled → 33.33; 湖里 office: 1 of 1 → 100.
    expect(await value(`orgUnit=${SIMING_OFFICE}&${november}`)).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    expect(await value(`orgUnit=${HULI_OFFICE}&${november}`)).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    // Publication week only (11-12 .. 11-13): the fills of 11-16 fall outside → 0 / 4.
    expect(await value('orgUnit=350200&from=2026-11-12&to=2026-11-13')).toMatchObject({ numerator: 0, denominator: 4, value: 0 });
    // Unemployment registration steps never count towards a vacancy indicator: early November has none.
    expect(await value('orgUnit=350200&from=2026-11-01&to=2026-11-11')).toMatchObject({ numerator: 0, denominator: 0, value: null });

    const drill = await get('admin', `/api/indicators/${FILL}/drilldown?orgUnit=350200&${november}&by=unit`);
    expect(drill.body.rows).toEqual([
      { key: '350203', name: '思明区', numerator: 1, denominator: 3, value: 33.33 },
      { key: '350206', name: '湖里区', numerator: 1, denominator: 1, value: 100 },
    ]);
    // The records behind it are the four publications.
    const records = await get('admin', `/api/indicators/${FILL}/records?orgUnit=350200&${november}`);
    expect(records.body.items).toHaveLength(4);
    expect(records.body.items.every((r: { event: string; dueAt: string | null }) => r.event === 'publish' && r.dueAt !== null)).toBe(true);
    expect(new Set(records.body.items.map((r: { caseNo: string }) => r.caseNo))).toEqual(new Set(['V1', 'V2', 'V3', 'V4'].map((k) => cases[k]!.caseNo)));
  });

  it('answers only within the asker\'s own subtree, and 404 for an unknown indicator or unit', async () => {
    // The provincial evaluator may look at the city and at any office in it.
    expect((await get('evaluator', `/api/indicators/${ON_TIME}?orgUnit=350200&${november}`)).body).toMatchObject({ numerator: 5, denominator: 8 });
    expect((await get('evaluator', `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${november}&by=unit`)).status).toBe(200);
    // The caseworker sees its own office …
    expect((await get('caseworker', `/api/indicators/${ON_TIME}?orgUnit=${SIMING_OFFICE}&${november}`)).body).toMatchObject({ numerator: 3, denominator: 4 });
    // … but not the city above it, nor the neighbouring office, on any of the three routes.
    for (const path of [
      `/api/indicators/${ON_TIME}?orgUnit=350200&${november}`,
      `/api/indicators/${ON_TIME}/drilldown?orgUnit=350200&${november}&by=unit`,
      `/api/indicators/${ON_TIME}/records?orgUnit=350200&${november}&late=true`,
      `/api/indicators/${ON_TIME}?orgUnit=${HULI_OFFICE}&${november}`,
    ]) {
      const response = await get('caseworker', path);
      expect(response.status, path).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    // The city admin does not see the province.
    expect((await get('admin', `/api/indicators/${ON_TIME}?orgUnit=350000&${november}`)).status).toBe(404);
    // Unknown indicator, unknown unit.
    const unknown = await get('admin', `/api/indicators/no-such-indicator?orgUnit=350200&${november}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', details: { indicator: 'no-such-indicator' } });
    expect((await get('admin', `/api/indicators/no-such-indicator/records?orgUnit=350200&${november}`)).status).toBe(404);
    expect((await get('admin', `/api/indicators/${ON_TIME}?orgUnit=999999&${november}`)).status).toBe(404);
    // Signed out: 401.
    expect((await t.request('GET', `/api/indicators/${ON_TIME}?orgUnit=350200&${november}`)).status).toBe(401);
  });

  it('refuses a malformed question with 400', async () => {
    for (const query of ['orgUnit=350200&from=2026-11-01', 'orgUnit=350200&from=2026/11/01&to=2026-11-30', `orgUnit=350200&${november}&by=street`, 'orgUnit=350200&from=2026-11-30&to=2026-11-01']) {
      const response = await get('admin', `/api/indicators/${ON_TIME}/drilldown?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code).toBe('BAD_REQUEST');
    }
  });
});
