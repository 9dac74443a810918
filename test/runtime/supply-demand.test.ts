import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoUsers, officeId, windowPosts } from '../../runtime/seed/index.ts';
import { citizenId, tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CREDIT_CODE = '91350100M000100Y43';

/**
 * The constructed market, three quarters (the clock is set into each to take the steps; the
 * validity dates are form fields). Xiamen (350200) postings and seekers are taken at office
 * 350203-01, Fuzhou (350100) ones at office 350102-01.
 *
 * | case | city | headcount / person | occupation | area | valid | quarters it counts in |
 * | P1 | XM | 4 | 4-02-06-03 | 350203 | 2025-10-15..2025-12-31 | 2025-Q4 |
 * | P2 | XM | 3 | 6-18-01-01 | 350211 | 2026-07-01..2026-08-31 | 2026-Q3 (expired before Q4) |
 * | P3 | XM | 2 | 4-02-06-03 | 350206 | 2026-09-15..2026-11-30 | 2026-Q3 and Q4 (across two quarters) |
 * | P4 | XM | 6 | 6-18-01-01 | 350211 | 2026-11-02..2026-12-31, skill 4 | 2026-Q4 |
 * | P5 | XM | 10 | never published | | | none |
 * | FP1 | FZ | 5 | 4-03-02-05 | 350102 | 2026-08-01..2026-10-20 | 2026-Q3 and Q4 |
 * | S1 | XM | A m 1990-03-12 | 4-02-06-03 | 350206 | 2025-11-03..2026-12-31 | 2025-Q4, 2026-Q3 (registered before, still valid), withdrawn in Q4 |
 * | S1b | XM | A again | 4-02-06-03 | 350203 | 2026-11-02..2027-04-30 | 2026-Q4 (A's latest: A counts once, here) |
 * | S2 | XM | B f 2002-05-20 | 2-02-10-03 | 350203 | 2025-11-03..2025-12-31 | 2025-Q4 |
 * | S3 | XM | C m 1985-07-07 | 6-18-01-01 | 350211 | 2026-08-03..2026-09-30 | 2026-Q3 |
 * | S4 | XM | D f 1980-01-15 | 4-03-02-05 (first of two) | 350203 | 2026-11-02..2027-01-31 | 2026-Q4 |
 * | S5 | XM | E m 2001-12-31 | 6-18-01-01 | 350211 | 2026-11-02..2027-03-31 | 2026-Q4 |
 * | FS1 | FZ | m 1995-01-01 | 4-03-02-05 | 350102 | 2026-08-03..2026-09-30 | 2026-Q3 |
 * | FS2 | FZ | f 2002-01-01 | 4-03-02-05 | 350102 | 2026-11-02..2027-02-28 | 2026-Q4 |
 *
 * Totals (demand / supply): XM 2025-Q4 4/2, 2026-Q3 5/2, 2026-Q4 8/3; FZ 2025-Q4 none,
 * 2026-Q3 5/1, 2026-Q4 5/1. Fuzhou has no data in 2025-Q4, so the year-on-year change of the
 * province compares Xiamen alone.
 */
describe.each(backends)('quarterly supply and demand analysis (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  let evaluator: string;
  let xmCaseworker: string;
  let fzCaseworker: string;

  function analysis(token: string, query: string) {
    return t.request('GET', `/api/analysis/supply-demand?${query}`, { token });
  }

  async function post(caseworker: string, reviewer: string, employerId: string, form: Record<string, unknown>, publish = true) {
    const vacancy = await open(t, caseworker, 'vacancy-posting', employerId);
    await act(t, caseworker, vacancy.id, 'submit', vacancyPostingForm(CREDIT_CODE, form));
    if (publish) {
      await act(t, reviewer, vacancy.id, 'startReview', {});
      await act(t, reviewer, vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    }
  }

  async function seek(caseworker: string, personId: string, profile: Record<string, unknown>) {
    const seeking = await open(t, caseworker, 'job-seeking', personId);
    await act(t, caseworker, seeking.id, 'register', { expectedPayFen: 500_000, ...profile });
    return seeking.id as string;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await t.addCity('3501');
    await insertDemoUsers(t.rt.db, [
      { username: 'fz-caseworker', displayName: '福州经办员', role: 'caseworker', orgUnitId: officeId('350102'), post: windowPosts },
      { username: 'fz-reviewer', displayName: '福州审核员', role: 'reviewer', orgUnitId: officeId('350102'), post: 'vacancy-review' },
    ]);
    const signIn = async () => ({ xm: await t.login('caseworker'), xmReviewer: await t.login('reviewer'), fz: await t.login('fz-caseworker'), fzReviewer: await t.login('fz-reviewer') });
    let s = await signIn();
    const xmEmployer = (await t.request('POST', '/api/employers', { token: s.xm, body: { creditCode: CREDIT_CODE, name: '厦门示例物流有限公司' } })).body.id;
    const fzEmployer = (await t.request('POST', '/api/employers', { token: s.fz, body: { creditCode: CREDIT_CODE, name: '福州示例餐饮有限公司' } })).body.id;
    const a = await registerPerson(t, s.xm, citizenId('350203', '19900312', '011'), '林志强');
    const b = await registerPerson(t, s.xm, citizenId('350206', '20020520', '022'), '陈雅婷');
    const c = await registerPerson(t, s.xm, citizenId('350211', '19850707', '031'), '黄伟');
    const d = await registerPerson(t, s.xm, citizenId('350203', '19800115', '042'), '郑丽华');
    const e = await registerPerson(t, s.xm, citizenId('350211', '20011231', '051'), '吴俊杰');
    const f1 = await registerPerson(t, s.fz, citizenId('350102', '19950101', '061'), '王建明');
    const f2 = await registerPerson(t, s.fz, citizenId('350102', '20020101', '072'), '刘思琪');

    // 2025-Q4
    t.clock.set('2025-11-03T01:00:00.000Z');
    s = await signIn();
    await post(s.xm, s.xmReviewer, xmEmployer, { headcount: 4, occupation: '4-02-06-03', workArea: '350203', education: '60', validFrom: '2025-10-15', validUntil: '2025-12-31' });
    const s1 = await seek(s.xm, a, { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350206'], education: '60', availableFrom: '2025-11-03', validUntil: '2026-12-31' });
    await seek(s.xm, b, { desiredOccupations: ['2-02-10-03'], desiredAreas: ['350203'], education: '20', availableFrom: '2025-11-03', validUntil: '2025-12-31' });

    // 2026-Q3
    t.clock.set('2026-08-03T01:00:00.000Z');
    s = await signIn();
    await post(s.xm, s.xmReviewer, xmEmployer, { headcount: 3, occupation: '6-18-01-01', workArea: '350211', education: '40', validFrom: '2026-07-01', validUntil: '2026-08-31' });
    await post(s.xm, s.xmReviewer, xmEmployer, { headcount: 2, occupation: '4-02-06-03', workArea: '350206', education: '60', validFrom: '2026-09-15', validUntil: '2026-11-30' });
    await seek(s.xm, c, { desiredOccupations: ['6-18-01-01'], desiredAreas: ['350211'], education: '40', availableFrom: '2026-08-03', validUntil: '2026-09-30' });
    await post(s.fz, s.fzReviewer, fzEmployer, { headcount: 5, occupation: '4-03-02-05', workArea: '350102', education: '60', validFrom: '2026-08-01', validUntil: '2026-10-20' });
    await seek(s.fz, f1, { desiredOccupations: ['4-03-02-05'], desiredAreas: ['350102'], education: '60', availableFrom: '2026-08-03', validUntil: '2026-09-30' });

    // 2026-Q4
    t.clock.set('2026-11-02T01:00:00.000Z');
    s = await signIn();
    await post(s.xm, s.xmReviewer, xmEmployer, { headcount: 6, occupation: '6-18-01-01', workArea: '350211', education: '40', skillLevel: '4', validFrom: '2026-11-02', validUntil: '2026-12-31' });
    await post(s.xm, s.xmReviewer, xmEmployer, { headcount: 10, workArea: '350203', validFrom: '2026-11-02', validUntil: '2026-12-31' }, false);
    await act(t, s.xm, s1, 'withdraw', { withdrawalReason: '变更求职意向地区，重新登记' });
    await seek(s.xm, a, { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350203'], education: '20', availableFrom: '2026-11-02', validUntil: '2027-04-30' });
    await seek(s.xm, d, { desiredOccupations: ['4-03-02-05', '6-18-01-01'], desiredAreas: ['350203'], education: '70', availableFrom: '2026-11-02', validUntil: '2027-01-31' });
    await seek(s.xm, e, { desiredOccupations: ['6-18-01-01'], desiredAreas: ['350211'], education: '40', availableFrom: '2026-11-02', validUntil: '2027-03-31' });
    await seek(s.fz, f2, { desiredOccupations: ['4-03-02-05'], desiredAreas: ['350102'], education: '60', availableFrom: '2026-11-02', validUntil: '2027-02-28' });

    admin = await t.login('admin');
    evaluator = await t.login('evaluator');
    xmCaseworker = s.xm;
    fzCaseworker = s.fz;
  });
  afterAll(() => t.close());

  it('counts a posting valid across two quarters in both, and a posting expired before the quarter in neither later one', async () => {
    const q3 = await analysis(admin, 'orgUnit=350200&quarter=2026-Q3');
    expect(q3.status).toBe(200);
    // P2 3 + P3 2; A (registered 2025-11, valid to 2026-12-31) and C.
    expect(q3.body.total).toMatchObject({ demand: 5, supply: 2, ratio: 2.5, demandShare: 100, supplyShare: 100 });
    // 2026-Q2 had A alone (still valid) and no posting: no demand share to compare, ratio 0 -> 2.50.
    expect(q3.body.total.vsPreviousQuarter).toEqual({
      demandSharePp: null,
      supplySharePp: 0,
      ratioChange: 2.5,
      comparable: { demand: 5, demandShare: 100, supply: 2, supplyShare: 100, ratio: 2.5 },
      base: { demand: 0, demandShare: null, supply: 1, supplyShare: 100, ratio: 0 },
    });
    expect(q3.body.previousQuarter).toMatchObject({ quarter: '2026-Q2', from: '2026-04-01', to: '2026-06-30', comparedCities: [{ code: '350200', name: '厦门市' }], leftOutCities: [] });
    // Nothing in 2025-Q3: no city to compare, no change.
    expect(q3.body.total.vsLastYear).toBeNull();
    expect(q3.body.lastYear).toMatchObject({ quarter: '2025-Q3', comparedCities: [], leftOutCities: [{ code: '350200', name: '厦门市' }] });

    const q4 = await analysis(admin, 'orgUnit=350200&quarter=2026-Q4');
    // P3 2 + P4 6: P2 (ended 2026-08-31), P1 (2025) and the unpublished P5 do not count. A, D, E.
    expect(q4.body).toMatchObject({ orgUnit: { id: '350200', name: '厦门市' }, by: 'total', quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(q4.body.total).toMatchObject({ demand: 8, supply: 3, ratio: 2.67 });
    // 8/3 = 2.67 against 5/2 = 2.50 and 4/2 = 2.00.
    expect(q4.body.total.vsPreviousQuarter).toMatchObject({ ratioChange: 0.17, demandSharePp: 0, base: { demand: 5, supply: 2, ratio: 2.5 } });
    expect(q4.body.total.vsLastYear).toMatchObject({ ratioChange: 0.67, base: { demand: 4, supply: 2, ratio: 2 } });
    expect(q4.body.lastYear).toMatchObject({ quarter: '2025-Q4', comparedCities: [{ code: '350200', name: '厦门市' }], leftOutCities: [] });
  });

  it('compares a province on the cities present in both quarters: Fuzhou is left out of the year-on-year change', async () => {
    const response = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q4&by=total');
    expect(response.status).toBe(200);
    // XM 8/3 + FZ 5/1 = 13/4 = 3.25.
    expect(response.body.total).toMatchObject({ demand: 13, supply: 4, ratio: 3.25 });
    // Both cities in 2026-Q3: 10/3 = 3.33; 3.25 - 3.33 = -0.08.
    expect(response.body.previousQuarter.comparedCities.map((c: { code: string }) => c.code)).toEqual(['350100', '350200']);
    expect(response.body.previousQuarter.leftOutCities).toEqual([]);
    expect(response.body.total.vsPreviousQuarter).toMatchObject({ ratioChange: -0.08, comparable: { demand: 13, supply: 4, ratio: 3.25 }, base: { demand: 10, supply: 3, ratio: 3.33 } });
    // 2025-Q4 only Xiamen: 8/3 = 2.67 against 4/2 = 2.00, +0.67 (with Fuzhou it would read 3.25 - 2.00).
    expect(response.body.lastYear.comparedCities).toEqual([{ code: '350200', name: '厦门市' }]);
    expect(response.body.lastYear.leftOutCities).toEqual([{ code: '350100', name: '福州市' }]);
    expect(response.body.total.vsLastYear).toMatchObject({ ratioChange: 0.67, comparable: { demand: 8, supply: 3, ratio: 2.67 }, base: { demand: 4, supply: 2, ratio: 2 } });
  });

  it('breaks a province down by occupation major group with pp changes, ratio changes and ranked minor groups', async () => {
    const response = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q4&by=occupation');
    expect(response.status).toBe(200);
    const rows = response.body.rows;
    expect(rows.map((r: { key: string }) => r.key)).toEqual(['2', '4', '6']);
    const [professionals, services, production] = rows;
    // Major group 2 only in B's 2025-Q4 registration: 0 now; last year 1 of Xiamen's 2 seekers.
    expect(professionals).toMatchObject({ demand: 0, demandShare: 0, supply: 0, supplyShare: 0, ratio: null });
    expect(professionals.vsLastYear).toMatchObject({ demandSharePp: 0, supplySharePp: -50, ratioChange: null });
    // Group 4: P3 2 + FP1 5 = 7 of 13 (53.85 %); A, D (first desired occupation), FS2 = 3 of 4 (75 %); 7/3 = 2.33.
    expect(services).toMatchObject({ key: '4', label: { 'zh-CN': '社会生产服务和生活服务人员' }, demand: 7, demandShare: 53.85, supply: 3, supplyShare: 75, ratio: 2.33 });
    // Q3, both cities: 7 of 10 (70 %), A and FS1 2 of 3 (66.67 %), 3.50.
    expect(services.vsPreviousQuarter).toMatchObject({ demandSharePp: -16.15, supplySharePp: 8.33, ratioChange: -1.17 });
    // Year on year on Xiamen only: 2 of 8 (25 %) and A, D 2 of 3 (66.67 %), 1.00; against 4 of 4 (100 %), A 1 of 2 (50 %), 4.00.
    expect(services.vsLastYear).toMatchObject({ demandSharePp: -75, supplySharePp: 16.67, ratioChange: -3, comparable: { demand: 2, supply: 2, ratio: 1 } });
    // Group 6: P4 6 of 13 (46.15 %); E 1 of 4 (25 %); 6.00. Q3: P2 3 of 10 (30 %), C 1 of 3 (33.33 %), 3.00.
    expect(production).toMatchObject({ demand: 6, demandShare: 46.15, supply: 1, supplyShare: 25, ratio: 6 });
    expect(production.vsPreviousQuarter).toMatchObject({ demandSharePp: 16.15, supplySharePp: -8.33, ratioChange: 3 });
    // Last year nothing in group 6: shares 0, no ratio to compare.
    expect(production.vsLastYear).toMatchObject({ demandSharePp: 75, supplySharePp: 33.33, ratioChange: null });
    // Minor groups of 4 ranked by demand: 4-03-02 (FP1 5; D, FS2) before 4-02-06 (P3 2; A).
    expect(services.minorGroups).toEqual([
      { rank: 1, key: '4-03-02', name: '餐饮服务人员', demand: 5, demandShare: 38.46, supply: 2, supplyShare: 50, ratio: 2.5 },
      { rank: 2, key: '4-02-06', name: '仓储物流服务人员', demand: 2, demandShare: 15.38, supply: 1, supplyShare: 25, ratio: 2 },
    ]);
    expect(production.minorGroups.map((m: { key: string }) => m.key)).toEqual(['6-18-01']);
    expect(professionals.minorGroups).toEqual([]);
  });

  it('breaks a city down by district, counting a person once with the latest registration', async () => {
    const response = await analysis(admin, 'orgUnit=350200&quarter=2026-Q4&by=region');
    const rows = Object.fromEntries(response.body.rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(rows)).toEqual(['350203', '350206', '350211']);
    // A withdrew S1 (湖里 350206) and registered again for 思明 350203: counted there only.
    expect(rows['350203']).toMatchObject({ label: { 'zh-CN': '思明区' }, demand: 0, demandShare: 0, supply: 2, supplyShare: 66.67, ratio: 0 });
    expect(rows['350206']).toMatchObject({ demand: 2, demandShare: 25, supply: 0, supplyShare: 0, ratio: null });
    expect(rows['350211']).toMatchObject({ label: { 'zh-CN': '集美区' }, demand: 6, demandShare: 75, supply: 1, supplyShare: 33.33, ratio: 6 });
    // Q3: 350206 P3 2 of 5 (40 %), A 1 of 2 (50 %); 350211 P2 3 of 5 (60 %), C 1 of 2 (50 %), 3.00.
    expect(rows['350206'].vsPreviousQuarter).toMatchObject({ demandSharePp: -15, supplySharePp: -50, ratioChange: null });
    expect(rows['350211'].vsPreviousQuarter).toMatchObject({ demandSharePp: 15, supplySharePp: -16.67, ratioChange: 3 });
    // 2025-Q4: 350203 P1 4 of 4 (100 %), B 1 of 2 (50 %), 4.00.
    expect(rows['350203'].vsLastYear).toMatchObject({ demandSharePp: -100, supplySharePp: 16.67, ratioChange: -4 });
  });

  it('breaks supply down by sex and age on the quarter\'s last day; postings state neither', async () => {
    const sex = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q4&by=sex');
    expect(sex.body.rows.map((r: { key: string; demand: number; supply: number; ratio: number | null }) => [r.key, r.demand, r.supply, r.ratio])).toEqual([
      ['male', 0, 2, 0],
      ['female', 0, 2, 0],
      ['unspecified', 13, 0, null],
    ]);
    const age = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q4&by=age');
    // On 2026-12-31: FS2 (2002-01-01) 24, E (2001-12-31) 25, A 36, D 46.
    expect(age.body.rows.map((r: { key: string; supply: number; supplyShare: number | null }) => [r.key, r.supply, r.supplyShare])).toEqual([
      ['16-24', 1, 25],
      ['25-34', 1, 25],
      ['35-44', 1, 25],
      ['45+', 1, 25],
      ['unspecified', 0, 0],
    ]);
  });

  it('breaks a city down by education and skill level with the forms\' labels', async () => {
    const education = await analysis(admin, 'orgUnit=350200&quarter=2026-Q4&by=education');
    // Demand: P3 60 (2), P4 40 (6). Supply: A 20, D 70, E 40. Rows 20 and 60 also from the base quarters.
    expect(education.body.rows.map((r: { key: string; demand: number; supply: number; ratio: number | null }) => [r.key, r.demand, r.supply, r.ratio])).toEqual([
      ['20', 0, 1, 0],
      ['40', 6, 1, 6],
      ['60', 2, 0, null],
      ['70', 0, 1, 0],
    ]);
    expect(education.body.rows[1].label).toEqual({ 'zh-CN': '中等职业教育', en: 'Secondary vocational education' });
    const skill = await analysis(admin, 'orgUnit=350200&quarter=2026-Q4&by=skillLevel');
    expect(skill.body.rows.map((r: { key: string; demand: number; supply: number; ratio: number | null }) => [r.key, r.demand, r.supply, r.ratio])).toEqual([
      ['4', 6, 0, null],
      ['unspecified', 2, 3, 0.67],
    ]);
    expect(skill.body.rows[0].label['zh-CN']).toBe('四级／中级工');
  });

  it('counts the postings and registrations taken by offices in the unit asked about', async () => {
    // The Xiamen caseworker's own office took every Xiamen case.
    const office = await analysis(xmCaseworker, 'orgUnit=350203-01&quarter=2026-Q4');
    expect(office.body.total).toMatchObject({ demand: 8, supply: 3, ratio: 2.67 });
    // Fuzhou alone: 5/1 both quarters; no 2025-Q4 data, so no year-on-year change.
    const fuzhou = await analysis(fzCaseworker, 'orgUnit=350102-01&quarter=2026-Q4');
    expect(fuzhou.body.total).toMatchObject({ demand: 5, supply: 1, ratio: 5, vsLastYear: null });
    expect(fuzhou.body.total.vsPreviousQuarter).toMatchObject({ ratioChange: 0, base: { demand: 5, supply: 1 } });
    expect(fuzhou.body.lastYear.leftOutCities).toEqual([{ code: '350100', name: '福州市' }]);
  });

  it('answers 404 outside the user\'s subtree and 400 for a malformed quarter or breakdown, writing nothing', async () => {
    const before = await tableCounts(t.rt);
    const province = await analysis(xmCaseworker, 'orgUnit=350000&quarter=2026-Q4');
    expect(province.status).toBe(404);
    expect(province.body.code).toBe('NOT_FOUND');
    const otherCity = await analysis(fzCaseworker, 'orgUnit=350200&quarter=2026-Q4');
    expect(otherCity.status).toBe(404);
    const quarter = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q5');
    expect(quarter.status).toBe(400);
    expect(quarter.body.code).toBe('BAD_REQUEST');
    const by = await analysis(evaluator, 'orgUnit=350000&quarter=2026-Q4&by=religion');
    expect(by.status).toBe(400);
    expect(by.body.code).toBe('BAD_REQUEST');
    expect((await t.request('GET', '/api/analysis/supply-demand?orgUnit=350000&quarter=2026-Q4')).status).toBe(401);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('breaks demand down by industry section (GB/T 4754) and supply by seeker category, in 2027-Q1', async () => {
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const code = '91350203MA2Y3K1B9C';
    const employer = (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: code, name: '厦门示例软件有限公司' } })).body.id;
    // Software development (6511, section I) for 3, warehousing (5920, section G) for 2, one posting stating no industry for 1.
    for (const [industry, headcount] of [['6511', 3], ['5920', 2], [undefined, 1]] as const) {
      const vacancy = await open(t, caseworker, 'vacancy-posting', employer);
      const form = vacancyPostingForm(code, { headcount, validFrom: '2027-01-05', validUntil: '2027-03-20', ...(industry ? { industry } : {}) });
      await act(t, caseworker, vacancy.id, 'submit', form);
      await act(t, reviewer, vacancy.id, 'startReview', {});
      await act(t, reviewer, vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    }
    // Two new entrants and one person unemployed after a job.
    for (const [i, seekerCategory] of (['new-entrant', 'new-entrant', 'job-to-unemployed'] as const).entries()) {
      const person = await registerPerson(t, caseworker, citizenId('350203', `2003030${i + 1}`, `07${i}`), `求职者${i}`);
      await seek(caseworker, person, { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350203'], education: '20', seekerCategory, availableFrom: '2027-01-10', validUntil: '2027-06-30' });
    }
    // A job-seeking case left in draft was never registered: it records no profile and counts nowhere.
    await open(t, caseworker, 'job-seeking', await registerPerson(t, caseworker, citizenId('350203', '20030309', '079'), '未登记者'));
    const industry = await analysis(evaluator, 'orgUnit=350200&quarter=2027-Q1&by=industry');
    expect(industry.status, JSON.stringify(industry.body)).toBe(200);
    expect(industry.body.rows.map((r: { key: string; demand: number; label: { 'zh-CN': string } | null }) => [r.key, r.demand, r.label?.['zh-CN'] ?? null])).toEqual([
      ['G', 2, '交通运输、仓储和邮政业'],
      ['I', 3, '信息传输、软件和信息技术服务业'],
      ['unspecified', 1, '无要求或未登记'],
    ]);
    const categories = await analysis(evaluator, 'orgUnit=350200&quarter=2027-Q1&by=seekerCategory');
    expect(categories.body.rows.filter((r: { supply: number }) => r.supply > 0).map((r: { key: string; supply: number; label: { en: string } }) => [r.key, r.supply, r.label.en])).toEqual([
      ['new-entrant', 2, 'New entrant to the labour market (including fresh graduates)'],
      ['job-to-unemployed', 1, 'Unemployed after a job'],
      // S1b, S4 and S5 of the table above are still valid in 2027-Q1 and state no category.
      ['unspecified', 3, 'No requirement or not recorded'],
    ]);
  });
});
