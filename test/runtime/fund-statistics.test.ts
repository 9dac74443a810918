import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { FUND_STATISTICS_HEADER, RECONCILIATION_HEADER } from '../../runtime/ledger/index.ts';
import { insertDemoUsers, officeId, windowPosts } from '../../runtime/seed/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId } from '../support/fixtures.ts';
import { open, registerPerson } from '../support/steps.ts';

const FIGURES = ['approvedFen', 'approvedPersons', 'approvedItems', 'paidFen', 'paidPersons', 'failedFen', 'failedPersons', 'pendingFen', 'pendingPersons', 'returnedFen', 'returnedPersons', 'returnedPayments'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;
interface Row extends Figures {
  cityCode: string;
  orgUnitId: string | null;
  fund: string;
  item: string;
  month: string;
}

const XIAMEN = '350200';
const FUZHOU = '350100';
const SKILL = 'skill-certificate:skill-level:4-03-02-01';
/** An item whose name a spreadsheet would take for a formula. */
const FORMULA_ITEM = '=2+3';

/** What a selection of rows adds up to, figure by figure. */
function sumOf(rows: readonly Figures[]): Figures {
  return Object.fromEntries(FIGURES.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)])) as Figures;
}

/**
 * 经费统计 (issue 14): the statistics are the ledger summed, to the fen. Items approved through
 * cases of two org units of 厦门 and one of 福州, a batch paid with one line failed by the bank,
 * the failed payment paid again; each time the rows are checked one by one and their sums against
 * the ledger and payments tables summed here with plain SQL.
 */
