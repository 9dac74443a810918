import { Hono } from 'hono';
import { ContributionsRequest, SOCIAL_INSURANCE_CONTRIBUTIONS, type ContributionsResult } from '../../runtime/connectors/index.ts';
import type { Backend } from '../../runtime/db/index.ts';
import { addPeerKey, answerQuery, createKey, Envelope, publicKeys, registerMember, registerService } from '../../runtime/exchange/index.ts';
import { handleError } from '../../runtime/http/error-handler.ts';
import { PlatformError } from '../../engine/index.ts';
import { createTestRuntime, type TestClock, type TestRuntime } from './test-runtime.ts';
import { loopbackServer } from './loopback-server.ts';

/** 厦门市社会保险经办机构 (the agency) and 厦门市就业服务 (the city node's member that asks it). */
export const SOCIAL_INSURANCE_AGENCY = '350200-900';
export const CITY_CLIENT = '350200-001';

/** One person's record at the agency. */
export type ContributionRecord = Omit<ContributionsResult, 'found'>;

/**
 * The social insurance agency, simulated: a small Hono server of its own on a loopback port (0: a
 * free one, kept when it starts again), with its own database for its member, key and message log,
 * answering `POST /api/exchange/query` for `social-insurance.contributions` from `records` (by ID number).
 */
export interface SocialInsurancePeer {
  t: TestRuntime;
  records: Map<string, ContributionRecord>;
  /** How many queries it has answered. */
  answered: () => number;
  address: () => string;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function socialInsurancePeer(backend: Backend, clock: TestClock, records: Map<string, ContributionRecord>): Promise<SocialInsurancePeer> {
  const t = await createTestRuntime(backend, { clock });
  await registerMember(t.rt, { code: SOCIAL_INSURANCE_AGENCY, name: '厦门市社会保险中心' });
  await createKey(t.rt, SOCIAL_INSURANCE_AGENCY);
  let answered = 0;
  const handlers = {
    [SOCIAL_INSURANCE_CONTRIBUTIONS]: async (payload: unknown): Promise<ContributionsResult> => {
      const request = ContributionsRequest.safeParse(payload);
      if (!request.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'payload' } });
      answered++;
      const record = records.get(request.data.idNumber);
      return record ? { found: true, ...record } : { found: false, contributionMonths: 0, contributionsPaidFen: 0, asOf: clock.now().toISOString() };
    },
  };
  const app = new Hono();
  app.onError(handleError);
  app.post('/api/exchange/query', async (c) => {
    const envelope = Envelope.safeParse(await c.req.json().catch(() => null));
    if (!envelope.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'envelope' } });
    return c.json(await answerQuery(t.rt, envelope.data, handlers), 200);
  });

  const server = loopbackServer(app.fetch);
  const peer: SocialInsurancePeer = {
    t,
    records,
    answered: () => answered,
    ...server,
    close: async () => {
      await server.stop();
      await t.close();
    },
  };
  await peer.start();
  return peer;
}

/**
 * Wires a city node to the agency as a city would: its own member and key, the agency registered
 * at its address with its public key (and the city's key at the agency), and the agency named as
 * the city's provider of `social-insurance.contributions`.
 */
export async function connectCity(city: TestRuntime, peer: SocialInsurancePeer, cityCode: string): Promise<void> {
  await registerMember(city.rt, { code: CITY_CLIENT, name: '厦门市公共就业服务中心' });
  await createKey(city.rt, CITY_CLIENT);
  await registerMember(city.rt, { code: SOCIAL_INSURANCE_AGENCY, name: '厦门市社会保险中心', address: peer.address() });
  for (const key of await publicKeys(peer.t.rt.db, SOCIAL_INSURANCE_AGENCY)) await addPeerKey(city.rt, key);
  await registerMember(peer.t.rt, { code: CITY_CLIENT, name: '厦门市公共就业服务中心' });
  for (const key of await publicKeys(city.rt.db, CITY_CLIENT)) await addPeerKey(peer.t.rt, key);
  await registerService(city.rt, { cityCode, service: SOCIAL_INSURANCE_CONTRIBUTIONS, client: CITY_CLIENT, provider: SOCIAL_INSURANCE_AGENCY });
}
