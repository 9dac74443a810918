import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { publicPostings } from '../../runtime/postings/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { approveImport, uploadImport } from '../support/imports.ts';

const EMPLOYER = '91350100M000100Y43';
const UNKNOWN_EMPLOYER = '91350203MA2Y3K1B9C';
const VACANCIES = 'creditCode,validFrom,title,occupation,headcount,payMinFen,payMaxFen,payBasis,education,industry,workArea,employmentForm,validUntil,office';
const SEEKERS = 'idNumber,availableFrom,desiredOccupations,desiredAreas,expectedPayFen,education,seekerCategory,validUntil,office';

function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

const person = (n: number) => citizenId('350206', `1985050${n}`, `${800 + n}`);

describe.each(backends)('vacancies and job seekers imported as published postings and active registrations (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let admin: string;
  let office: string;
  let seekerId: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    [caseworker, reviewer, admin] = [await t.login('caseworker'), await t.login('reviewer'), await t.login('admin')];
    [{ office }] = (await queryRows<{ office: string }>(t.rt.db, sql`SELECT org_unit_id AS office FROM users WHERE username = 'caseworker'`)) as [{ office: string }];
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '厦门示例物流有限公司' } })).status).toBe(201);
    seekerId = await registerPerson(t, caseworker, person(1), '导入求职者');
    await registerPerson(t, caseworker, person(2), '导入求职者二');
    await registerPerson(t, caseworker, person(3), '导入求职者三');
  }, 180_000);
  afterAll(() => t?.close());

  const upload = (token: string, kind: string, fileName: string, bytes: Uint8Array) => uploadImport(t, token, kind, fileName, bytes);

  const approve = (id: string) => approveImport(t, reviewer, id);

  async function findings(id: string) {
    const { body } = await t.request('GET', `/api/imports/${id}/issues?pageSize=100`, { token: caseworker });
    return body.items as { rowNo: number; field: string; code: string; reason: { 'zh-CN': string; en: string } }[];
  }

  const market = async () => (await t.request('GET', '/api/analysis/supply-demand?orgUnit=350200&quarter=2026-Q4', { token: admin })).body.total as { demand: number; supply: number };
  const unchanged = ['cases', 'case_events', 'timers', 'tasks', 'employers', 'persons'];

  it('offers the two kinds the job-matching package declares, with the columns it declares', async () => {
    const { body } = await t.request('GET', '/api/imports/kinds', { token: caseworker });
    const vacancy = body.items.find((kind: { kind: string }) => kind.kind === 'publishedVacancy');
    expect(vacancy.fields.map((field: { id: string }) => field.id).join(',')).toBe(VACANCIES);
    expect(vacancy.fields.find((field: { id: string }) => field.id === 'validFrom').title['zh-CN']).toBe('有效期起始日');
    const seeker = body.items.find((kind: { kind: string }) => kind.kind === 'activeJobSeeker');
    expect(seeker.fields.map((field: { id: string }) => field.id).join(',')).toBe(SEEKERS);
  });

  it('reports bad vacancy rows by field and commits nothing of them; the good ones become published vacancies counted and matched as ones published here; the same file again changes nothing', async () => {
    const good = (title: string, headcount: number, industry = '') => `${EMPLOYER},2026-10-20,${title},4-02-06-03,${headcount},450000,600000,monthly,60,${industry},350206,full-time,2026-12-31,${office}`;
    const lines = [
      VACANCIES,
      good('仓库管理员', 2, '5920'),
      good('叉车司机', 3),
      `${UNKNOWN_EMPLOYER},2026-10-20,理货员,4-02-06-03,1,450000,600000,monthly,60,,350206,full-time,2026-12-31,${office}`,
      `${EMPLOYER},2026-10-20,理货员,9-99-99-99,1,450000,600000,monthly,60,,350206,full-time,2026-12-31,${office}`,
      `${EMPLOYER},2026-10-20,理货员,4-02-06-03,1,600000,450000,monthly,60,,350206,full-time,2026-12-31,${office}`,
      `${EMPLOYER},2026-10-20,,4-02-06-03,1,450000,600000,monthly,60,,350206,full-time,2026-12-31,${office}`,
      `${EMPLOYER},2026-10-20,理货员,4-02-06-03,1,450000,600000,monthly,doctor,,350206,full-time,2026-12-31,${office}`,
      `${EMPLOYER},2026-10-01,理货员,4-02-06-03,1,450000,600000,monthly,60,,350206,full-time,2026-10-30,${office}`,
      `${EMPLOYER},2026-10-20,理货员,4-02-06-03,1,450000,600000,monthly,60,9999,350206,full-time,2026-12-31,${office}`,
    ];
    const marketBefore = await market();
    const before = await tableCounts(t.rt);
    const dry = await upload(caseworker, 'publishedVacancy', 'vacancies.csv', csv(lines));
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({ totalRows: 9, errorRows: 7, commitTotal: 2 });
    const report = await findings(dry.body.id);
    expect(report.map((found) => `${found.rowNo}:${found.field}:${found.code}`)).toEqual([
      '4:creditCode:employer-unknown',
      '5:occupation:code-unknown',
      '6:payMaxFen:value-order',
      '7:title:required',
      '8:education:form-invalid',
      '9:validUntil:date-past',
      '10:industry:code-unknown',
    ]);
    expect(report[2]!.reason).toEqual({ 'zh-CN': '不能小于「薪酬下限（分）」', en: 'May not be below \u201cMinimum pay (fen)\u201d' });
    expect(report[4]!.reason['zh-CN']).toMatch(/\S/);
    const afterDryRun = await tableCounts(t.rt);
    for (const table of unchanged) expect(afterDryRun[table], table).toBe(before[table]);

    expect(await approve(dry.body.id)).toMatchObject({ status: 'committed', committedRows: 2, skippedRows: 0, failure: null });
    const imported = await queryRows<{ state: string; status: string; subject_type: string; data: Record<string, unknown>; timers: string | number; tasks: string | number }>(
      t.rt.db,
      sql`SELECT c.state, c.status, c.subject_type, c.data,
                 (SELECT count(*) FROM timers m WHERE m.city_code = c.city_code AND m.case_id = c.id) AS timers,
                 (SELECT count(*) FROM tasks k WHERE k.city_code = c.city_code AND k.case_id = c.id) AS tasks
          FROM cases c WHERE c.imported_from = ${dry.body.id}::uuid ORDER BY c.data->>'headcount'`,
    );
    expect(imported.map((c) => [c.state, c.status, c.subject_type, Number(c.timers), Number(c.tasks)])).toEqual([['published', 'active', 'employer', 1, 0], ['published', 'active', 'employer', 1, 0]]);
    expect(imported[0]!.data).toEqual({ employerCreditCode: EMPLOYER, validFrom: '2026-10-20', title: '仓库管理员', occupation: '4-02-06-03', headcount: 2, payMinFen: 450000, payMaxFen: 600000, payBasis: 'monthly', education: '60', industry: '5920', workArea: '350206', employmentForm: 'full-time', validUntil: '2026-12-31' });
    // Demand counts them as it counts a posting published here: 5 more in the quarter.
    expect((await market()).demand).toBe(marketBefore.demand + 5);
    // And the public job search lists them, found by a word of the title, in the import's transaction.
    const drivers = await publicPostings(t.rt).search({ q: '司机' });
    expect(drivers.items.map((item) => [item.title, item.employerName, item.validUntil])).toEqual([['叉车司机', '厦门示例物流有限公司', '2026-12-31']]);

    const counts = await tableCounts(t.rt);
    const again = await upload(reviewer, 'publishedVacancy', 'vacancies-again.csv', csv(lines));
    expect(again.body).toMatchObject({ id: dry.body.id, alreadyImported: true });
    const oneAgain = await upload(caseworker, 'publishedVacancy', 'vacancies-one.csv', csv([VACANCIES, good('仓库管理员', 2, '5920')]));
    expect(oneAgain.body).toMatchObject({ totalRows: 1, errorRows: 1, commitTotal: 0 });
    expect((await findings(oneAgain.body.id)).map((found) => found.code)).toEqual(['duplicate-in-database']);
    const after = await tableCounts(t.rt);
    for (const table of unchanged) expect(after[table], table).toBe(counts[table]);
  });

  it('imports active job seekers by the form\u2019s checks; an imported seeker is matched to the imported vacancies and counted in supply', async () => {
    const lines = [
      SEEKERS,
      `${person(1)},2026-10-25,4-02-06-03,350206,500000,60,other-unemployed,2027-03-31,${office}`,
      `${person(5)},2026-10-25,4-02-06-03,350206,500000,60,,2027-03-31,${office}`,
      `${person(2)},2026-10-25,4-02-06-03；9-99-99-99,350206,500000,60,,2027-03-31,${office}`,
      `${person(2)},2026-10-25,4-02-06-03,350206,,60,,2027-03-31,${office}`,
      `${person(3)},2026-10-25,4-02-06-03,350206,500000,60,,2026-10-01,${office}`,
    ];
    const marketBefore = await market();
    const before = await tableCounts(t.rt);
    const dry = await upload(caseworker, 'activeJobSeeker', 'seekers.csv', csv(lines));
    expect(dry.body).toMatchObject({ totalRows: 5, errorRows: 4, commitTotal: 1 });
    expect((await findings(dry.body.id)).map((found) => `${found.rowNo}:${found.field}:${found.code}`)).toEqual([
      '3:idNumber:person-unknown',
      '4:desiredOccupations:code-unknown',
      '5:expectedPayFen:required',
      '6:validUntil:value-order',
      '6:validUntil:date-past',
    ]);
    const afterDryRun = await tableCounts(t.rt);
    for (const table of unchanged) expect(afterDryRun[table], table).toBe(before[table]);
    expect(await approve(dry.body.id)).toMatchObject({ status: 'committed', committedRows: 1 });
    const [seeking] = await queryRows<{ state: string; data: Record<string, unknown> }>(t.rt.db, sql`SELECT state, data FROM cases WHERE imported_from = ${dry.body.id}::uuid`);
    expect(seeking).toMatchObject({ state: 'active', data: { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350206'], expectedPayFen: 500000, availableFrom: '2026-10-25' } });
    expect((await market()).supply).toBe(marketBefore.supply + 1);
    const matches = await t.request('GET', `/api/persons/${seekerId}/vacancy-matches`, { token: caseworker });
    expect(matches.status).toBe(200);
    expect(matches.body.items.map((m: { title: string; employerName: string }) => `${m.title}@${m.employerName}`).sort()).toEqual(['仓库管理员@厦门示例物流有限公司', '叉车司机@厦门示例物流有限公司']);
    // One registration in force per person: the same person again, on another date, is refused.
    const twice = await upload(caseworker, 'activeJobSeeker', 'seekers-2.csv', csv([SEEKERS, `${person(1)},2026-10-28,4-02-06-03,350206,500000,60,,2027-03-31,${office}`]));
    expect((await findings(twice.body.id)).map((found) => `${found.field}:${found.code}`)).toEqual(['idNumber:already-active']);
  });
});
