import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { approveImport, uploadImport } from '../support/imports.ts';

const PERSONS = '公民身份号码,姓名';
const LEGACY = 'idNumber,registeredOn,state,endedOn,endReason,office';
const RE_EMPLOYMENT = 'unemployment-re-employment-rate';

function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** Distinct ID numbers none of the demo's: born 1980-04-0n in 湖里区. */
const person = (n: number) => citizenId('350206', `1980040${n}`, `${700 + n}`);

describe.each(backends)('legacy registrations import (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let office: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    [caseworker, reviewer] = [await t.login('caseworker'), await t.login('reviewer')];
    [{ office }] = (await queryRows<{ office: string }>(t.rt.db, sql`SELECT org_unit_id AS office FROM users WHERE username = 'caseworker'`)) as [{ office: string }];
    // Persons 1 to 4 come in by a persons import, committed before the registrations.
    const persons = await upload(caseworker, 'persons', 'persons.csv', csv([PERSONS, ...[1, 2, 3, 4].map((n) => `${person(n)},历史${n}`)]));
    expect(persons.body.errorRows).toBe(0);
    await approve(persons.body.id);
    // Person 4 holds an unemployment registration in force in another city.
    const city = await t.addCity('3501');
    await t.rt.db.transaction(async (tx) => {
    await tx.execute(sql`CREATE TEMP TABLE elsewhere ON COMMIT DROP AS SELECT * FROM persons WHERE id_number_index = (SELECT id_number_index FROM persons WHERE import_id = ${persons.body.id}::uuid ORDER BY name DESC LIMIT 1)`);
    await tx.execute(sql`UPDATE elsewhere SET city_code = (SELECT city_code FROM org_units WHERE id = ${city}), id = gen_random_uuid(), org_unit_id = ${city}`);
    await tx.execute(sql`INSERT INTO persons SELECT * FROM elsewhere`);
    await tx.execute(sql`INSERT INTO nationwide_statuses (id_number_index, status_key, value, city_code) SELECT id_number_index, 'unemploymentStatus', 'registered', city_code FROM elsewhere`);
    });
  }, 180_000);
  afterAll(() => t?.close());

  const upload = (token: string, kind: string, fileName: string, bytes: Uint8Array) => uploadImport(t, token, kind, fileName, bytes);

  const approve = (id: string) => approveImport(t, reviewer, id);

  const reEmployment = async () => (await t.request('GET', `/api/indicators/${RE_EMPLOYMENT}?orgUnit=350200&from=2020-01-01&to=2026-12-31`, { token: await t.login('admin') })).body;

  it('offers a kind per legacy import a package declares, with its fields', async () => {
    const { body } = await t.request('GET', '/api/imports/kinds', { token: caseworker });
    const kinds = body.items.map((kind: { kind: string }) => kind.kind);
    expect(kinds).toEqual(expect.arrayContaining(['persons', 'employers', 'registeredUnemployed', 'employed']));
    const legacy = body.items.find((kind: { kind: string }) => kind.kind === 'registeredUnemployed');
    expect(legacy.title['zh-CN']).toBe('历史失业登记');
    expect(legacy.fields.map((field: { id: string }) => field.id)).toEqual(['idNumber', 'registeredOn', 'state', 'endedOn', 'endReason', 'office']);
  });

  it('reports bad rows with reasons, stages nothing of them; the good rows become imported cases with their states, dates and statuses; indicators do not move; the same file again changes nothing', async () => {
    const indicatorBefore = await reEmployment();
    const lines = [
      LEGACY,
      `${person(1)},2023-03-01,registered,,,${office}`,
      `${person(2)},2022-01-10,cancelled,2022-06-30,employed,${office}`,
      `${person(5)},2023-03-01,registered,,,${office}`,
      `${person(3)},2023-02-30,registered,,,${office}`,
      `${person(3)},2023-02-01,approved,,,${office}`,
      `${person(4)},2023-05-01,registered,,,${office}`,
      `${person(3)},2021-01-10,cancelled,2021-06-30,bogus,${office}`,
      `${person(3)},2021-01-10,cancelled,2020-06-30,employed,${office}`,
      `${person(3)},2021-01-10,registered,,,nowhere`,
    ];
    const before = await tableCounts(t.rt);
    const dry = await upload(caseworker, 'registeredUnemployed', 'legacy.csv', csv(lines));
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ totalRows: 9, errorRows: 7, commitTotal: 2 });
    const { body: report } = await t.request('GET', `/api/imports/${dry.body.id}/issues?pageSize=100`, { token: caseworker });
    const codes = report.items.map((found: { rowNo: number; field: string; code: string }) => `${found.rowNo}:${found.field}:${found.code}`);
    expect(codes).toEqual([
      '4:idNumber:person-unknown',
      '5:registeredOn:date-impossible',
      '6:state:state-not-allowed',
      '7:state:registered-elsewhere',
      '8:endReason:reason-unknown',
      '9:endedOn:date-order',
      '10:office:office-unknown',
    ]);
    expect(report.items[0].reason['zh-CN']).toContain('本市未登记该人员');
    expect(report.items[0].value).not.toContain(person(5));
    const afterDryRun = await tableCounts(t.rt);
    for (const table of ['cases', 'case_events', 'timers', 'tasks', 'nationwide_statuses', 'caseVersions']) expect(afterDryRun[table], table).toBe(before[table]);

    const done = await approve(dry.body.id);
    expect(done).toMatchObject({ status: 'committed', committedRows: 2, skippedRows: 0, failure: null });
    const imported = await queryRows<{ subject: string; state: string; status: string; created_at: Date; closed_at: Date | null; imported_from: string; version: number; data: Record<string, unknown> }>(
      t.rt.db,
      sql`SELECT p.name AS subject, c.state, c.status, c.created_at, c.closed_at, c.imported_from, c.version, c.data FROM cases c JOIN persons p ON p.city_code = c.city_code AND p.id = c.subject_id WHERE c.imported_from = ${dry.body.id}::uuid ORDER BY p.name`,
    );
    expect(imported.map((c) => [c.subject, c.state, c.status, c.version])).toEqual([['历史1', 'registered', 'active', 1], ['历史2', 'cancelled', 'final', 2]]);
    expect(new Date(imported[0]!.created_at).toISOString()).toBe('2023-02-28T16:00:00.000Z');
    expect(new Date(imported[1]!.closed_at!).toISOString()).toBe('2022-06-29T16:00:00.000Z');
    expect(imported[1]!.data).toMatchObject({ registeredOn: '2022-01-10', cancelledOn: '2022-06-30', cancellationReason: 'employed' });
    const records = await queryRows<{ from_state: string | null; to_state: string; event: string; imported_from: string | null; due_at: Date | null }>(
      t.rt.db,
      sql`SELECT e.from_state, e.to_state, e.event, e.imported_from, e.due_at FROM case_events e JOIN cases c ON c.city_code = e.city_code AND c.id = e.case_id WHERE c.imported_from = ${dry.body.id}::uuid ORDER BY e.left_at`,
    );
    expect(records.map((r) => [r.from_state, r.to_state, r.event, r.imported_from, r.due_at])).toEqual([
      [null, 'registered', 'import', dry.body.id, null],
      ['registered', 'cancelled', 'import', dry.body.id, null],
      [null, 'registered', 'import', dry.body.id, null],
    ]);
    // The registration in force sets the status (and takes it nationwide); the ended one sets none. No task, and no timer in the past.
    const statuses = await queryRows<{ name: string; statuses: Record<string, string>; nationwide: string | null }>(
      t.rt.db,
      sql`SELECT p.name, p.statuses, (SELECT n.value FROM nationwide_statuses n WHERE n.id_number_index = p.id_number_index AND n.status_key = 'unemploymentStatus') AS nationwide
          FROM persons p WHERE p.name IN ('历史1', '历史2') ORDER BY p.name`,
    );
    expect(statuses.map((p) => [p.name, p.statuses['unemploymentStatus'] ?? null, p.nationwide])).toEqual([['历史1', 'registered', 'registered'], ['历史2', null, null]]);
    const work = await queryRows<{ tasks: string | number; past: string | number; timers: string | number }>(
      t.rt.db,
      sql`SELECT (SELECT count(*) FROM tasks k JOIN cases c ON c.city_code = k.city_code AND c.id = k.case_id WHERE c.imported_from = ${dry.body.id}::uuid) AS tasks,
                 (SELECT count(*) FROM timers m JOIN cases c ON c.city_code = m.city_code AND c.id = m.case_id WHERE c.imported_from = ${dry.body.id}::uuid AND m.fire_at <= now()) AS past,
                 (SELECT count(*) FROM timers m JOIN cases c ON c.city_code = m.city_code AND c.id = m.case_id WHERE c.imported_from = ${dry.body.id}::uuid) AS timers`,
    );
    expect([Number(work[0]!.tasks), Number(work[0]!.past), Number(work[0]!.timers)]).toEqual([0, 0, 1]);
    expect(await reEmployment()).toEqual(indicatorBefore);

    const counts = await tableCounts(t.rt);
    const again = await upload(reviewer, 'registeredUnemployed', 'legacy-again.csv', csv(lines));
    expect(again.body).toMatchObject({ id: dry.body.id, alreadyImported: true });
    expect(await tableCounts(t.rt)).toEqual(counts);
  });

  it('refuses, in a new file, a registration already imported and one in force while another is', async () => {
    const dry = await upload(caseworker, 'registeredUnemployed', 'legacy-2.csv', csv([LEGACY, `${person(2)},2022-01-10,cancelled,2022-06-30,employed,${office}`, `${person(1)},2024-01-05,registered,,,${office}`]));
    expect(dry.body).toMatchObject({ totalRows: 2, errorRows: 2, commitTotal: 0 });
    const { body: report } = await t.request('GET', `/api/imports/${dry.body.id}/issues`, { token: caseworker });
    expect(report.items.map((found: { rowNo: number; code: string }) => `${found.rowNo}:${found.code}`)).toEqual(['2:duplicate-in-database', '3:already-active']);
  });

  it('imports employment registrations by the package\u2019s own declaration', async () => {
    const dry = await upload(caseworker, 'employed', 'employment.csv', csv([LEGACY, `${person(3)},2019-07-01,terminated,2021-12-31,resigned,${office}`, `${person(3)},2022-03-01,employed,,,${office}`, `${person(2)},2022-03-01,cancelled,2022-05-01,employed,${office}`]));
    expect(dry.body).toMatchObject({ totalRows: 3, errorRows: 1, commitTotal: 2 });
    const done = await approve(dry.body.id);
    expect(done).toMatchObject({ status: 'committed', committedRows: 2 });
    const [p3] = await queryRows<{ statuses: Record<string, string> }>(t.rt.db, sql`SELECT statuses FROM persons WHERE name = '历史3'`);
    expect(p3!.statuses['employmentStatus']).toBe('employed');
  });
});
