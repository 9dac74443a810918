import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EXPORT_HEADER } from '../../runtime/cases/index.ts';
import { readConfig } from '../../runtime/config.ts';
import { accessLog } from '../../runtime/db/schema/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';

interface Found {
  items: { id: string; caseNo: string; processId: string; state: string; channel: string; subject: { name: string; identifier: string } }[];
  total: number;
}

describe.each(backends)('searching and exporting cases (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let admin: string;
  let huli: string;
  const zhangSan = citizenId('350203', '19880516', '031');
  const liSi = citizenId('350211', '19920808', '013');
  const wangWu = citizenId('350206', '19850101', '011');
  const ids: Record<string, string> = {};
  const caseOf: Record<string, { id: string; caseNo: string }> = {};

  const search = async (query: string, token = caseworker) => {
    const response = await t.request('GET', `/api/cases?${query}`, { token });
    expect(response.status).toBe(200);
    return response.body as Found;
  };
  const subjects = async (query: string, token = caseworker) => (await search(query, token)).items.map((c) => c.subject.name).sort();
  const exportLogCount = async () => (await t.rt.db.select({ id: accessLog.id }).from(accessLog).where(eq(accessLog.action, 'cases.export'))).length;
  const download = async (query: string, token: string) => {
    const response = await t.app.request(`/api/cases/export?${query}`, { headers: { Authorization: `Bearer ${token}` } }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    return { status: response.status, type: response.headers.get('Content-Type'), bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const csvLines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: 'unemployment-window' }]);
    for (const [key, idNumber, name, username] of [
      ['zs', zhangSan, '张三', 'caseworker'],
      ['ls', liSi, '李四', 'caseworker'],
      ['ww', wangWu, '王五', 'huli-caseworker'],
    ] as const) {
      const token = await t.login(username);
      const person = await t.request('POST', '/api/persons', { token, body: { idNumber, name } });
      expect(person.status).toBe(201);
      ids[key] = person.body.id;
      const opened = await t.request('POST', '/api/cases', { token, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
      expect(opened.status).toBe(201);
      caseOf[key] = { id: opened.body.id, caseNo: opened.body.caseNo };
      t.clock.advanceDays(2);
    }
    // Days later (sessions are signed in afresh: an idle one has expired).
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    admin = await t.login('admin');
    huli = await t.login('huli-caseworker');
    // 李四's registration is sent for review; 张三's stays a draft.
    const submitted = await t.request('POST', `/api/cases/${caseOf['ls']!.id}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });
  afterAll(() => t.close());

  it('finds a case by its case number, whole or its start, in either case', async () => {
    const { caseNo } = caseOf['zs']!;
    expect((await search(`q=${caseNo}`)).items.map((c) => c.id)).toEqual([caseOf['zs']!.id]);
    expect((await search(`q=${caseNo.slice(0, -1).toLowerCase()}`)).items.map((c) => c.id)).toContain(caseOf['zs']!.id);
  });

  it('finds cases by exact ID number (never part of it), by the start of the name and by pinyin initials', async () => {
    expect(await subjects(`q=${zhangSan}`)).toEqual(['张三']);
    expect(await subjects(`q=${zhangSan.slice(0, 14)}`)).toEqual([]);
    expect(await subjects(`q=${encodeURIComponent('李')}`)).toEqual(['李四']);
    expect(await subjects('q=zs')).toEqual(['张三']);
    expect(await subjects('q=LS')).toEqual(['李四']);
  });

  it('never finds a case out of the user’s subtree, by any key', async () => {
    for (const q of [wangWu, encodeURIComponent('王五'), 'ww', caseOf['ww']!.caseNo]) expect((await search(`q=${q}`)).total).toBe(0);
    expect((await search(`q=${caseOf['ww']!.caseNo}`, huli)).total).toBe(1);
    expect((await search(`q=${zhangSan}`, huli)).total).toBe(0);
  });

  it('filters by process, state, status, office, channel and the day a case was opened', async () => {
    const mine = [caseOf['zs']!.id, caseOf['ls']!.id].sort();
    const only = async (query: string) => (await search(`${query}&pageSize=100`)).items.map((c) => c.id).filter((id) => mine.includes(id)).sort();
    expect(await only('processId=unemployment-registration')).toEqual(mine);
    expect(await only('processId=unemployment-benefit')).toEqual([]);
    expect(await only('state=draft')).toEqual([caseOf['zs']!.id]);
    expect(await only('status=final')).toEqual([]);
    expect(await only(`orgUnitId=${officeId('350203')}`)).toEqual(mine);
    expect(await only(`orgUnitId=${officeId('350206')}`)).toEqual([]);
    // 张三's case opened on 2 Nov (China time), 李四's two days later.
    expect(await only('from=2026-11-02&to=2026-11-02')).toEqual([caseOf['zs']!.id]);
    expect(await only('from=2026-11-03')).toEqual([caseOf['ls']!.id]);
    expect(await only('channel=window')).toEqual(mine);
    expect(await only('channel=coordination')).toEqual([]);
    await t.rt.db.execute(sql`UPDATE cases SET created_by = NULL WHERE id = ${caseOf['ls']!.id}`);
    expect(await only('channel=coordination')).toEqual([caseOf['ls']!.id]);
    expect((await search(`q=${liSi}`)).items[0]!.channel).toBe('coordination');
    await t.rt.db.execute(sql`UPDATE cases SET created_by = (SELECT id FROM users WHERE username = 'caseworker') WHERE id = ${caseOf['ls']!.id}`);
  });

  it('lists the units the user’s work reaches for the office picker, never one beyond it', async () => {
    const units = async (query: string, token = caseworker) => {
      const response = await t.request('GET', `/api/org/units${query}`, { token });
      expect(response.status).toBe(200);
      return (response.body as { items: { id: string; name: string; kind: string; hasChildren: boolean }[] }).items;
    };
    // A district office's caseworker reaches the district the office serves, its office listed first below it.
    const [top, ...others] = await units('');
    expect(others).toEqual([]);
    expect(top).toMatchObject({ id: '350203', hasChildren: true });
    const below = await units('?parent=350203');
    expect(below[0]).toMatchObject({ id: officeId('350203'), kind: 'office' });
    expect(below.every((unit) => unit.id.startsWith('350203'))).toBe(true);
    expect((await units(`?q=${officeId('350203')}`))[0]!.id).toBe(officeId('350203'));
    // Another district's units are neither found nor listed.
    expect(await units(`?q=${officeId('350206')}`)).toEqual([]);
    expect(await units('?parent=350206')).toEqual([]);
    expect((await units(`?q=${officeId('350203')}`, huli))).toEqual([]);
    // The text searched is text: a wildcard matches only itself; too long a text is refused.
    expect(await units('?q=%25')).toEqual([]);
    expect(await units('?q=_')).toEqual([]);
    const tooLong = await t.request('GET', `/api/org/units?q=${'思'.repeat(41)}`, { token: caseworker });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'BAD_REQUEST']);
    // Not a route for who does not read cases.
    expect((await t.request('GET', '/api/org/units', { token: await t.login('evaluator') })).status).toBe(403);
  });

  it('sorts by case number either way and pages without overlap', async () => {
    const asc = (await search('sort=caseNo&order=asc&pageSize=100')).items.map((c) => c.caseNo);
    expect(asc).toEqual([...asc].sort());
    const desc = (await search('sort=caseNo&order=desc&pageSize=100')).items.map((c) => c.caseNo);
    expect(desc).toEqual([...asc].reverse());
    const first = await search('sort=caseNo&order=asc&pageSize=1&page=1');
    const second = await search('sort=caseNo&order=asc&pageSize=1&page=2');
    expect([first.items[0]!.caseNo, second.items[0]!.caseNo]).toEqual(asc.slice(0, 2));
    expect(first.total).toBe(asc.length);
  });

  it('refuses a malformed filter with 400 and writes nothing to the access log', async () => {
    const before = await exportLogCount();
    for (const query of ['from=2026-13-45', 'sort=name', 'channel=fax', 'order=up']) {
      const response = await t.request('GET', `/api/cases/export?${query}`, { token: caseworker });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_REQUEST');
      expect((await t.request('GET', `/api/cases?${query}`, { token: caseworker })).status).toBe(400);
    }
    expect(await exportLogCount()).toBe(before);
  });

  it('exports what the search finds as CSV, ID numbers in full for the caseworker, and records who exported whose records', async () => {
    const before = await exportLogCount();
    const file = await download('processId=unemployment-registration&sort=caseNo&order=asc', caseworker);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const [header, ...lines] = csvLines(file.bytes);
    expect(header).toBe(CASE_EXPORT_HEADER.join(','));
    const zhang = lines.find((line) => line.startsWith(caseOf['zs']!.caseNo))!;
    expect(zhang.split(',').slice(4, 8)).toEqual(['张三', zhangSan, expect.any(String), '窗口 Window']);
    expect(lines.some((line) => line.includes('王五'))).toBe(false);
    expect(await exportLogCount()).toBe(before + 1);
    const [entry] = await t.rt.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'cases.export'), eq(accessLog.actorName, '综合窗口经办员')))
      .orderBy(sql`${accessLog.id} DESC`)
      .limit(1);
    expect(entry!.details).toMatchObject({ format: 'csv', full: true, count: lines.length, processId: 'unemployment-registration' });
    expect(entry!.details['persons']).toEqual(expect.arrayContaining([ids['zs'], ids['ls']]));
    expect(JSON.stringify(entry!.details)).not.toContain(zhangSan);
  });

  it('masks ID numbers in an export by a user who does not handle the persons (the city administrator)', async () => {
    const file = await download(`q=${zhangSan}`, admin);
    expect(file.status).toBe(200);
    const [, line] = csvLines(file.bytes);
    expect(line).toContain('张三');
    expect(line).not.toContain(zhangSan);
    expect(line).toContain(`350203***********${zhangSan[17]}`);
    const [entry] = await t.rt.db.select().from(accessLog).where(and(eq(accessLog.action, 'cases.export'), eq(accessLog.actorRole, 'admin'))).limit(1);
    expect(entry!.details).toMatchObject({ full: false, count: 1, persons: [ids['zs']] });
  });

  it('refuses an export of more cases than its limit, with the code and both numbers, and writes nothing to the access log', async () => {
    // The ministry's ceiling holds by default, and no setting raises it.
    expect(t.rt.config.caseExportLimit).toBe(5000);
    expect(() => readConfig({ CASE_EXPORT_LIMIT: '5001' })).toThrow(/CASE_EXPORT_LIMIT/);
    expect(() => readConfig({ CASE_EXPORT_LIMIT: '0' })).toThrow(/CASE_EXPORT_LIMIT/);
    expect(readConfig({ CASE_EXPORT_LIMIT: '200' }).caseExportLimit).toBe(200);
    const query = 'processId=unemployment-registration';
    const found = (await search(query)).total;
    expect(found).toBeGreaterThanOrEqual(2);
    const before = await exportLogCount();
    // A city's lower limit, set on the running context: one case fewer than the search finds is refused, as 5,000 would be.
    try {
      t.rt.config.caseExportLimit = found - 1;
      const refused = await t.request('GET', `/api/cases/export?${query}&format=xlsx`, { token: caseworker });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('BAD_REQUEST');
      expect(refused.body.details).toEqual({ found, limit: found - 1 });
      expect(refused.body.message.zh).toContain('超过单次导出上限');
      expect(await exportLogCount()).toBe(before);
      // Exactly the limit is exported.
      t.rt.config.caseExportLimit = found;
      const file = await download(query, caseworker);
      expect(file.status).toBe(200);
      expect(csvLines(file.bytes)).toHaveLength(found + 1);
      expect(await exportLogCount()).toBe(before + 1);
    } finally {
      t.rt.config.caseExportLimit = 5000;
    }
  });

  it('exports XLSX with the same rows', async () => {
    const file = await download(`q=${liSi}&format=xlsx`, reviewer);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(1).value).toBe(CASE_EXPORT_HEADER[0]);
    expect(sheet.getRow(2).getCell(1).value).toBe(caseOf['ls']!.caseNo);
    expect(sheet.getRow(2).getCell(6).value).toBe(liSi);
  });
});