describe.each(backends)('fund statistics (%s)', (backend) => {
  let t: TestRuntime;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const idNumbers = { huang: citizenId('350203', '19800315', '057'), lin: citizenId('350206', '19850612', '071'), chen: citizenId('350211', '19900203', '082') };
  const cases: Record<string, string> = {};
  const paymentOf: Record<string, string> = {};

  /** An approved item as the case step writes it (sealed ID number, blind index), on a real case, approved at `at`. */
  async function approvedItem(o: { city: string; personId: string; idNumber: string; name: string; item: string; period: string; fund: string; amountFen: number; caseId: string; at: string; by: [string, string] }) {
    const id = randomUUID();
    await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
      VALUES (${o.city}, ${id}, ${o.personId}, ${t.rt.cipher.encrypt(o.idNumber)}, ${t.rt.cipher.index(o.idNumber)}, ${o.name}, 'test-subsidy', ${o.item}, ${o.period}, ${o.fund}, ${o.amountFen}, ${o.caseId}, ${o.by[0]}, ${o.by[1]}, ${o.at})`);
    return id;
  }

  async function statistics(query: string, token = tokens['evaluator']!) {
    const response = await t.request('GET', `/api/ledger/fund-statistics?${query}`, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { rows: Row[]; totals: Figures; unit: { id: string; name: string } };
  }

  /** The same figures from the ledger itself: items, payments and failures of the cities, summed here. */
  async function ledgerFigures(cities: readonly string[]): Promise<Figures> {
    const list = sql.join(cities.map((c) => sql`${c}`), sql`, `);
    const paid = sql`EXISTS (SELECT 1 FROM payments p WHERE p.city_code = i.city_code AND p.item_id = i.id AND p.status IN ('paid', 'reconciled'))`;
    const failed = sql`EXISTS (SELECT 1 FROM payments p WHERE p.city_code = i.city_code AND p.item_id = i.id AND p.status = 'failed')`;
    const [items] = await queryRows<Record<string, string | number | null>>(
      t.rt.db,
      sql`SELECT sum(amount_fen) AS approved_fen, count(DISTINCT id_number_index) AS approved_persons, count(*) AS approved_items,
                 sum(amount_fen) FILTER (WHERE NOT ${paid} AND ${failed}) AS failed_fen, count(DISTINCT id_number_index) FILTER (WHERE NOT ${paid} AND ${failed}) AS failed_persons,
                 sum(amount_fen) FILTER (WHERE NOT ${paid} AND NOT ${failed}) AS pending_fen, count(DISTINCT id_number_index) FILTER (WHERE NOT ${paid} AND NOT ${failed}) AS pending_persons
          FROM ledger_items i WHERE city_code IN (${list})`,
    );
    const [payments] = await queryRows<Record<string, string | number | null>>(
      t.rt.db,
      sql`SELECT sum(amount_fen) FILTER (WHERE status IN ('paid', 'reconciled')) AS paid_fen, count(DISTINCT id_number_index) FILTER (WHERE status IN ('paid', 'reconciled')) AS paid_persons,
                 sum(amount_fen) FILTER (WHERE status = 'failed') AS returned_fen, count(DISTINCT id_number_index) FILTER (WHERE status = 'failed') AS returned_persons,
                 count(*) FILTER (WHERE status = 'failed') AS returned_payments
          FROM payments WHERE city_code IN (${list})`,
    );
    const n = (value: string | number | null | undefined) => Number(value ?? 0);
    return {
      approvedFen: n(items!['approved_fen']),
      approvedPersons: n(items!['approved_persons']),
      approvedItems: n(items!['approved_items']),
      paidFen: n(payments!['paid_fen']),
      paidPersons: n(payments!['paid_persons']),
      failedFen: n(items!['failed_fen']),
      failedPersons: n(items!['failed_persons']),
      pendingFen: n(items!['pending_fen']),
      pendingPersons: n(items!['pending_persons']),
      returnedFen: n(payments!['returned_fen']),
      returnedPersons: n(payments!['returned_persons']),
      returnedPayments: n(payments!['returned_payments']),
    };
  }

  /** Amount figures of the rows add up to the totals and to the ledger; persons of the totals are the ledger's distinct persons. */
  async function expectEqualToLedger(result: { rows: Row[]; totals: Figures }, cities: readonly string[]) {
    const ledger = await ledgerFigures(cities);
    expect(ledger.approvedFen).toBeGreaterThan(0);
    expect(result.totals).toEqual(ledger);
    const rowSums = sumOf(result.rows);
    for (const key of ['approvedFen', 'approvedItems', 'paidFen', 'failedFen', 'pendingFen', 'returnedFen', 'returnedPayments'] as const) {
      expect([key, rowSums[key]]).toEqual([key, ledger[key]]);
    }
    // Every item is paid, failed or pending: nothing falls between.
    expect(ledger.paidFen + ledger.failedFen + ledger.pendingFen).toBe(ledger.approvedFen);
  }

  async function importFile(token: string, fileName: string, lines: string[]) {
    const response = await t.request('POST', '/api/reconciliations', { token, body: { fileName, content: [RECONCILIATION_HEADER, ...lines, ''].join('\n') } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.unmatched).toEqual([]);
  }

  /** Issues (one user) and sends (another) a batch of the fund; returns its payments by item. */
  async function issueAndSend(issuer: string, sender: string, fund: string) {
    const issued = await t.request('POST', '/api/payment-batches', { token: tokens[issuer], body: { fund } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const sent = await t.request('POST', `/api/payment-batches/${issued.body.id}/send`, { token: tokens[sender] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const detail = await t.request('GET', `/api/payment-batches/${issued.body.id}`, { token: tokens[sender] });
    for (const p of detail.body.payments as { itemId: string; paymentNo: string }[]) paymentOf[p.itemId] = p.paymentNo;
  }

  const items: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await t.addCity('3501');
    await insertDemoUsers(t.rt.db, [
      { username: 'hl-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: windowPosts },
      { username: 'fz-caseworker', displayName: '福州经办员', role: 'caseworker', orgUnitId: officeId('350102'), post: windowPosts },
      { username: 'fz-reviewer', displayName: '福州审核员', role: 'reviewer', orgUnitId: officeId('350102'), post: 'unemployment-review' },
      { username: 'fz-supervisor', displayName: '福州科长', role: 'reviewer', orgUnitId: officeId('350102'), post: 'supervisor' },
    ]);
    for (const name of ['caseworker', 'reviewer', 'supervisor', 'evaluator', 'admin', 'auditor', 'hl-caseworker', 'fz-caseworker', 'fz-reviewer', 'fz-supervisor']) {
      tokens[name] = await t.login(name);
      ids[name] = (await t.request('GET', '/api/auth/me', { token: tokens[name] })).body.id;
    }
    const account = { paymentAccount: '6217001234005678', paymentBank: '中国建设银行厦门分行' };
    const huang = await registerPerson(t, tokens['caseworker']!, idNumbers.huang, '黄志明', account);
    const lin = await registerPerson(t, tokens['caseworker']!, idNumbers.lin, '林晓燕', account);
    const chen = await registerPerson(t, tokens['caseworker']!, idNumbers.chen, '陈建华', account);
    // 黄志明 is registered in 福州 too: one person, two cities.
    const fzHuang = await registerPerson(t, tokens['fz-caseworker']!, idNumbers.huang, '黄志明', account);

    // Cases of three org units: the offices of 思明区 (the demo caseworker), 湖里区 and 福州鼓楼区.
    cases['huangCity'] = (await open(t, tokens['caseworker']!, 'employment-registration', huang)).id;
    cases['linCity'] = (await open(t, tokens['caseworker']!, 'employment-registration', lin)).id;
    cases['huangDistrict'] = (await open(t, tokens['hl-caseworker']!, 'unemployment-registration', huang)).id;
    cases['chenDistrict'] = (await open(t, tokens['hl-caseworker']!, 'unemployment-registration', chen)).id;
    cases['huangFuzhou'] = (await open(t, tokens['fz-caseworker']!, 'employment-registration', fzHuang)).id;

    const xm: [string, string] = [ids['caseworker']!, ids['reviewer']!];
    // 00:30 on 1 November in China is still 31 October in UTC: the month is China's.
    items['huangSkill'] = await approvedItem({ city: XIAMEN, personId: huang, idNumber: idNumbers.huang, name: '黄志明', item: SKILL, period: '2026', fund: 'employment-subsidy', amountFen: 150_000, caseId: cases['huangCity']!, at: '2026-10-31T16:30:00Z', by: xm });
    items['linSkill'] = await approvedItem({ city: XIAMEN, personId: lin, idNumber: idNumbers.lin, name: '林晓燕', item: SKILL, period: '2026', fund: 'employment-subsidy', amountFen: 120_000, caseId: cases['linCity']!, at: '2026-11-05T02:00:00Z', by: xm });
    items['huangPost'] = await approvedItem({ city: XIAMEN, personId: huang, idNumber: idNumbers.huang, name: '黄志明', item: 'public-welfare-post', period: '2026-11', fund: 'employment-subsidy', amountFen: 190_000, caseId: cases['huangDistrict']!, at: '2026-11-30T15:59:00Z', by: xm });
    items['chenFormula'] = await approvedItem({ city: XIAMEN, personId: chen, idNumber: idNumbers.chen, name: '陈建华', item: FORMULA_ITEM, period: '2026-11', fund: 'unemployment-insurance', amountFen: 10_000, caseId: cases['chenDistrict']!, at: '2026-11-20T03:00:00Z', by: xm });
    // 00:00 on 1 December in China: December.
    items['chenBenefit'] = await approvedItem({ city: XIAMEN, personId: chen, idNumber: idNumbers.chen, name: '陈建华', item: 'unemployment-benefit', period: '2026-12', fund: 'unemployment-insurance', amountFen: 180_001, caseId: cases['chenDistrict']!, at: '2026-11-30T16:00:00Z', by: xm });
    items['huangFuzhou'] = await approvedItem({ city: FUZHOU, personId: fzHuang, idNumber: idNumbers.huang, name: '黄志明', item: 'skill-certificate:skill-level:6-18-01-01', period: '2026', fund: 'employment-subsidy', amountFen: 130_000, caseId: cases['huangFuzhou']!, at: '2026-11-10T02:00:00Z', by: [ids['fz-caseworker']!, ids['fz-reviewer']!] });
  });
  afterAll(() => t.close());

  it('counts a batch the bank paid but for one failed line, row by row and to the fen both ways', async () => {
    await issueAndSend('caseworker', 'reviewer', 'employment-subsidy');
    await importFile(tokens['supervisor']!, 'ICBC-20261120.csv', [
      `${paymentOf[items['huangSkill']!]},${idNumbers.huang},150000,paid,ICBC001,`,
      `${paymentOf[items['linSkill']!]},${idNumbers.lin},120000,failed,ICBC002,账户已冻结`,
      `${paymentOf[items['huangPost']!]},${idNumbers.huang},190000,paid,ICBC003,`,
    ]);

    const result = await statistics(`scope=city&unit=${XIAMEN}`);
    expect(result.unit).toEqual({ id: XIAMEN, name: '厦门市' });
    const zero = Object.fromEntries(FIGURES.map((key) => [key, 0]));
    const siming = officeId('350203');
    const huli = officeId('350206');
    expect(result.rows.map((r) => [r.orgUnitId, r.fund, r.item, r.month])).toEqual([
      [siming, 'employment-subsidy', SKILL, '2026-11'],
      [huli, 'employment-subsidy', 'public-welfare-post', '2026-11'],
      [huli, 'unemployment-insurance', FORMULA_ITEM, '2026-11'],
      [huli, 'unemployment-insurance', 'unemployment-benefit', '2026-12'],
    ]);
    expect(result.rows[0]).toMatchObject({ ...zero, approvedFen: 270_000, approvedPersons: 2, approvedItems: 2, paidFen: 150_000, paidPersons: 1, failedFen: 120_000, failedPersons: 1, returnedFen: 120_000, returnedPersons: 1, returnedPayments: 1 });
    expect(result.rows[1]).toMatchObject({ ...zero, approvedFen: 190_000, approvedPersons: 1, approvedItems: 1, paidFen: 190_000, paidPersons: 1 });
    expect(result.rows[2]).toMatchObject({ ...zero, approvedFen: 10_000, approvedPersons: 1, approvedItems: 1, pendingFen: 10_000, pendingPersons: 1 });
    expect(result.rows[3]).toMatchObject({ ...zero, approvedFen: 180_001, approvedPersons: 1, approvedItems: 1, pendingFen: 180_001, pendingPersons: 1 });
    // 黄志明 is paid in two rows, and is one person in the totals.
    expect(result.totals).toMatchObject({ approvedFen: 650_001, approvedPersons: 3, paidFen: 340_000, paidPersons: 1, failedFen: 120_000, pendingFen: 190_001, pendingPersons: 1 });
    await expectEqualToLedger(result, [XIAMEN]);
  });

  it('keeps a payment the bank returned as returned, and no longer failed, once it is paid again', async () => {
    await issueAndSend('caseworker', 'reviewer', 'employment-subsidy');
    await importFile(tokens['supervisor']!, 'ICBC-20261125.csv', [`${paymentOf[items['linSkill']!]},${idNumbers.lin},120000,paid,ICBC004,`]);
    const result = await statistics(`scope=city&unit=${XIAMEN}`);
    expect(result.rows[0]).toMatchObject({ approvedFen: 270_000, paidFen: 270_000, paidPersons: 2, failedFen: 0, failedPersons: 0, returnedFen: 120_000, returnedPersons: 1, returnedPayments: 1 });
    expect(result.totals).toMatchObject({ paidFen: 460_000, failedFen: 0, returnedFen: 120_000 });
    await expectEqualToLedger(result, [XIAMEN]);
  });

  it('sums a province over all its cities, one person counted once', async () => {
    await issueAndSend('fz-caseworker', 'fz-reviewer', 'employment-subsidy');
    await importFile(tokens['fz-supervisor']!, 'BOC-20261126.csv', [`${paymentOf[items['huangFuzhou']!]},${idNumbers.huang},130000,paid,BOC001,`]);
    const xiamen = await statistics(`scope=city&unit=${XIAMEN}`);
    const fuzhou = await statistics(`scope=city&unit=${FUZHOU}`);
    expect(fuzhou.rows.map((r) => [r.orgUnitId, r.item, r.approvedFen, r.paidFen])).toEqual([[officeId('350102'), 'skill-certificate:skill-level:6-18-01-01', 130_000, 130_000]]);
    await expectEqualToLedger(fuzhou, [FUZHOU]);

    // The evaluator sits at the province: it is theirs without naming it.
    const province = await statistics('scope=province');
    expect(province.unit.id).toBe('350000');
    expect(province.rows).toEqual([...fuzhou.rows, ...xiamen.rows]);
    const cities = sumOf([xiamen.totals, fuzhou.totals]);
    for (const key of ['approvedFen', 'approvedItems', 'paidFen', 'failedFen', 'pendingFen', 'returnedFen', 'returnedPayments'] as const) expect([key, province.totals[key]]).toEqual([key, cities[key]]);
    // 黄志明 was paid in both cities: one person of the province.
    expect([cities.approvedPersons, province.totals.approvedPersons]).toEqual([4, 3]);
    expect([cities.paidPersons, province.totals.paidPersons]).toEqual([3, 2]);
    await expectEqualToLedger(province, [XIAMEN, FUZHOU]);
  });

  it('filters by months of approval (China time), fund and item', async () => {
    const december = await statistics(`scope=city&unit=${XIAMEN}&from=2026-12&to=2026-12`);
    expect(december.rows.map((r) => r.item)).toEqual(['unemployment-benefit']);
    expect(december.totals.approvedFen).toBe(180_001);
    const november = await statistics(`scope=city&unit=${XIAMEN}&from=2026-11&to=2026-11`);
    expect(november.totals.approvedFen).toBe(470_000);
    expect((await statistics(`scope=city&unit=${XIAMEN}&to=2026-10`)).rows).toEqual([]);
    const fund = await statistics(`scope=city&unit=${XIAMEN}&fund=unemployment-insurance`);
    expect(fund.rows.map((r) => r.item)).toEqual([FORMULA_ITEM, 'unemployment-benefit']);
    const item = await statistics(`scope=province&item=${encodeURIComponent(SKILL)}`);
    expect(item.rows.map((r) => [r.cityCode, r.approvedFen])).toEqual([[XIAMEN, 270_000]]);
    const reversed = await t.request('GET', '/api/ledger/fund-statistics?scope=province&from=2026-12&to=2026-11', { token: tokens['evaluator'] });
    expect([reversed.status, reversed.body.code]).toEqual([400, 'BAD_REQUEST']);
    const badMonth = await t.request('GET', '/api/ledger/fund-statistics?scope=province&from=2026-13', { token: tokens['evaluator'] });
    expect([badMonth.status, badMonth.body.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('lets evaluators and the city administrator read, within their reach; refuses caseworkers and auditors; logs no access', async () => {
    const logged = async () => Number((await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM access_log`))[0]!.n);
    const before = await logged();
    for (const who of ['caseworker', 'auditor']) {
      for (const path of ['/api/ledger/fund-statistics?scope=city', '/api/ledger/fund-statistics/export?scope=city&format=csv']) {
        const refused = await t.request('GET', path, { token: tokens[who] });
        expect([who, refused.status, refused.body.code, refused.body.details.permission]).toEqual([who, 403, 'ROLE_NOT_PERMITTED', 'funds.read']);
      }
    }
    // The city administrator reads their city, the same figures as the evaluator's.
    const own = await statistics('scope=city', tokens['admin']);
    expect(own).toEqual(await statistics(`scope=city&unit=${XIAMEN}`));
    // Not the province above them, nor another city.
    for (const query of ['scope=province', `scope=city&unit=${FUZHOU}`]) {
      const outOfReach = await t.request('GET', `/api/ledger/fund-statistics?${query}`, { token: tokens['admin'] });
      expect([query, outOfReach.status, outOfReach.body.code]).toEqual([query, 404, 'NOT_FOUND']);
    }
    // A province user names the city; a district is not a city.
    const unnamed = await t.request('GET', '/api/ledger/fund-statistics?scope=city', { token: tokens['evaluator'] });
    expect([unnamed.status, unnamed.body.code]).toEqual([400, 'BAD_REQUEST']);
    expect(unnamed.body.message.zh).toContain('请指定');
    const district = await t.request('GET', '/api/ledger/fund-statistics?scope=city&unit=350203', { token: tokens['evaluator'] });
    expect([district.status, district.body.code]).toEqual([400, 'BAD_REQUEST']);
    // Aggregates only: neither reading nor exporting is an access to personal data.
    await t.app.request('/api/ledger/fund-statistics/export?scope=province&format=xlsx', { headers: { Authorization: `Bearer ${tokens['evaluator']}` } });
    expect(await logged()).toBe(before);
  });

  it('exports CSV and XLSX holding the numbers of the answer, the formula-like item neutralised', async () => {
    const answer = await statistics('scope=province');
    const expected = [
      ...answer.rows.map((r) => [r.cityCode, r.orgUnitId, r.item, r.month, ...FIGURES.map((key) => r[key])]),
      [null, null, null, '合计 Total', ...FIGURES.map((key) => answer.totals[key])],
    ];
    const pick = (cells: readonly unknown[]) => [cells[0], cells[2], cells[5], cells[6], ...cells.slice(7)];

    const csv = await t.app.request('/api/ledger/fund-statistics/export?scope=province&format=csv', { headers: { Authorization: `Bearer ${tokens['evaluator']}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    expect(csv.headers.get('Content-Disposition')).toContain('fund-statistics_350000');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte order mark, so Excel reads the Chinese right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(lines[0]).toEqual([...FUND_STATISTICS_HEADER]);
    // The item `=2+3` leaves as text, never as a formula.
    expect(lines.map((cells) => cells[5])).toContain(`'${FORMULA_ITEM}`);
    expect(lines.map((cells) => cells[5])).not.toContain(FORMULA_ITEM);
    const unquote = (cell: string | undefined) => (cell === '' ? null : cell === `'${FORMULA_ITEM}` ? FORMULA_ITEM : cell);
    expect(lines.slice(1).map((cells) => pick(cells).map((cell, i) => (i >= 4 ? Number(cell) : unquote(cell as string))))).toEqual(expected);

    const xlsx = await t.app.request('/api/ledger/fund-statistics/export?scope=province&format=xlsx', { headers: { Authorization: `Bearer ${tokens['evaluator']}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => values.push(FUND_STATISTICS_HEADER.map((_, i) => row.getCell(i + 1).value ?? null)));
    expect(values[0]).toEqual([...FUND_STATISTICS_HEADER]);
    expect(values.map((cells) => cells[5])).toContain(`'${FORMULA_ITEM}`);
    expect(values.slice(1).map((cells) => pick(cells).map((cell, i) => (i < 4 && cell === `'${FORMULA_ITEM}` ? FORMULA_ITEM : cell)))).toEqual(expected);
    // Amounts are numbers in the workbook, not text.
    expect(typeof values[1]![7]).toBe('number');
  });
});
