import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../engine/index.ts';
import { SOCIAL_INSURANCE_CONTRIBUTIONS } from '../../runtime/connectors/index.ts';
import { queryPeer, queryTransport, verifyMessageLog, type Envelope, type PeerQuery, type Transport } from '../../runtime/exchange/index.ts';
import { exchangeCounts } from '../support/exchange-peers.ts';
import { citizenId } from '../support/fixtures.ts';
import { CITY_CLIENT, connectCity, SOCIAL_INSURANCE_AGENCY, socialInsurancePeer, type SocialInsurancePeer } from '../support/social-insurance-peer.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const idNumber = citizenId('350203', '19850612', '733');
const query: PeerQuery = { client: CITY_CLIENT, provider: SOCIAL_INSURANCE_AGENCY, service: SOCIAL_INSURANCE_CONTRIBUTIONS, businessKey: 'SJ3502002026000001', payload: { idNumber } };

/** A transport that hands the request to the real agency and passes its answer through `change`. */
function through(change: (answer: { status: number; body: unknown }) => { status: number; body: unknown }): Transport {
  return async (url, init) => {
    const real = await queryTransport(url, init);
    const changed = change({ status: real.status, body: await real.json() });
    return { status: changed.status, json: async () => changed.body };
  };
}

/**
 * The exchange's synchronous query (the connectors' transport): a verified answer is logged at
 * both ends; an answer that does not hold, a refusal and no answer are typed errors, and the
 * client's message log is left as it was.
 */
describe.each(backends)('exchange queries (%s)', (backend) => {
  let t: TestRuntime;
  let peer: SocialInsurancePeer;

  beforeAll(async () => {
    const clock = testClock('2026-11-13T01:00:00.000Z');
    t = await createTestRuntime(backend, { clock });
    peer = await socialInsurancePeer(backend, clock, new Map([[idNumber, { contributionMonths: 40, contributionsPaidFen: 1_200_000, asOf: '2026-11-12T16:00:00.000Z' }]]));
    await connectCity(t, peer, '350200');
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  /** Runs a query in a transaction of the city's that must fail with `code`; returns the error's details, with the city's exchange tables unchanged. */
  async function fails(code: string, transport: Transport): Promise<Record<string, unknown>> {
    const before = await exchangeCounts(t);
    const error = await t.rt.db.transaction((tx) => queryPeer(t.rt, tx, query, transport)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPlatformError(error) && error.code, String(error)).toBe(code);
    expect(await exchangeCounts(t)).toEqual(before);
    return (error as { details: Record<string, unknown> }).details;
  }

  it('answers with a response signed by the agency, naming the request, both in the logs at both ends', async () => {
    const answer = await t.rt.db.transaction((tx) => queryPeer(t.rt, tx, query));
    expect(answer.result).toEqual({ found: true, contributionMonths: 40, contributionsPaidFen: 1_200_000, asOf: '2026-11-12T16:00:00.000Z' });
    expect(answer.response).toMatchObject({ sender: SOCIAL_INSURANCE_AGENCY, receiver: CITY_CLIENT, service: query.service, businessKey: query.businessKey, payload: { inReplyTo: answer.request.messageId } });
    expect((await verifyMessageLog(t.rt.db, CITY_CLIENT)).entries).toBe(2);
    expect((await verifyMessageLog(peer.t.rt.db, SOCIAL_INSURANCE_AGENCY)).entries).toBe(2);
  });

  it('refuses an answer changed on the way, or an earlier answer replayed for a new request', async () => {
    const changed = through(({ status, body }) => ({ status, body: { ...(body as Envelope), payload: { ...((body as Envelope).payload as object), result: { found: true, contributionMonths: 999, contributionsPaidFen: 0, asOf: '2026-11-12T16:00:00.000Z' } } } }));
    expect(await fails('EXCHANGE_RESPONSE_INVALID', changed)).toMatchObject({ reason: 'EXCHANGE_PAYLOAD_HASH_MISMATCH' });
    const earlier = (await t.rt.db.transaction((tx) => queryPeer(t.rt, tx, query))).response;
    expect(await fails('EXCHANGE_RESPONSE_INVALID', through(({ status }) => ({ status, body: earlier })))).toMatchObject({ reason: 'not an answer to this request' });
    expect(await fails('EXCHANGE_RESPONSE_INVALID', through(() => ({ status: 200, body: { nothing: true } })))).toMatchObject({ reason: 'malformed' });
  });

  it('says a refusal by the agency as EXCHANGE_QUERY_REFUSED, and no answer as the retryable EXCHANGE_PEER_UNAVAILABLE', async () => {
    expect(await fails('EXCHANGE_QUERY_REFUSED', through(() => ({ status: 403, body: { code: 'EXCHANGE_SENDER_UNKNOWN' } })))).toMatchObject({ status: 403, code: 'EXCHANGE_SENDER_UNKNOWN' });
    expect(await fails('EXCHANGE_PEER_UNAVAILABLE', through(() => ({ status: 502, body: null })))).toMatchObject({ reason: 'HTTP 502', retryAfterSeconds: 30 });
    const timeout: Transport = async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    expect(await fails('EXCHANGE_PEER_UNAVAILABLE', timeout)).toMatchObject({ provider: SOCIAL_INSURANCE_AGENCY, reason: 'TimeoutError' });
  });
});
