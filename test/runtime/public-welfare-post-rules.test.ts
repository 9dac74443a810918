import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryRetirement } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, placeAfterNotice, registerPerson } from '../support/steps.ts';

const UNIT = { code: '123502034265103M7Y', name: '厦门市思明区嘉莲街道社区服务中心', account: '35101588001052500817', bank: '中国建设银行厦门嘉莲支行' };
const UNREGISTERED = '91350211MA8U2J7KXM';
const FUZHOU_OFFICE = '350100-pwp-test';

/** The 35 months from 2023-01 to 2025-11. */
const earlierMonths = Array.from({ length: 35 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * Issue 14, 公益性岗位补贴 through the API (财社〔2017〕164号 第七条): the 3-year term counted per
 * person across every placement and city (until retirement for those within 5 years of it); the
 * subsidy bounded by the local minimum wage in force; paid to the employing unit, which must be a
 * registered employer; the national term parameters locked.
 */
describe.each(backends)('public-welfare post subsidy rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let configurator: string;
  const ids = { caseworker: '', reviewer: '' };

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    configurator = await t.login('configurator');
  }

  const placement = (more: Record<string, unknown> = {}) => ({
    employerCreditCode: UNIT.code,
    employerName: UNIT.name,
    employerAccount: UNIT.account,
    employerBank: UNIT.bank,
    postName: '社区公共服务协管员',
    placementStart: '2026-10-08',
    monthlySubsidyFen: 150_000,
    retirementCategory: 'male-60',
    ...more,
  });

  /** A person of the city, recognised and employed as those processes' cases leave them, paid to their own account. */
  async function recognisedPerson(idNumber: string, name: string): Promise<string> {
    const id = await registerPerson(t, caseworker, idNumber, name, { paymentAccount: '6222021234561234', paymentBank: '中国工商银行厦门分行' });
    await t.rt.db.execute(sql`UPDATE persons SET statuses = '{"difficultyStatus":"recognized","employmentStatus":"employed"}'::jsonb WHERE id = ${id}`);
    return id;
  }

  /**
   * The 35 months an earlier placement in 福州 paid the same person (the same ID number, another
   * city's record), written as that city's ledger would hold them.
   */
  async function paidInFuzhou(idNumber: string, name: string): Promise<void> {
    const personId = randomUUID();
    const sealed = t.rt.cipher.encrypt(idNumber);
    await t.rt.db.execute(sql`INSERT INTO persons (city_code, id, id_number, id_number_index, name, gender, birth_date, org_unit_id, created_by)
      VALUES ('350100', ${personId}, ${sealed}, ${t.rt.cipher.index(idNumber)}, ${name}, 'male', ${`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`}, ${FUZHOU_OFFICE}, ${ids.caseworker})`);
    const caseId = randomUUID();
    for (const period of earlierMonths) {
      await t.rt.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at, payee_kind, payee_code, payee_name)
        VALUES ('350100', ${randomUUID()}, ${personId}, ${sealed}, ${t.rt.cipher.index(idNumber)}, ${name}, 'public-welfare-post', 'public-welfare-post', ${period}, 'employment-subsidy', 150000, ${caseId}, ${ids.caseworker}, ${ids.reviewer}, ${`${period}-28T02:00:00Z`}::timestamptz, 'employer', '91350100M000100Y43', '福州市鼓楼区环卫所')`);
    }
  }

  /** Sends an event that must be refused with RULE_VIOLATION, changing no table; returns the rules named. */
  async function violated(caseId: string, token: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, token, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    expect(response.body.message.zh).toBeTruthy();
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  async function ledgerItems(personId: string) {
    const response = await t.request('GET', `/api/ledger/items?personId=${personId}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body.items as { period: string; amountFen: number; caseId: string; payee: { kind: string; name: string | null; accountMasked: string | null } }[];
  }

  async function claimPaid(caseId: string, period: string, amountFen = 150_000) {
    await act(t, caseworker, caseId, 'submitClaim', { period, amountFen });
    expect((await act(t, reviewer, caseId, 'approveClaim', { opinion: '考勤表齐全，同意拨付' })).state).toBe('placed');
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-12-07T01:00:00.000Z');
    await signIn();
    for (const [name, token] of [['caseworker', caseworker], ['reviewer', reviewer]] as const) ids[name] = (await t.request('GET', '/api/auth/me', { token })).body.id;
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: UNIT.code, name: UNIT.name } })).status).toBe(201);
    await t.rt.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES (${FUZHOU_OFFICE}, 'office', '福州市公共就业服务中心', ${`/${FUZHOU_OFFICE}/`}, '350100')`);
  });
  afterAll(() => t.close());

  it('counts the months paid to the person in every placement and city: the 36th is paid, the 37th refused by term-across-placements', async () => {
    const idNumber = citizenId('350203', '19800315', '057');
    const personId = await recognisedPerson(idNumber, '黄志明');
    await paidInFuzhou(idNumber, '黄志明');

    // A new placement in 厦门: its own months are few, but the person's are 35 already.
    const post = (await open(t, caseworker, 'public-welfare-post', personId)).id;
    await placeAfterNotice(t, caseworker, post, placement());
    await claimPaid(post, '2026-10');
    expect((await ledgerItems(personId)).map((i) => i.period)).toEqual(['2026-10']);
    expect(await violated(post, caseworker, 'submitClaim', { period: '2026-11', amountFen: 150_000 })).toEqual(['term-across-placements']);
  });

  it('runs to retirement for a person within 5 years of it at placement, whatever was paid before', async () => {
    expect(statutoryRetirement('1968-06', 'male-60').retirementMonth).toBe('2029-05');
    const idNumber = citizenId('350203', '19680615', '011');
    const personId = await recognisedPerson(idNumber, '李建设');
    await paidInFuzhou(idNumber, '李建设');
    const post = (await open(t, caseworker, 'public-welfare-post', personId)).id;
    await placeAfterNotice(t, caseworker, post, placement());
    await claimPaid(post, '2026-10');
    await claimPaid(post, '2026-11');
    expect((await ledgerItems(personId)).map((i) => i.period)).toEqual(['2026-10', '2026-11']);
  });

  it('bounds the subsidy by the minimum wage in force (203,000 fen): a placement and a claim at it are paid, above it refused', async () => {
    const personId = await recognisedPerson(citizenId('350206', '19850722', '033'), '周海燕');
    const post = (await open(t, caseworker, 'public-welfare-post', personId)).id;
    expect(await violated(post, caseworker, 'place', placement({ monthlySubsidyFen: 203_001 }))).toEqual(['subsidy-within-minimum-wage']);
    await placeAfterNotice(t, caseworker, post, placement({ monthlySubsidyFen: 203_000 }));
    await claimPaid(post, '2026-11', 203_000);
    expect((await ledgerItems(personId)).map((i) => i.amountFen)).toEqual([203_000]);
    const effective = await t.request('GET', '/api/processes/public-welfare-post/effective', { token: configurator });
    expect(effective.status, JSON.stringify(effective.body)).toBe(200);
    expect(JSON.stringify(effective.body)).toContain('参照当地最低工资标准');
  });

  it('pays the employing unit, named by the placement, and refuses a unit that is not a registered employer', async () => {
    const personId = await recognisedPerson(citizenId('350211', '19790908', '059'), '吴国强');
    const post = (await open(t, caseworker, 'public-welfare-post', personId)).id;
    expect(await violated(post, caseworker, 'place', placement({ employerCreditCode: UNREGISTERED }))).toEqual(['employer-registered']);
    await placeAfterNotice(t, caseworker, post, placement());
    await claimPaid(post, '2026-11');
    const [item] = await ledgerItems(personId);
    expect(item!.payee).toEqual({ kind: 'employer', name: UNIT.name, accountMasked: '3510 **** **** 0817', bank: UNIT.bank });
    const [row] = await queryRows<{ payee_code: string }>(t.rt.db, sql`SELECT payee_code FROM ledger_items WHERE case_id = ${post}`);
    expect(row!.payee_code).toBe(UNIT.code);
  });

  it('keeps the national term parameters locked: a city overlay changing them is refused, naming the element', async () => {
    for (const [id, value] of [['maxMonths', 36], ['nearRetirementYears', 5]] as const) {
      const saved = await t.request('PUT', '/api/processes/public-welfare-post/overlay', { token: configurator, body: { parameters: [{ id, from: '2027-01-01', value }] } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.problems).toEqual([expect.objectContaining({ code: 'OVERLAY_LOCK_VIOLATION', element: `parameters.${id}`, lockedBy: 'ministry' })]);
    }
    // The minimum wage is the city's to set.
    const local = await t.request('PUT', '/api/processes/public-welfare-post/overlay', { token: configurator, body: { parameters: [{ id: 'minimumWageFen', from: '2027-01-01', value: 213_000 }] } });
    expect(local.body.problems).toEqual([]);
  });
});
