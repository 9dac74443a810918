import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { accessLog, auditLog } from '../../runtime/db/schema/index.ts';
import { SOCIAL_INSURANCE_CONTRIBUTIONS } from '../../runtime/connectors/index.ts';
import { addPeerKey, generateKeyPair, publicKeys, queryPeer, registerMember, sendMessage, serviceRoute, deliverDue } from '../../runtime/exchange/index.ts';
import { advanceSeconds } from '../support/exchange-peers.ts';
import { citizenId } from '../support/fixtures.ts';
import { loopbackServer } from '../support/loopback-server.ts';
import { SOCIAL_INSURANCE_AGENCY, socialInsurancePeer, type SocialInsurancePeer } from '../support/social-insurance-peer.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const CITY = '350200-001';
const BANK = '350200-BANK';
const WIRING_TABLES = ['exchange_members', 'exchange_keys', 'exchange_services', 'bank_connectors', 'exchange_outbox', 'audit_log', 'access_log'];

/** The rows of every table the wiring writes, and what its records write. */
async function wiringCounts(t: TestRuntime): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WIRING_TABLES) counts[table] = Number((await queryRows<{ n: string | number }>(t.rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n);
  return counts;
}

/**
 * Issue 18: a city's administrator wires it to other organisations through the API (no code, no
 * database by hand): the city's own member and key, a peer at its address with its public key, the
 * service's route, the bank; each change recorded; each mistake refused with its code and nothing
 * written; the outbox's waiting messages and why they wait shown.
 */
describe.each(backends)('exchange wiring by the city administrator (%s)', (backend) => {
  let t: TestRuntime;
  let peer: SocialInsurancePeer;
  let admin: string;
  const clock = testClock('2026-11-13T01:00:00.000Z');
  const idNumber = citizenId('350203', '19850612', '777');

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock });
    peer = await socialInsurancePeer(backend, clock, new Map([[idNumber, { contributionMonths: 62, contributionsPaidFen: 1_860_000, asOf: '2026-11-12T16:00:00.000Z' }]]));
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  const put = (path: string, body: unknown) => t.request('PUT', `/api/admin/exchange${path}`, { token: admin, body });
  const post = (path: string, body: unknown = {}) => t.request('POST', `/api/admin/exchange${path}`, { token: admin, body });

  /** A request that must be refused with a code, writing nothing. */
  async function refused(send: () => Promise<{ status: number; body: Record<string, unknown> }>, status: number, code: string) {
    const before = await wiringCounts(t);
    const response = await send();
    expect([response.status, response.body['code']]).toEqual([status, code]);
    expect(await wiringCounts(t)).toEqual(before);
  }

  it('wires the city to the social insurance agency, and the city asks it under that route', async () => {
    expect((await put(`/members/${CITY}`, { name: '厦门市公共就业服务中心', address: null })).status).toBe(200);
    const own = await post(`/members/${CITY}/own-key`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ code: CITY, servedHere: true, keys: [{ validUntil: null }] });
    expect(JSON.stringify(own.body)).not.toContain('privateKey');

    expect((await put(`/members/${SOCIAL_INSURANCE_AGENCY}`, { name: '厦门市社会保险中心', address: peer.address() })).status).toBe(200);
    for (const key of await publicKeys(peer.t.rt.db, SOCIAL_INSURANCE_AGENCY)) {
      const added = await post(`/members/${SOCIAL_INSURANCE_AGENCY}/keys`, { keyId: key.keyId, publicKey: key.publicKey, validFrom: key.validFrom.toISOString(), validUntil: null });
      expect(added.body).toMatchObject({ servedHere: false, keys: [{ keyId: key.keyId }] });
    }
    // The agency registers the city's public key as the administrator hands it over.
    await registerMember(peer.t.rt, { code: CITY, name: '厦门市公共就业服务中心' });
    for (const key of (own.body as { keys: { keyId: string; publicKey: string; validFrom: string }[] }).keys) await addPeerKey(peer.t.rt, { memberCode: CITY, keyId: key.keyId, publicKey: key.publicKey, validFrom: new Date(key.validFrom), validUntil: null });

    const routed = await put(`/services/${SOCIAL_INSURANCE_CONTRIBUTIONS}`, { client: CITY, provider: SOCIAL_INSURANCE_AGENCY });
    expect(routed.status).toBe(200);
    const cityCode = (routed.body as { cityCode: string }).cityCode;
    const route = (await serviceRoute(t.rt.db, cityCode, SOCIAL_INSURANCE_CONTRIBUTIONS))!;
    const answer = await t.rt.db.transaction((tx) => queryPeer(t.rt, tx, { ...route, service: SOCIAL_INSURANCE_CONTRIBUTIONS, businessKey: 'TEST-1', payload: { idNumber } }));
    expect(answer.result).toMatchObject({ found: true, contributionMonths: 62 });
    expect(peer.answered()).toBe(1);

    const wiring = await t.request('GET', '/api/admin/exchange', { token: admin });
    expect(wiring.body).toMatchObject({ cityCode, services: [{ service: SOCIAL_INSURANCE_CONTRIBUTIONS, client: CITY, provider: SOCIAL_INSURANCE_AGENCY }], bank: null });
    // Every change is in the audit trail and the access log, under the administrator.
    const actions = (await t.rt.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.action} LIKE 'exchange.%'`).orderBy(asc(auditLog.at))).map((row) => row.action);
    expect(actions).toEqual(['exchange.member.register', 'exchange.key.create', 'exchange.member.register', 'exchange.key.add', 'exchange.service.route']);
    expect(await t.rt.db.select({ action: accessLog.action }).from(accessLog).where(eq(accessLog.action, 'exchange.service.route'))).toHaveLength(1);
  });

  it('rotates the city’s key: the old one ends now and stays, the new one signs', async () => {
    advanceSeconds(clock, 60);
    const rotated = await post(`/members/${CITY}/own-key`);
    const keys = (rotated.body as { keys: { keyId: string; validUntil: string | null }[] }).keys;
    expect(keys).toHaveLength(2);
    expect(keys[0]!.validUntil).toBe(clock.now().toISOString());
    expect(keys[1]!.validUntil).toBeNull();
  });

  it('refuses each mistake with its code and writes nothing', async () => {
    const stranger = generateKeyPair();
    // Not a public key; an end before its start; another key under a registered key id.
    await refused(() => post(`/members/${SOCIAL_INSURANCE_AGENCY}/keys`, { keyId: 'k-bad', publicKey: 'bm90IGEga2V5', validFrom: '2026-11-01T00:00:00Z', validUntil: null }), 422, 'EXCHANGE_PUBLIC_KEY_INVALID');
    await refused(() => post(`/members/${SOCIAL_INSURANCE_AGENCY}/keys`, { keyId: 'k-late', publicKey: stranger.publicKey, validFrom: '2026-11-02T00:00:00Z', validUntil: '2026-11-01T00:00:00Z' }), 422, 'EXCHANGE_PUBLIC_KEY_INVALID');
    const registered = (await publicKeys(t.rt.db, SOCIAL_INSURANCE_AGENCY))[0]!;
    await refused(() => post(`/members/${SOCIAL_INSURANCE_AGENCY}/keys`, { keyId: registered.keyId, publicKey: stranger.publicKey, validFrom: '2026-11-01T00:00:00Z', validUntil: null }), 422, 'EXCHANGE_PUBLIC_KEY_INVALID');
    // A peer's key for the city's own member; a key made here for a peer.
    await refused(() => post(`/members/${CITY}/keys`, { keyId: 'k-own', publicKey: stranger.publicKey, validFrom: '2026-11-01T00:00:00Z', validUntil: null }), 409, 'EXCHANGE_MEMBER_SERVED_HERE');
    await refused(() => post(`/members/${SOCIAL_INSURANCE_AGENCY}/own-key`), 409, 'EXCHANGE_MEMBER_NOT_OURS');
    // Routes: a provider not registered, a provider without an address, a client whose keys are a peer's.
    await refused(() => put(`/services/${SOCIAL_INSURANCE_CONTRIBUTIONS}`, { client: CITY, provider: '350200-999' }), 404, 'EXCHANGE_MEMBER_UNKNOWN');
    expect((await put('/members/350200-PULL', { name: '不提供接口的机构', address: null })).status).toBe(200);
    await refused(() => put(`/services/${SOCIAL_INSURANCE_CONTRIBUTIONS}`, { client: CITY, provider: '350200-PULL' }), 409, 'EXCHANGE_MEMBER_UNREACHABLE');
    await refused(() => put('/bank', { member: SOCIAL_INSURANCE_AGENCY, bank: CITY }), 409, 'EXCHANGE_MEMBER_NOT_OURS');
    // Bad input stops at the schema: an address that is not http(s).
    await refused(() => put('/members/350200-X', { name: '某机构', address: 'ftp://host/x' }), 400, 'BAD_REQUEST');
    // The route in force is unchanged by every refusal.
    expect((await t.request('GET', '/api/admin/exchange', { token: admin })).body).toMatchObject({ services: [{ provider: SOCIAL_INSURANCE_AGENCY }] });
  });

  it('connects the bank and shows a batch message waiting while the bank does not take it, with why', async () => {
    // The bank's exchange answers 503 (down for maintenance).
    const bank = loopbackServer(() => new Response('{}', { status: 503 }));
    await bank.start();
    expect((await put(`/members/${BANK}`, { name: '中国建设银行厦门分行', address: bank.address() })).status).toBe(200);
    expect((await post(`/members/${BANK}/keys`, { keyId: 'bank-1', publicKey: generateKeyPair().publicKey, validFrom: '2026-11-01T00:00:00Z', validUntil: null })).status).toBe(200);
    expect((await put('/bank', { member: CITY, bank: BANK })).body).toMatchObject({ member: CITY, bank: BANK });
    await sendMessage(t.rt, { sender: CITY, receiver: BANK, service: 'bank.payment-batch', businessKey: 'PB-TEST', payload: { test: true } });
    await deliverDue(t.rt);
    const wiring = (await t.request('GET', '/api/admin/exchange', { token: admin })).body as { bank: unknown; outbox: { receiver: string; pending: number; attemptsMax: number; lastError: string | null; nextAttemptAt: string | null }[] };
    expect(wiring.bank).toEqual({ member: CITY, bank: BANK });
    const toBank = wiring.outbox.find((row) => row.receiver === BANK)!;
    expect(toBank).toMatchObject({ pending: 1, attemptsMax: 1 });
    expect(toBank.lastError).toBe('HTTP 503');
    expect(new Date(toBank.nextAttemptAt!).getTime()).toBeGreaterThan(clock.now().getTime());
    await bank.stop();
  });

  it('is the city administrator’s alone', async () => {
    for (const username of ['caseworker', 'configurator', 'auditor']) {
      const response = await t.request('GET', '/api/admin/exchange', { token: await t.login(username) });
      expect([username, response.status, response.body.code]).toEqual([username, 403, 'ROLE_NOT_PERMITTED']);
    }
  });
});
