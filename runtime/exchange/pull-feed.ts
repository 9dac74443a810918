import { and, asc, eq, gt } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { exchangeCursors, exchangeOutbox } from '../db/schema/index.ts';
import type { Acknowledgement } from './acknowledgement.ts';
import { canonicalJson } from './canonical-json.ts';
import { Envelope } from './envelope.ts';
import type { ExchangeContext, Transport } from './exchange-context.ts';
import { receiveMessage } from './inbox.ts';
import type { ServiceHandlers } from './service-handlers.ts';
import { memberByCode, registeredKey, signingKey, validAt } from './registry.ts';
import { signBytes, verifyBytes } from './signing.ts';
import { openStored } from './stored-envelope.ts';

/** The most messages one page of the feed holds. */
export const FEED_PAGE_MAX = 100;
/** How far a signed request's time may be from the provider's clock. */
export const REQUEST_SKEW_MS = 5 * 60_000;

/** A page of the feed: the messages after the cursor, and the cursor to ask with next. */
export interface FeedPage {
  items: { seq: number; envelope: Envelope }[];
  next: number;
}

/** The messages members served here sent to `consumer`, after the sequence number `after`, oldest first. */
export async function feedPage(ctx: ExchangeContext, consumer: string, after: number, limit: number): Promise<FeedPage> {
  const rows = await ctx.db
    .select({ seq: exchangeOutbox.seq, envelope: exchangeOutbox.envelope, payloadSealed: exchangeOutbox.payloadSealed })
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.receiver, consumer), gt(exchangeOutbox.seq, after)))
    .orderBy(asc(exchangeOutbox.seq))
    .limit(Math.min(limit, FEED_PAGE_MAX));
  return { items: rows.map((row) => ({ seq: row.seq, envelope: openStored(ctx.cipher, row) })), next: rows.at(-1)?.seq ?? after };
}

/** The signed headers of a feed request: who asks, with which key, when, and the signature over those and the page asked for. */
export interface FeedRequest {
  member: string;
  keyId: string;
  time: string;
  signature: string;
}

function requestBytes(request: Omit<FeedRequest, 'signature'>, after: number, limit: number): string {
  return canonicalJson({ purpose: 'exchange.feed', member: request.member, keyId: request.keyId, time: request.time, after, limit });
}

/**
 * Checks a feed request: the member is registered, its key was valid at the request's time, that
 * time is within {@link REQUEST_SKEW_MS} of ours, and the signature covers the page asked for.
 */
export async function verifyFeedRequest(ctx: ExchangeContext, request: FeedRequest, after: number, limit: number): Promise<void> {
  const details = { member: request.member };
  if (!(await memberByCode(ctx.db, request.member))) throw new PlatformError('EXCHANGE_SENDER_UNKNOWN', { details });
  const at = new Date(request.time);
  if (Number.isNaN(at.getTime()) || Math.abs(at.getTime() - ctx.clock().getTime()) > REQUEST_SKEW_MS) throw new PlatformError('EXCHANGE_REQUEST_EXPIRED', { details });
  const key = await registeredKey(ctx.db, request.member, request.keyId);
  if (!key || !validAt(key, at)) throw new PlatformError('EXCHANGE_KEY_NOT_VALID', { details: { ...details, keyId: request.keyId } });
  if (!verifyBytes(key.publicKey, requestBytes(request, after, limit), request.signature)) throw new PlatformError('EXCHANGE_SIGNATURE_INVALID', { details });
}

/** The HTTP headers that carry a feed request. */
export const FEED_HEADERS = { member: 'x-exchange-member', keyId: 'x-exchange-key', time: 'x-exchange-time', signature: 'x-exchange-signature' } as const;

/** The signed headers with which a member served here asks for a page of a provider's feed. */
export async function signFeedRequest(ctx: ExchangeContext, member: string, after: number, limit: number): Promise<Record<string, string>> {
  const now = ctx.clock();
  const key = await signingKey(ctx, ctx.db, member, now);
  if (!key) throw new PlatformError('EXCHANGE_KEY_NOT_VALID', { details: { member, reason: 'no signing key on this node' } });
  const unsigned = { member, keyId: key.keyId, time: now.toISOString() };
  const signature = signBytes(key.privateKey, requestBytes(unsigned, after, limit));
  return { [FEED_HEADERS.member]: member, [FEED_HEADERS.keyId]: key.keyId, [FEED_HEADERS.time]: unsigned.time, [FEED_HEADERS.signature]: signature };
}

/**
 * A consumer served here reads a provider's feed from where it stopped: each page's messages are
 * verified and taken into its inbox as a pushed message would be (a new one handed to its
 * service's handler in `handlers`, in the same transaction), their acknowledgements posted back
 * (`POST {address}/acks`, so the provider marks them delivered), and the cursor kept. Returns how
 * many messages were new.
 */
export async function pullFeed(ctx: ExchangeContext, consumer: string, provider: string, transport: Transport, options: { pageSize?: number; handlers?: ServiceHandlers } = {}): Promise<number> {
  const pageSize = options.pageSize ?? FEED_PAGE_MAX;
  const member = await memberByCode(ctx.db, provider);
  if (!member?.address) throw new PlatformError('NOT_FOUND', { details: { provider } });
  const base = member.address.replace(/\/+$/, '');
  let received = 0;
  for (;;) {
    const [cursor] = await ctx.db.select().from(exchangeCursors).where(and(eq(exchangeCursors.consumer, consumer), eq(exchangeCursors.provider, provider)));
    const after = cursor?.after ?? 0;
    const headers = await signFeedRequest(ctx, consumer, after, pageSize);
    const answer = await transport(`${base}/feed?after=${after}&limit=${pageSize}`, { method: 'GET', headers });
    if (answer.status !== 200) throw new Error(`the feed of ${provider} answered HTTP ${answer.status}`);
    const page = (await answer.json()) as { items: { seq: number; envelope: unknown }[]; next: number };
    const acknowledgements: Acknowledgement[] = [];
    for (const item of page.items) {
      const outcome = await receiveMessage(ctx, Envelope.parse(item.envelope), options.handlers);
      if (!outcome.repeated) received++;
      acknowledgements.push(outcome.acknowledgement);
    }
    if (acknowledgements.length > 0) await transport(`${base}/acks`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ acknowledgements }) });
    if (page.items.length === 0) return received;
    await ctx.db
      .insert(exchangeCursors)
      .values({ consumer, provider, after: page.next })
      .onConflictDoUpdate({ target: [exchangeCursors.consumer, exchangeCursors.provider], set: { after: page.next } });
    if (page.items.length < pageSize) return received;
  }
}
