import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import type { Envelope } from '../../runtime/exchange/index.ts';
import { claimCheckHandler, reconcileClaims, takeClaim } from '../../runtime/national/index.ts';
import { insertDemoUsers, MINISTRY_ID } from '../../runtime/seed/index.ts';
import { startTimerWorker } from '../../runtime/timers/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { FUJIAN, GUANGDONG, NATIONAL, testFederation, type TestProvince } from '../support/national-federation.ts';
import { postgresUrl } from '../support/test-runtime.ts';

const STATUS = 'unemploymentStatus';
/** Older than the ten minutes' grace a new claim is left alone for. */
const PAST_GRACE_DAYS = 15 / (24 * 60);

/**
 * The national claims reconciled with the provinces (issue 18, item 4): a claim the national node granted
 * for a step that then failed in its province was never released, and refused the person in every other
 * province until released by hand. PostgreSQL only, as the federation is (national-node.test.ts).
 */
describe.skipIf(!postgresUrl)('national claims reconciled with the provinces (PostgreSQL)', () => {
  let federation: Awaited<ReturnType<typeof testFederation>>;
  let ministryAdmin: string;
  const caseworkers = new Map<TestProvince, string>();

  beforeAll(async () => {
    federation = await testFederation();
    for (const p of [federation.fujian, federation.guangdong]) caseworkers.set(p, await p.t.login('caseworker'));
    // The demo has the ministry's administrator (部级系统管理员); the national node's evaluator is added.
    await insertDemoUsers(federation.national.t.rt.db, [{ username: 'ministry-evaluator', displayName: '部级评估员', role: 'evaluator', orgUnitId: MINISTRY_ID }]);
    ministryAdmin = await federation.national.t.login('ministry-admin');
  }, 120_000);
  afterAll(() => federation?.close());

  /** A person recorded in `p`, and an unemployment registration opened for them there. */
  async function personWithCase(p: TestProvince, idNumber: string) {
    const token = caseworkers.get(p)!;
    const person = await p.t.request('POST', '/api/persons', { token, body: { idNumber, name: '林国栋' } });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const opened = await p.t.request('POST', '/api/cases', { token, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    return { caseId: opened.body.id as string, index: p.t.rt.cipher.index(idNumber) };
  }

  /** The registration of `idNumber` in `p`, submitted and then approved by its reviewer: the answer to the approval. */
  async function register(p: TestProvince, idNumber: string) {
    const { caseId } = await personWithCase(p, idNumber);
    await p.t.request('POST', `/api/cases/${caseId}/events`, { token: caseworkers.get(p)!, body: { type: 'submit', data: registrationForm(), version: 1 } });
    const approved = await p.t.request('POST', `/api/cases/${caseId}/events`, { token: await p.t.login('reviewer'), body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    return { caseId, approved };
  }

  const claimOf = async (index: string) =>
    (await queryRows<{ holder: string; case_id: string }>(federation.national.t.rt.db, sql`SELECT holder, case_id FROM national_claims WHERE id_number_index = ${index}`))[0];
  const claimCount = async () => Number((await queryRows<{ n: number }>(federation.national.t.rt.db, sql`SELECT count(*)::int AS n FROM national_claims`))[0]!.n);
  const reconcile = () => federation.national.t.request('POST', '/api/national/claims/reconcile', { token: ministryAdmin });

  it('gives up a claim its province no longer holds, so the person may be registered in another province; the claims it holds stay', async () => {
    const { fujian, guangdong, national, clock } = federation;
    const held = await register(fujian, citizenId('350203', '19860101', '111'));
    expect(held.approved.status, JSON.stringify(held.approved.body)).toBe(200);
    // 福建's approval of this person was granted the claim and then failed before it committed: nothing in 福建, the claim at the national node.
    const orphanId = citizenId('350203', '19860202', '211');
    const orphan = await personWithCase(fujian, orphanId);
    expect(await takeClaim(national.t.rt.db, FUJIAN, { idNumberIndex: orphan.index, statusKey: STATUS, caseId: orphan.caseId }, clock.now())).toEqual({ granted: true, holder: FUJIAN });
    const refused = await register(guangdong, orphanId);
    expect([refused.approved.status, refused.approved.body.details?.heldBy]).toEqual([422, FUJIAN]);

    // Not yet ten minutes old: not asked about.
    const early = await reconcile();
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    expect(early.body.map((p: { checked: number }) => p.checked)).toEqual([0, 0]);

    clock.advanceDays(PAST_GRACE_DAYS);
    const answer = await reconcile();
    expect(answer.body).toEqual([
      { province: '350000', name: '福建省人力资源和社会保障厅', checked: 2, released: 1, moved: 0, error: null },
      { province: '440000', name: '广东省人力资源和社会保障厅', checked: 0, released: 0, moved: 0, error: null },
    ]);
    expect(await claimOf(orphan.index)).toBeUndefined();
    expect(await claimOf(fujian.t.rt.cipher.index(citizenId('350203', '19860101', '111')))).toEqual({ holder: FUJIAN, case_id: held.caseId });
    const [logged] = await queryRows<{ actor_name: string; target_id: string; details: Record<string, unknown> }>(
      national.t.rt.db,
      sql`SELECT actor_name, target_id, details FROM access_log WHERE action = 'national.claim.released'`,
    );
    expect(logged).toEqual({ actor_name: '部级系统管理员', target_id: orphan.index, details: expect.objectContaining({ holder: FUJIAN, statusKey: STATUS, caseId: orphan.caseId }) });
    // The check went as any exchange query does: signed, in both message logs.
    const [asked] = await queryRows<{ n: number }>(fujian.t.rt.db, sql`SELECT count(*)::int AS n FROM exchange_log WHERE member_code = ${FUJIAN} AND direction = 'received'`);
    expect(asked!.n).toBeGreaterThan(0);

    // A second check changes nothing; then the person may be registered in 广东.
    expect((await reconcile()).body.map((p: { released: number; moved: number }) => p.released + p.moved)).toEqual([0, 0]);
    const retried = await guangdong.t.request('POST', `/api/cases/${refused.caseId}/events`, { token: await guangdong.t.login('reviewer'), body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(await claimOf(orphan.index)).toEqual({ holder: GUANGDONG, case_id: refused.caseId });
  });

  it('moves a claim recorded for another case to the case the province holds the status by, so that case’s end releases it', async () => {
    const { fujian, national, clock } = federation;
    const idNumber = citizenId('350203', '19870303', '311');
    const held = await register(fujian, idNumber);
    expect(held.approved.status).toBe(200);
    const index = fujian.t.rt.cipher.index(idNumber);
    // A re-registration in 福建 moved the claim to its case at the national node, then failed there.
    await national.t.rt.db.execute(sql`UPDATE national_claims SET case_id = ${randomUUID()}::uuid WHERE id_number_index = ${index}`);
    clock.advanceDays(PAST_GRACE_DAYS);
    const answer = await reconcile();
    expect(answer.body[0]).toMatchObject({ province: '350000', released: 0, moved: 1, error: null });
    expect(await claimOf(index)).toEqual({ holder: FUJIAN, case_id: held.caseId });
    const [logged] = await queryRows<{ details: Record<string, unknown> }>(national.t.rt.db, sql`SELECT details FROM access_log WHERE action = 'national.claim.moved' AND target_id = ${index}`);
    expect(logged!.details).toMatchObject({ holder: FUJIAN, heldBy: held.caseId });
  });

  it('waits for a step under way on the person in the province, and keeps the claim that step commits', async () => {
    const { fujian, national, clock } = federation;
    const pending = await personWithCase(fujian, citizenId('350203', '19880404', '411'));
    // A step in 福建 that has taken the status in its own database and the claim at the national node, not yet committed.
    const [{ name: dbname }] = (await queryRows<{ name: string }>(fujian.t.rt.db, sql`SELECT current_database() AS name`)) as [{ name: string }];
    const url = new URL(postgresUrl!);
    url.pathname = `/${dbname}`;
    const step = postgres(url.toString(), { max: 1, onnotice: () => undefined });
    let settled = false;
    let reconciling: ReturnType<typeof reconcileClaims> | undefined;
    try {
      await step.begin(async (tx) => {
        await tx`UPDATE persons SET updated_at = now() WHERE id_number_index = ${pending.index}`;
        await tx`INSERT INTO nationwide_statuses (id_number_index, status_key, value, city_code, case_id) VALUES (${pending.index}, ${STATUS}, 'registered', '350200', ${pending.caseId})`;
        await takeClaim(national.t.rt.db, FUJIAN, { idNumberIndex: pending.index, statusKey: STATUS, caseId: pending.caseId }, clock.now());
        clock.advanceDays(PAST_GRACE_DAYS);
        reconciling = reconcileClaims(national.t.rt).finally(() => (settled = true));
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(settled).toBe(false);
      });
      // The step committed; the check, waiting on the person's record, then finds the status held.
      const [fujianCheck] = await reconciling!;
      expect(fujianCheck).toMatchObject({ province: '350000', released: 0, moved: 0, error: null });
    } finally {
      await step.end();
    }
    expect(await claimOf(pending.index)).toEqual({ holder: FUJIAN, case_id: pending.caseId });
  });

  it('leaves the claims of a province whose answer it cannot read as they are, naming EXCHANGE_RESPONSE_INVALID', async () => {
    const { fujian, national, clock } = federation;
    const idNumber = citizenId('350203', '19890505', '511');
    const held = await register(fujian, idNumber);
    expect(held.approved.status, JSON.stringify(held.approved.body)).toBe(200);
    const index = fujian.t.rt.cipher.index(idNumber);
    // 福建 holds the status by a case id PostgreSQL's uuid type takes but that is no RFC 9562 UUID: its answer names it, and the check refuses the answer whole.
    await fujian.t.rt.db.execute(sql`UPDATE nationwide_statuses SET case_id = '11111111-1111-1111-1111-111111111111' WHERE id_number_index = ${index}`);
    const claims = () => queryRows(national.t.rt.db, sql`SELECT id_number_index, status_key, holder, case_id FROM national_claims ORDER BY id_number_index, status_key`);
    const changesLogged = async () => (await queryRows<{ n: number }>(national.t.rt.db, sql`SELECT count(*)::int AS n FROM access_log WHERE action LIKE 'national.claim.%'`))[0]!.n;
    const [claimsBefore, loggedBefore] = [await claims(), await changesLogged()];
    clock.advanceDays(PAST_GRACE_DAYS);
    try {
      const answer = await reconcile();
      expect(answer.body).toEqual([
        { province: '350000', name: '福建省人力资源和社会保障厅', checked: 0, released: 0, moved: 0, error: 'EXCHANGE_RESPONSE_INVALID' },
        { province: '440000', name: '广东省人力资源和社会保障厅', checked: expect.any(Number), released: 0, moved: 0, error: null },
      ]);
      expect(await claims()).toEqual(claimsBefore);
      expect(await changesLogged()).toBe(loggedBefore);
    } finally {
      await fujian.t.rt.db.execute(sql`UPDATE nationwide_statuses SET case_id = ${held.caseId}::uuid WHERE id_number_index = ${index}`);
    }
  });

  it('has the timer worker report a province that does not answer once, and leave it to the next quarter of an hour', async () => {
    const { fujian, national, clock } = federation;
    const reported: string[] = [];
    // A claim of 福建's to ask about (a province with none past the grace is not asked).
    expect((await register(fujian, citizenId('350203', '19900606', '611'))).approved.status).toBe(200);
    clock.advanceDays(PAST_GRACE_DAYS);
    await fujian.stop();
    const stopWorker = startTimerWorker(national.t.rt, 10, (error) => reported.push(String(error)));
    try {
      const unanswered = 'province 350000 did not answer the reconciliation (EXCHANGE_PEER_UNAVAILABLE)';
      await expect.poll(() => reported.filter((line) => line.includes(unanswered)).length, { timeout: 10_000 }).toBe(1);
      // Ticks go on every 10 ms; within the quarter of an hour none asks the provinces again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reported).toEqual([expect.stringContaining(unanswered)]);
    } finally {
      await stopWorker();
      await fujian.start();
    }
  });

  it('leaves the claims of a province that does not answer as they are; answers the check only to the national node; refuses the reconciliation to an evaluator', async () => {
    const { fujian, national, clock } = federation;
    const before = await claimCount();
    clock.advanceDays(PAST_GRACE_DAYS);
    await fujian.stop();
    try {
      const answer = await reconcile();
      expect(answer.body[0]).toMatchObject({ province: '350000', released: 0, moved: 0, error: 'EXCHANGE_PEER_UNAVAILABLE' });
    } finally {
      await fujian.start();
    }
    expect(await claimCount()).toBe(before);

    const [, check] = claimCheckHandler(fujian.t.rt);
    const payload = { claims: [{ idNumberIndex: 'a'.repeat(43), statusKey: STATUS, caseId: randomUUID() }] };
    await expect(check(payload, { sender: GUANGDONG, receiver: FUJIAN } as Envelope)).rejects.toMatchObject({ code: 'EXCHANGE_RECEIVER_NOT_HERE' });
    await expect(check({ claims: [] }, { sender: NATIONAL, receiver: FUJIAN } as Envelope)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(check(payload, { sender: NATIONAL, receiver: FUJIAN } as Envelope)).resolves.toEqual({ statuses: [{ idNumberIndex: 'a'.repeat(43), statusKey: STATUS, held: false, caseId: null }] });

    const evaluator = await national.t.login('ministry-evaluator');
    const forbidden = await national.t.request('POST', '/api/national/claims/reconcile', { token: evaluator });
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);
    expect(await claimCount()).toBe(before);
  });
});
