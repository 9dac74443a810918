import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { deliverDue, verifyMessageLog } from '../../runtime/exchange/index.ts';
import { personAcrossProvinces } from '../../runtime/national/index.ts';
import { insertDemoUsers, MINISTRY_ID } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { registerJobSeeker, registerPerson } from '../support/steps.ts';
import { FUJIAN, GUANGDONG, NATIONAL, NATIONAL_READER, testFederation, type TestProvince } from '../support/national-federation.ts';
import type { PeerNode } from '../support/exchange-peers.ts';
import { postgresUrl } from '../support/test-runtime.ts';

const TRIALS = 5;
const MINISTRY_READER = { id: null, name: '部级评估员', role: 'evaluator', orgUnitId: null };
const ORIGIN = { address: '127.0.0.1', requestId: 'national-test' };

/**
 * 全国查询 and the nationwide rule across provinces (issue 18, item 4): 福建 and 广东 each on a
 * PostgreSQL database of its own, the national node on a third reading them through postgres_fdw.
 * PostgreSQL only: the national node's foreign tables need a PostgreSQL server with postgres_fdw
 * reaching the provinces' databases, which PGlite (one in-process database) cannot be.
 */
describe.skipIf(!postgresUrl)('two provinces and a national node (PostgreSQL)', () => {
  let federation: Awaited<ReturnType<typeof testFederation>>;
  const tokens = new Map<TestProvince, { caseworker: string; reviewer: string }>();

  beforeAll(async () => {
    federation = await testFederation();
    for (const p of [federation.fujian, federation.guangdong]) tokens.set(p, { caseworker: await p.t.login('caseworker'), reviewer: await p.t.login('reviewer') });
  }, 120_000);
  afterAll(() => federation?.close());

  /** The person registered in `p` and an unemployment registration submitted there (not approved). */
  async function submitted(p: TestProvince, idNumber: string) {
    const { caseworker, reviewer } = tokens.get(p)!;
    const person = await p.t.request('POST', '/api/persons', { token: caseworker, body: { idNumber, name: '林国栋' } });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const opened = await p.t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    const sent = await p.t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const approve = () => p.t.request('POST', `/api/cases/${opened.body.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    return { p, caseId: opened.body.id as string, personId: person.body.id as string, caseworker, approve };
  }

  /** What a refused approval must have left in its province: the case as submitted, the person without the status, no nationwide row, no event. */
  async function expectNothingWritten(c: Awaited<ReturnType<typeof submitted>>) {
    const after = await c.p.t.request('GET', `/api/cases/${c.caseId}`, { token: c.caseworker });
    expect([after.body.state, after.body.version]).toEqual(['submitted', 2]);
    const person = await c.p.t.request('GET', `/api/persons/${c.personId}`, { token: c.caseworker });
    expect(person.body.statuses.unemploymentStatus).toBe('none');
    const [counts] = await queryRows<{ statuses: number; events: number }>(
      c.p.t.rt.db,
      sql`SELECT (SELECT count(*) FROM nationwide_statuses WHERE case_id = ${c.caseId})::int AS statuses, (SELECT count(*) FROM outbox WHERE case_id = ${c.caseId})::int AS events`,
    );
    expect(counts).toEqual({ statuses: 0, events: 0 });
  }

  const claimsAt = (national: PeerNode) => queryRows<{ holder: string; case_id: string }>(national.t.rt.db, sql`SELECT holder, case_id FROM national_claims ORDER BY claimed_at`);

  it(`lets exactly one of two provinces' simultaneous approvals register one ID number, ${TRIALS} of ${TRIALS} times, the other refused by the declared rule with nothing written`, async () => {
    const { fujian, guangdong, national } = federation;
    for (let trial = 0; trial < TRIALS; trial++) {
      const idNumber = citizenId('350203', '19880808', String(301 + 2 * trial));
      const both = [await submitted(fujian, idNumber), await submitted(guangdong, idNumber)];
      // Each province reads only its own database: both pass their rules, and meet at the national node's key.
      const results = await Promise.all(both.map((c) => c.approve()));
      expect(results.map((r) => r.status).sort(), `trial ${trial}: ${JSON.stringify(results.map((r) => r.body))}`).toEqual([200, 422]);
      const refused = results.find((r) => r.status === 422)!;
      const winner = both[results.findIndex((r) => r.status === 200)]!;
      const loser = both[results.findIndex((r) => r.status === 422)]!;
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(refused.body.details.violations).toEqual([
        { rule: 'one-active-registration', message: { 'zh-CN': '该人员已在全国范围内办理失业登记', en: 'The person already holds an active unemployment registration nationwide' } },
      ]);
      expect(refused.body.details.heldBy).toBe(winner.p === fujian ? FUJIAN : GUANGDONG);
      await expectNothingWritten(loser);
      const [claim] = await queryRows<{ holder: string; case_id: string }>(national.t.rt.db, sql`SELECT holder, case_id FROM national_claims WHERE case_id = ${winner.caseId}`);
      expect(claim).toEqual({ holder: winner.p === fujian ? FUJIAN : GUANGDONG, case_id: winner.caseId });
    }
    expect(await claimsAt(national)).toHaveLength(TRIALS);
    // Each province's message log holds the queries it sent and their answers, chained.
    expect((await verifyMessageLog(fujian.t.rt.db, FUJIAN)).ok).toBe(true);
    expect((await verifyMessageLog(national.t.rt.db, NATIONAL)).ok).toBe(true);
  });

  it('refuses the registration with a retryable EXCHANGE_PEER_UNAVAILABLE while the national node is down, nothing written, and takes it once it is back', async () => {
    const { fujian, national } = federation;
    const c = await submitted(fujian, citizenId('350203', '19900101', '401'));
    const claimsBefore = (await claimsAt(national)).length;
    await national.stop();
    try {
      const refused = await c.approve();
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('EXCHANGE_PEER_UNAVAILABLE');
      expect(refused.headers.get('retry-after')).toBe('30');
      await expectNothingWritten(c);
    } finally {
      await national.start();
    }
    expect(await claimsAt(national)).toHaveLength(claimsBefore);
    expect((await c.approve()).status).toBe(200);
    expect(await claimsAt(national)).toHaveLength(claimsBefore + 1);
  });

  it("reads a person's status in both provinces by ID number, recorded in the national access log and, through a signed notice, in each province's", async () => {
    const { fujian, guangdong, national } = federation;
    const idNumber = citizenId('350203', '19850612', '511');
    const registered = await submitted(fujian, idNumber);
    expect((await registered.approve()).status).toBe(200);
    // Known in 广东 too (a person record, no registration).
    const inGuangdong = await guangdong.t.request('POST', '/api/persons', { token: tokens.get(guangdong)!.caseworker, body: { idNumber, name: '林国栋' } });

    const answer = await personAcrossProvinces(national.t.rt, MINISTRY_READER, idNumber, ORIGIN);
    const byProvince = Object.fromEntries(answer.records.map((r) => [r.province, r.statuses.unemploymentStatus ?? 'none']));
    expect(byProvince).toEqual({ '350000': 'registered', '440000': 'none' });
    expect(answer.claims).toEqual([expect.objectContaining({ statusKey: 'unemploymentStatus', holder: FUJIAN })]);
    expect(JSON.stringify(answer)).not.toContain(idNumber);

    const [nationalRead] = await queryRows<{ target_type: string; details: { provinces: string[] } }>(
      national.t.rt.db,
      sql`SELECT target_type, details FROM access_log WHERE action = 'national.person-status' ORDER BY id DESC LIMIT 1`,
    );
    expect(nationalRead).toEqual({ target_type: 'id-number-index', details: { provinces: ['350000', '440000'] } });

    // The notices go as any exchange message does: signed, from the national node's outbox to each province's inbox.
    const outcomes = await deliverDue(national.t.rt);
    expect(outcomes.map((o) => o.delivered)).toEqual([true, true]);
    // A person's status is read at the national node's access log; it reaches each province as a signed notice.
    for (const [p, personId] of [[fujian, registered.personId], [guangdong, inGuangdong.body.id as string]] as const) {
      const reads = await queryRows<{ actor_name: string; target_id: string; details: { by: string } }>(
        p.t.rt.db,
        sql`SELECT actor_name, target_id, details FROM access_log WHERE action = 'national.person-read'`,
      );
      expect(reads).toEqual([expect.objectContaining({ actor_name: '部级评估员', target_id: personId, details: expect.objectContaining({ by: NATIONAL }) })]);
    }
  });

  it('releases the claim when the registration is cancelled (a signed message from the outbox), and the other province may then register the person', async () => {
    const { fujian, guangdong, national } = federation;
    const idNumber = citizenId('350203', '19910909', '911');
    const registered = await submitted(fujian, idNumber);
    expect((await registered.approve()).status).toBe(200);
    const cancelled = await fujian.t.request('POST', `/api/cases/${registered.caseId}/events`, { token: registered.caseworker, body: { type: 'cancel', data: { cancellationReason: 'business-started' }, version: 3 } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    // Held until the release is delivered: the cancellation committed without waiting for the national node.
    const held = () => queryRows<{ holder: string }>(national.t.rt.db, sql`SELECT holder FROM national_claims WHERE case_id = ${registered.caseId}`);
    expect(await held()).toEqual([{ holder: FUJIAN }]);
    expect((await deliverDue(fujian.t.rt)).map((o) => o.delivered)).toEqual([true]);
    expect(await held()).toEqual([]);
    expect((await (await submitted(guangdong, idNumber)).approve()).status).toBe(200);
  });

  it('answers the ministry evaluator on the API, and refuses a province-level evaluator', async () => {
    const { national, fujian } = federation;
    await insertDemoUsers(national.t.rt.db, [{ username: 'ministry-evaluator', displayName: '部级评估员', role: 'evaluator', orgUnitId: MINISTRY_ID }]);
    const ministry = await national.t.login('ministry-evaluator');
    const idNumber = citizenId('350203', '19850612', '511');
    const status = await national.t.request('POST', '/api/national/person-status', { token: ministry, body: { idNumber } });
    expect(status.status, JSON.stringify(status.body)).toBe(200);
    expect(status.body.records.map((r: { province: string }) => r.province).sort()).toEqual(['350000', '440000']);
    const provinceEvaluator = await national.t.login('evaluator');
    expect((await national.t.request('POST', '/api/national/person-status', { token: provinceEvaluator, body: { idNumber } })).body.code).toBe('ROLE_NOT_PERMITTED');
    // The public postings of both provinces (the seeded demo data publishes some in each), one list.
    const vacancies = await national.t.request('GET', '/api/national/vacancies', { token: ministry });
    expect(vacancies.status).toBe(200);
    const [{ n: fujianPostings }] = (await queryRows<{ n: number }>(fujian.t.rt.db, sql`SELECT count(*)::int AS n FROM public_postings`)) as [{ n: number }];
    expect(vacancies.body.filter((v: { province: string }) => v.province === '350000')).toHaveLength(Math.min(fujianPostings, 200));
  });

  it("gives each province's 求人倍率 as the province's own table counts it, asked over the exchange", async () => {
    const { national, fujian, guangdong } = federation;
    const ministry = await national.t.login('ministry-evaluator');
    // One job seeker in 福建, so that its figures are not all zero.
    const caseworker = tokens.get(fujian)!.caseworker;
    await registerJobSeeker(fujian.t, caseworker, await registerPerson(fujian.t, caseworker, citizenId('350203', '19950505', '811'), '王芳'));
    const answer = await national.t.request('GET', '/api/national/supply-demand?quarter=2026-Q4', { token: ministry });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.map((p: { province: string; error: string | null }) => [p.province, p.error])).toEqual([['350000', null], ['440000', null]]);
    for (const [p, row] of [[fujian, answer.body[0]], [guangdong, answer.body[1]]] as const) {
      const own = await p.t.request('GET', '/api/analysis/supply-demand?orgUnit=350000&quarter=2026-Q4', { token: await p.t.login('evaluator') });
      expect(row.figures).toEqual({ demand: own.body.total.demand, supply: own.body.total.supply, ratio: own.body.total.ratio });
    }
    expect(answer.body[0].figures.supply).toBeGreaterThan(0);
  });

  it("exposes no encrypted or personal column in the foreign tables, and the provinces' reader role may not read persons", async () => {
    const { national, fujian } = federation;
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      national.t.rt.db,
      sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'province_350000' ORDER BY table_name, ordinal_position`,
    );
    const byTable = (name: string) => columns.filter((c) => c.table_name === name).map((c) => c.column_name);
    // A person only by the blind index of the ID number: no number (sealed or masked), name, phone, address or account.
    expect(byTable('national_person_statuses')).toEqual(['city_code', 'id_number_index', 'statuses', 'updated_at']);
    // An employer without its legal representative's or contact's personal data.
    expect(byTable('national_employers')).toEqual(['city_code', 'credit_code', 'name', 'industry', 'size', 'ownership_type', 'established_on']);
    expect(byTable('national_vacancies')).toEqual(['city_code', 'case_no', 'title', 'employer_credit_code', 'employer_name', 'occupation', 'occupation_name', 'work_area_name', 'headcount', 'published_at', 'valid_until']);
    const [{ name: dbname }] = (await queryRows<{ name: string }>(fujian.t.rt.db, sql`SELECT current_database() AS name`)) as [{ name: string }];
    const url = new URL(postgresUrl!);
    url.username = NATIONAL_READER.user;
    url.password = NATIONAL_READER.password;
    url.pathname = `/${dbname}`;
    const reader = postgres(url.toString(), { max: 1, onnotice: () => undefined });
    try {
      await expect(reader`SELECT id_number FROM persons LIMIT 1`).rejects.toMatchObject({ code: '42501' });
      await expect(reader`SELECT count(*) FROM national_person_statuses`).resolves.toHaveLength(1);
    } finally {
      await reader.end();
    }
  });
});
