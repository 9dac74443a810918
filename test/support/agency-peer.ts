import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { Backend } from '../../runtime/db/index.ts';
import { caseEvents } from '../../runtime/db/schema/index.ts';
import { addPeerKey, answerQuery, createKey, Envelope, memberByCode, publicKeys, registerMember, registerService } from '../../runtime/exchange/index.ts';
import { handleError } from '../../runtime/http/error-handler.ts';
import { PlatformError } from '../../engine/index.ts';
import { createTestRuntime, type TestClock, type TestRuntime } from './test-runtime.ts';
import { exchangeCounts } from './exchange-peers.ts';
import { tableCounts } from './fixtures.ts';
import { loopbackServer } from './loopback-server.ts';
import { getCase } from './steps.ts';

/** 厦门市就业服务 (the city node's member that asks the agencies). */
export const CITY_CLIENT = '350200-001';

/** An agency's member in the exchange. */
export interface Agency {
  member: string;
  name: string;
}

/**
 * Another agency, simulated: a small Hono server of its own on a loopback port (0: a free one, kept
 * when it starts again), with its own database for its member, key and message log, answering
 * `POST /api/exchange/query` for one connector's service: a request of the connector's shape is
 * handed to `answer` (which a test may replace, e.g. by one of the wrong shape), any other refused.
 */
export interface AgencyPeer<Request = unknown> extends Agency {
  t: TestRuntime;
  service: string;
  answer(request: Request): unknown;
  /** How many queries it has answered. */
  answered: () => number;
  address: () => string;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function agencyPeer<Request>(
  backend: Backend,
  clock: TestClock,
  agency: Agency,
  connector: { service: string; request: z.ZodType<Request> },
  answer: (request: Request) => unknown,
): Promise<AgencyPeer<Request>> {
  const t = await createTestRuntime(backend, { clock });
  await registerMember(t.rt, { code: agency.member, name: agency.name });
  await createKey(t.rt, agency.member);
  let answered = 0;
  const app = new Hono();
  app.onError(handleError);
  app.post('/api/exchange/query', async (c) => {
    const envelope = Envelope.safeParse(await c.req.json().catch(() => null));
    if (!envelope.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'envelope' } });
    const handlers = {
      [connector.service]: async (payload: unknown) => {
        const request = connector.request.safeParse(payload);
        if (!request.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'payload' } });
        answered++;
        return peer.answer(request.data);
      },
    };
    return c.json(await answerQuery(t.rt, envelope.data, handlers), 200);
  });
  const server = loopbackServer(app.fetch);
  const peer: AgencyPeer<Request> = {
    ...agency,
    t,
    service: connector.service,
    answer,
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
 * Wires a city node to an agency as a city would: its own member and key (made once), the agency
 * registered at its address with its public keys (and the city's keys at the agency), and the
 * agency named as the city's provider of its service.
 */
export async function connectAgency(city: TestRuntime, peer: AgencyPeer, cityCode: string): Promise<void> {
  if (!(await memberByCode(city.rt.db, CITY_CLIENT))) {
    await registerMember(city.rt, { code: CITY_CLIENT, name: '厦门市公共就业服务中心' });
    await createKey(city.rt, CITY_CLIENT);
  }
  await registerMember(city.rt, { code: peer.member, name: peer.name, address: peer.address() });
  for (const key of await publicKeys(peer.t.rt.db, peer.member)) await addPeerKey(city.rt, key);
  await registerMember(peer.t.rt, { code: CITY_CLIENT, name: '厦门市公共就业服务中心' });
  for (const key of await publicKeys(city.rt.db, CITY_CLIENT)) await addPeerKey(peer.t.rt, key);
  await registerService(city.rt, { cityCode, service: peer.service, client: CITY_CLIENT, provider: peer.member });
}

/** Sends an event that must be refused, changing no table (the exchange's included); returns the response. */
export async function refusedWritingNothing(t: TestRuntime, token: string, caseId: string, type: string, data: Record<string, unknown>) {
  const { version } = await getCase(t, token, caseId);
  const before = { ...(await tableCounts(t.rt)), ...(await exchangeCounts(t)) };
  const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version } });
  expect({ ...(await tableCounts(t.rt)), ...(await exchangeCounts(t)) }).toEqual(before);
  return response;
}

/** The facts on the performance record of a case's (first) step of `event`. */
export async function recordedFacts(t: TestRuntime, caseId: string, event: string): Promise<Record<string, unknown>> {
  const [row] = await t.rt.db.select({ facts: caseEvents.facts }).from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.event, event))).orderBy(asc(caseEvents.seq));
  return row!.facts!;
}
