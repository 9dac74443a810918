import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { citizenId, tableCounts, withWrongCheck } from '../support/fixtures.ts';
import { uploadImport } from '../support/imports.ts';

const HEADER = '公民身份号码,姓名,手机号码,户籍地区划代码,居住地区划代码,联系地址';

/** A valid person row for the n-th person of a generated file (distinct ID numbers, none of the demo's). */
function personLine(n: number): string {
  const birth = `${1971 + Math.floor(n / 900)}0${1 + (Math.floor(n / 300) % 3)}15`;
  return `${citizenId('350206', birth, String(100 + (n % 300)).padStart(3, '0'))},人员${n},1390000${String(n).padStart(4, '0')},350206,350206001,厦门市湖里区${n}号`;
}

/** A valid credit code with an organisation code of eight characters (both checks right). */
function creditCode(organisation: string): string {
  const first17 = `91350200${organisation}${organizationCodeCheckCharacter(organisation)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** Row counts of the import tables, beside `tableCounts` of every other table. */
async function importCounts(t: TestRuntime) {
  const [row] = await queryRows<Record<string, string | number>>(
    t.rt.db,
    sql`SELECT (SELECT count(*) FROM import_jobs) AS jobs, (SELECT count(*) FROM import_rows) AS staged, (SELECT count(*) FROM import_issues) AS issues, (SELECT count(*) FROM import_templates) AS templates`,
  );
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
}

describe.each(backends)('bulk import (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend, { config: { importLimitBytes: 1_000_000 } });
    [caseworker, reviewer, supervisor] = [await t.login('caseworker'), await t.login('reviewer'), await t.login('supervisor')];
  }, 120_000);
  afterAll(() => t?.close());

  const upload = (token: string, kind: string, fileName: string, bytes: Uint8Array, templateId?: string) => uploadImport(t, token, kind, fileName, bytes, templateId);

  async function issues(token: string, id: string) {
    const response = await t.request('GET', `/api/imports/${id}/issues?pageSize=1000`, { token });
    expect(response.status).toBe(200);
    return response.body.items as { rowNo: number; field: string; severity: string; code: string; value: string | null; reason: { 'zh-CN': string; en: string } }[];
  }

  /** Polls an import until its commit ends or stops with a failure. */
  async function settled(id: string) {
    for (let i = 0; i < 600; i++) {
      const { body } = await t.request('GET', `/api/imports/${id}`, { token: reviewer });
      if (body.status === 'committed' || body.failure !== null) return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the commit did not end');
  }

  it('reports a wrong header, and writes nothing', async () => {
    const before = { ...(await tableCounts(t.rt)), ...(await importCounts(t)) };
    const response = await upload(caseworker, 'persons', 'wrong-header.csv', csv(['身份证,姓名,手机号码', personLine(1)]));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_HEADER_INVALID');
    expect(response.body.details.missing.map((m: { field: string }) => m.field)).toEqual(['idNumber']);
    expect(response.body.details.unknown).toEqual([{ column: 1, header: '身份证' }]);
    expect({ ...(await tableCounts(t.rt)), ...(await importCounts(t)) }).toEqual(before);
  });

  it('refuses garbage bytes and a file over the limit, and writes nothing', async () => {
    const before = { ...(await tableCounts(t.rt)), ...(await importCounts(t)) };
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const refused = await upload(caseworker, 'persons', 'garbage.csv', garbage);
    expect([refused.status, refused.body.code]).toEqual([422, 'IMPORT_FILE_INVALID']);
    const fakeXlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...garbage.slice(0, 200)]);
    const broken = await upload(caseworker, 'persons', 'broken.xlsx', fakeXlsx);
    expect([broken.status, broken.body.code]).toEqual([422, 'IMPORT_FILE_INVALID']);
    const big = await upload(caseworker, 'persons', 'big.csv', csv([HEADER, ...Array.from({ length: 14_000 }, (_, n) => personLine(n))]));
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect({ ...(await tableCounts(t.rt)), ...(await importCounts(t)) }).toEqual(before);
  });

  it('reports every bad row and field with a bilingual reason, masks personal values, seals the staging and commits nothing', async () => {
    const registered = citizenId('350203', '19850610', '031');
    expect((await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: registered, name: '已登记' } })).status).toBe(201);
    const before = await tableCounts(t.rt);
    const good = personLine(1);
    const lines = [
      HEADER,
      good, // row 2
      `${citizenId('350206', '19750101', '011')},王五,,999999,,`, // 3: unknown division code (a warning)
      `${citizenId('350206', '20230230', '011').slice(0, 17)}X,赵六,,,,`, // 4: birth date 2023-02-30
      good, // 5: repeats row 2
      `${citizenId('350206', '19750101', '013')},=HYPERLINK("http://x"),,,,`, // 6: a formula
      `${citizenId('350206', '19750101', '015')},孙\u0001七,,,,`, // 7: garbage
      `${withWrongCheck(citizenId('350206', '19750101', '017'))},周八,,,,`, // 8: check digit
      `${registered},已登记,,,,`, // 9: already in the city
      `${citizenId('350206', '19750101', '019')},吴九,123,,,@SUM(A1)`, // 10: bad phone, formula address
    ];
    const response = await upload(caseworker, 'persons', 'persons.csv', csv(lines));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'validated', totalRows: 9, acceptedRows: 1, warningRows: 1, errorRows: 7, commitTotal: 2, alreadyImported: false });
    const found = await issues(caseworker, response.body.id);
    expect(found.map((i) => [i.rowNo, i.field, i.severity, i.code])).toEqual([
      [3, 'hukouArea', 'warning', 'area-unknown'],
      [4, 'idNumber', 'error', 'id-birth-date'],
      [5, 'idNumber', 'error', 'duplicate-in-file'],
      [6, 'name', 'error', 'formula'],
      [7, 'name', 'error', 'garbage'],
      [8, 'idNumber', 'error', 'id-checksum'],
      [9, 'idNumber', 'error', 'duplicate-in-database'],
      [10, 'phone', 'error', 'phone-format'],
      [10, 'address', 'error', 'formula'],
    ]);
    expect(found.find((i) => i.rowNo === 5)!.reason).toEqual({ 'zh-CN': '与文件中前面第 2 行重复', en: 'Repeats row 2 of the file' });
    expect(found.find((i) => i.rowNo === 9)!.value).toBe(`${registered.slice(0, 6)}***********${registered[17]}`);
    expect(found.find((i) => i.rowNo === 7)!.value).toBe('孙**');
    // Nothing is committed by a dry run; the staged rows hold no ID number or phone in clear text.
    expect(await tableCounts(t.rt)).toMatchObject({ persons: before['persons'] });
    const staged = await queryRows<{ values: unknown }>(t.rt.db, sql`SELECT "values" FROM import_rows WHERE job_id = ${response.body.id}`);
    expect(staged).toHaveLength(2);
    const text = JSON.stringify(staged);
    expect(text).not.toContain(good.split(',')[0]);
    expect(text).not.toContain('13900000001');
    // The report as XLSX: one line per finding, every text cell formula-safe.
    const report = await t.app.request(`/api/imports/${response.body.id}/report`, { headers: { Authorization: `Bearer ${caseworker}` } }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await report.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号 Row', '字段 Field', '值（已遮蔽） Value (masked)', '级别 Severity', '原因 Reason']);
    const reported = Array.from({ length: found.length }, (_, i) => sheet.getRow(i + 2));
    expect(reported.map((row) => row.getCell(1).value)).toEqual(found.map((i) => i.rowNo));
    expect(reported[3]!.getCell(5).value).toBe(`${found[3]!.reason['zh-CN']} / ${found[3]!.reason.en}`);
    sheet.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)).toBe(false)));
  });

  it('reads XLSX: a formula cell, an ID number stored as a number; employers with an impossible and a future date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow(['统一社会信用代码', '单位名称', '法定代表人身份号码', '成立日期']);
    sheet.addRow(['91350100M000100Y43', '厦门甲公司', citizenId('350203', '19700101', '011'), new Date(Date.UTC(2010, 4, 1))]);
    sheet.addRow(['91350203MA2Y3K1B9C', { formula: 'CONCAT("乙","公司")', result: '乙公司' }, '', '2015-01-01']);
    sheet.addRow([creditCode('MA34YBHH'), '厦门丙公司', Number(citizenId('350203', '19700101', '031').slice(0, 17)), '2023-02-30']);
    const valid = creditCode('MA34YBHJ');
    sheet.addRow([`${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`, '厦门丁公司', '', '2099-01-01']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await upload(caseworker, 'employers', 'employers.xlsx', bytes);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ fileType: 'xlsx', totalRows: 4, errorRows: 3, commitTotal: 1 });
    expect((await issues(caseworker, response.body.id)).map((i) => [i.rowNo, i.field, i.code])).toEqual([
      [3, 'name', 'formula'],
      [4, 'legalRepIdNumber', 'id-as-number'],
      [4, 'establishedOn', 'date-impossible'],
      [5, 'creditCode', 'credit-checksum'],
      [5, 'establishedOn', 'date-future'],
    ]);
    // The one good employer is committed with its legal representative's ID number sealed, marked with the import.
    expect((await t.request('POST', `/api/imports/${response.body.id}/approve`, { token: reviewer })).status).toBe(202);
    expect(await settled(response.body.id)).toMatchObject({ status: 'committed', committedRows: 1 });
    const [employer] = await queryRows<{ name: string; sealed: boolean; established_on: unknown }>(
      t.rt.db,
      sql`SELECT name, legal_rep_id_number LIKE 'sm4ctr:%' AS sealed, established_on::text AS established_on FROM employers WHERE import_id = ${response.body.id}`,
    );
    expect(employer).toEqual({ name: '厦门甲公司', sealed: true, established_on: '2010-05-01' });
    expect(await importCounts(t)).toMatchObject({ staged: 2 }); // only the persons dry run above is staged
  });

  it('maps headers by a saved template', async () => {
    const saved = await t.request('PUT', '/api/import-templates', { token: caseworker, body: { kind: 'persons', name: '社保导出', mapping: { idNumber: '证件号码', name: '人员姓名' } } });
    expect(saved.status).toBe(200);
    const response = await upload(caseworker, 'persons', 'mapped.csv', csv(['证件号码,人员姓名', `${citizenId('350206', '19760101', '011')},郑十`]), saved.body.id);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ acceptedRows: 1, templateId: saved.body.id, mapping: { idNumber: '证件号码', name: '人员姓名' } });
    await t.request('POST', `/api/imports/${response.body.id}/discard`, { token: caseworker });
  });

  it('lets a reviewer other than the uploader approve; commits in batches; the same file again changes nothing', async () => {
    const file = csv([HEADER, ...Array.from({ length: 30 }, (_, n) => personLine(2000 + n))]);
    const uploaded = await upload(reviewer, 'persons', 'reviewed.csv', file);
    expect(uploaded.status).toBe(201);
    const before = await tableCounts(t.rt);
    const own = await t.request('POST', `/api/imports/${uploaded.body.id}/approve`, { token: reviewer });
    expect([own.status, own.body.code]).toEqual([403, 'MAKER_CHECKER_VIOLATION']);
    const byCaseworker = await t.request('POST', `/api/imports/${uploaded.body.id}/approve`, { token: caseworker });
    expect(byCaseworker.status).toBe(403);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await t.request('GET', `/api/imports/${uploaded.body.id}`, { token: reviewer })).body.status).toBe('validated');

    const approved = await t.request('POST', `/api/imports/${uploaded.body.id}/approve`, { token: supervisor });
    expect(approved.status).toBe(202);
    const done = await settled(uploaded.body.id);
    expect(done).toMatchObject({ status: 'committed', committedRows: 30, skippedRows: 0, failure: null, uploadedBy: { name: '综合审核员' }, approvedBy: { name: '业务科长' } });
    const [imported] = await queryRows<{ n: string | number; sealed: string | number }>(t.rt.db, sql`SELECT count(*) AS n, count(*) FILTER (WHERE id_number LIKE 'sm4ctr:%' AND id_number_index IS NOT NULL AND name_initials = 'ry') AS sealed FROM persons WHERE import_id = ${uploaded.body.id}`);
    expect([Number(imported!.n), Number(imported!.sealed)]).toEqual([30, 30]);
    expect((await importCounts(t)).staged).toBe(0 + 2); // the first dry run's two rows wait still; this import's are purged
    const audited = await queryRows<{ action: string }>(t.rt.db, sql`SELECT action FROM audit_log WHERE target = ${uploaded.body.id} ORDER BY id`);
    expect(audited.map((row) => row.action)).toEqual(['import.upload', 'import.approve', 'import.persons.created', 'import.committed']);

    const after = { ...(await tableCounts(t.rt)), ...(await importCounts(t)) };
    const again = await upload(caseworker, 'persons', 'reviewed-copy.csv', file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: uploaded.body.id, status: 'committed', alreadyImported: true });
    expect({ ...(await tableCounts(t.rt)), ...(await importCounts(t)) }).toEqual(after);
    const again2 = await t.request('POST', `/api/imports/${uploaded.body.id}/approve`, { token: supervisor });
    expect([again2.status, again2.body.code]).toEqual([409, 'IMPORT_NOT_PENDING']);
    const history = await t.request('GET', '/api/imports?kind=persons', { token: caseworker });
    expect(history.body.items[0]).toMatchObject({ id: uploaded.body.id, committedRows: 30 });
  });

  it('keeps the committed batches when one fails, never half a batch, and resumes after them', async () => {
    const rows = 2_500;
    const uploaded = await upload(caseworker, 'persons', 'resumable.csv', csv([HEADER, ...Array.from({ length: rows }, (_, n) => personLine(3000 + n))]));
    expect(uploaded.body).toMatchObject({ totalRows: rows, commitTotal: rows });
    const id = uploaded.body.id as string;
    // A staged row of the second batch that the database refuses (a day that does not exist).
    await t.rt.db.execute(sql`UPDATE import_rows SET "values" = jsonb_set("values", '{birthDate}', '"2023-02-30"') WHERE job_id = ${id} AND row_no = 1502`);
    const before = (await tableCounts(t.rt))['persons']!;
    await t.request('POST', `/api/imports/${id}/approve`, { token: reviewer });
    const stopped = await settled(id);
    expect(stopped).toMatchObject({ status: 'approved', committedRows: 1000, failure: 'INTERNAL_ERROR' });
    expect((await tableCounts(t.rt))['persons']).toBe(before + 1000);
    await t.rt.db.execute(sql`UPDATE import_rows SET "values" = jsonb_set("values", '{birthDate}', '"1972-01-15"') WHERE job_id = ${id} AND row_no = 1502`);
    const resumed = await t.request('POST', `/api/imports/${id}/commit`, { token: reviewer });
    expect(resumed.status).toBe(202);
    expect(await settled(id)).toMatchObject({ status: 'committed', committedRows: rows, failure: null });
    expect((await tableCounts(t.rt))['persons']).toBe(before + rows);
  }, 120_000);
});
