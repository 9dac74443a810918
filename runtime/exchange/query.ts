import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { Envelope, envelopeHash, sealEnvelope } from './envelope.ts';
import type { ExchangeContext, Transport } from './exchange-context.ts';
import { appendToLog } from './message-log.ts';
import { memberByCode, signingKey } from './registry.ts';
import { verifyEnvelope } from './verify-envelope.ts';

/** A query's answer is awaited this long at most: the step that asks holds its case's row lock meanwhile. */
export const QUERY_TIMEOUT_MS = 5_000;

/** How long a caseworker is told to wait before trying a step again whose peer was down. */
export const PEER_RETRY_AFTER_SECONDS = 30;

/** The transport of a query: `fetch`, with the query's time limit. */
export const queryTransport: Transport = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });

/** A synchronous question to another member: the service, what it is about (a case number), and the payload (personal data travels only in here). */
export interface PeerQuery {
  client: string;
  provider: string;
  service: string;
  businessKey: string;
  payload: unknown;
}

/** A verified answer: the provider's signed response (its payload `{inReplyTo, result}`) and the request it answers. */
export interface PeerAnswer {
  request: Envelope;
  response: Envelope;
  result: unknown;
}

function unavailable(query: PeerQuery, reason: string): PlatformError {
  return new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { provider: query.provider, service: query.service, reason, retryAfterSeconds: PEER_RETRY_AFTER_SECONDS } });
}

/** Why a call got no answer, in a word: the network error's code (`ECONNREFUSED`), or `TimeoutError`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'ERROR';
}

/**
 * Asks another member a question and waits for its answer, in the manner of an X-Road
 * request/response: the request is signed with the client's key valid now and POSTed to the
 * provider's `{address}/query`; the answer must be an envelope signed by the provider under a key
 * the registry holds for it, its payload matching its hash, addressed back to the client, about the
 * same service and business key, and naming the request (`inReplyTo`). Both envelopes enter the
 * client's message log in `tx`, so they are kept exactly when the step that asked commits.
 * No answer in time, or a 5xx, is `EXCHANGE_PEER_UNAVAILABLE` (retryable, nothing written); a 4xx
 * is `EXCHANGE_QUERY_REFUSED`; an answer that does not hold is `EXCHANGE_RESPONSE_INVALID`.
 */
export async function queryPeer(ctx: ExchangeContext, tx: Transaction, query: PeerQuery, transport: Transport = queryTransport): Promise<PeerAnswer> {
  const provider = await memberByCode(tx, query.provider);
  if (!provider?.address) throw unavailable(query, 'no address');
  const now = ctx.clock();
  const key = await signingKey(ctx, tx, query.client, now);
  if (!key) throw new PlatformError('EXCHANGE_KEY_NOT_VALID', { details: { sender: query.client, reason: 'no signing key of the client on this node' } });
  const request = sealEnvelope({ messageId: randomUUID(), businessKey: query.businessKey, sender: query.client, receiver: query.provider, service: query.service, sentAt: now, payload: query.payload }, key);

  let answer: Awaited<ReturnType<Transport>>;
  try {
    answer = await transport(`${provider.address.replace(/\/+$/, '')}/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  } catch (error) {
    throw unavailable(query, networkReason(error));
  }
  const body: unknown = await answer.json().catch(() => null);
  if (answer.status >= 500) throw unavailable(query, `HTTP ${answer.status}`);
  if (answer.status !== 200) {
    throw new PlatformError('EXCHANGE_QUERY_REFUSED', { details: { provider: query.provider, service: query.service, status: answer.status, code: (body as { code?: unknown } | null)?.code ?? null } });
  }
  const response = await verifiedResponse(tx, request, body);
  await appendToLog(tx, { memberCode: query.client, direction: 'sent', messageId: request.messageId, envelopeHash: envelopeHash(request), at: now });
  await appendToLog(tx, { memberCode: query.client, direction: 'received', messageId: response.messageId, envelopeHash: envelopeHash(response), at: ctx.clock() });
  return { request, response, result: (response.payload as { result: unknown }).result };
}

/** The provider's answer checked as a response to `request`; `EXCHANGE_RESPONSE_INVALID` naming what does not hold. */
async function verifiedResponse(tx: Transaction, request: Envelope, body: unknown): Promise<Envelope> {
  const invalid = (reason: string) => new PlatformError('EXCHANGE_RESPONSE_INVALID', { details: { provider: request.receiver, service: request.service, reason } });
  const parsed = Envelope.safeParse(body);
  if (!parsed.success) throw invalid('malformed');
  const response = parsed.data;
  try {
    await verifyEnvelope(tx, response);
  } catch (error) {
    throw invalid(error instanceof PlatformError ? error.code : 'unverifiable');
  }
  if (response.sender !== request.receiver || response.receiver !== request.sender) throw invalid('another member');
  if (response.service !== request.service || response.businessKey !== request.businessKey) throw invalid('another service or business key');
  const payload = response.payload as { inReplyTo?: unknown; result?: unknown } | null;
  if (typeof payload !== 'object' || payload === null || payload.inReplyTo !== request.messageId || !('result' in payload)) throw invalid('not an answer to this request');
  return response;
}
