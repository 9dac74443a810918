import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { exchangeMembers, exchangeOutbox } from '../db/schema/index.ts';
import { verifyAcknowledgement, type Acknowledgement } from './acknowledgement.ts';
import type { Envelope } from './envelope.ts';
import { openStored } from './stored-envelope.ts';
import type { ExchangeContext, Transport } from './exchange-context.ts';

/** The first retry's wait, and the longest wait between attempts. */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 6 * 3600_000;

/** How long after its `attempt`-th attempt (1, 2, …) a message is tried again: 30 s, doubling each time, at most 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
}

/** After this many attempts without an acknowledgement a message is given up (30 s doubling to 6 h: about three days). */
export const LAST_ATTEMPT = 20;

/**
 * 4xx answers that a later attempt may see otherwise: 403 (the sender or its key not registered there yet, as
 * after a key rotation until the peer registers the new key), 408 and 429 (come back later), 421 (the receiver
 * not served there yet, until the peer routes it).
 */
const REFUSALS_RETRIED = new Set([403, 408, 421, 429]);

/**
 * Whether a receiver's answer refuses the message itself, as repeating it cannot change: an HTTP 4xx (its form,
 * signature, payload or content not accepted, another message under its id) other than those a peer's
 * registration catching up can change (`REFUSALS_RETRIED`).
 */
export function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && !REFUSALS_RETRIED.has(status);
}

/** A peer's answer is awaited this long at most. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The transport of a running node: `fetch`, with a time limit on each answer. */
export const httpTransport: Transport = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });

/**
 * Claims the next message due for pushing, in a short transaction of its own (`FOR UPDATE SKIP
 * LOCKED`, so nodes sharing the database take different ones): counts the attempt and sets the next
 * one by the backoff before sending, so a process that dies mid-send leaves the message due again later.
 */
async function claimNext(ctx: ExchangeContext) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [due] = await tx
      .select({ seq: exchangeOutbox.seq, attempts: exchangeOutbox.attempts, envelope: exchangeOutbox.envelope, payloadSealed: exchangeOutbox.payloadSealed, address: exchangeMembers.address })
      .from(exchangeOutbox)
      .innerJoin(exchangeMembers, eq(exchangeMembers.code, exchangeOutbox.receiver))
      .where(and(eq(exchangeOutbox.status, 'pending'), lte(exchangeOutbox.nextAttemptAt, now), isNotNull(exchangeMembers.address)))
      .orderBy(asc(exchangeOutbox.nextAttemptAt))
      .limit(1)
      .for('update', { of: exchangeOutbox, skipLocked: true });
    if (!due) return undefined;
    const attempts = due.attempts + 1;
    await tx
      .update(exchangeOutbox)
      .set({ attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) })
      .where(eq(exchangeOutbox.seq, due.seq));
    return { seq: due.seq, attempts, envelope: openStored(ctx.cipher, due), address: due.address! };
  });
}

/** Why an attempt failed, in a word: the peer's error code, its HTTP status, or the network error's code. */
function failureOf(error: unknown): string {
  if (error instanceof PlatformError) return error.code;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'ERROR';
}

/**
 * Marks a message of the outbox delivered with the receiver's acknowledgement, once it is checked
 * against what was sent (`EXCHANGE_ACK_INVALID` otherwise); a dead letter acknowledged late (a consumer
 * that pulled it) is delivered too. Returns whether this call delivered it.
 */
export async function acceptAcknowledgement(ctx: ExchangeContext, value: unknown): Promise<boolean> {
  const claimed = value as Partial<Acknowledgement> | null;
  const [row] = await ctx.db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.sender, String(claimed?.sender ?? '')), sql`${exchangeOutbox.messageId}::text = ${String(claimed?.messageId ?? '')}`));
  if (!row) throw new PlatformError('EXCHANGE_ACK_INVALID', { details: { reason: 'no such message' } });
  const envelope = row.envelope as Envelope;
  const ack = await verifyAcknowledgement(ctx.db, value, { messageId: row.messageId, sender: row.sender, receiver: row.receiver, payloadHash: envelope.payloadHash });
  const updated = await ctx.db
    .update(exchangeOutbox)
    .set({ status: 'delivered', acknowledgement: ack, deliveredAt: ctx.clock(), nextAttemptAt: null, lastError: null, deadAt: null })
    .where(and(eq(exchangeOutbox.seq, row.seq), inArray(exchangeOutbox.status, ['pending', 'dead'])))
    .returning({ seq: exchangeOutbox.seq });
  return updated.length > 0;
}

/** What one attempt came to. */
export interface DeliveryOutcome {
  messageId: string;
  attempts: number;
  delivered: boolean;
  /** Given up by this attempt: a final refusal, or the last attempt failed. */
  dead?: boolean;
  error?: string;
}

/**
 * Pushes every message due (up to `limit`) to its receiver's inbox (`POST {address}/inbox`), checks
 * the acknowledgement and marks the message delivered; a failure (no answer, an error, a refusal,
 * an acknowledgement that does not hold) is recorded and the message waits for its next attempt,
 * unless the receiver refused it for good (`isFinalRefusal`) or it was the last attempt (`LAST_ATTEMPT`):
 * then it is a dead letter, tried no more until an administrator puts it back.
 * Messages to members without an address wait for them to pull. Run by the timer worker each round.
 */
export async function deliverDue(ctx: ExchangeContext, transport: Transport = httpTransport, limit = 100): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  while (outcomes.length < limit) {
    const due = await claimNext(ctx);
    if (!due) break;
    const outcome: DeliveryOutcome = { messageId: due.envelope.messageId, attempts: due.attempts, delivered: false };
    try {
      const answer = await transport(`${due.address.replace(/\/+$/, '')}/inbox`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(due.envelope) });
      const body = await answer.json().catch(() => null);
      if (answer.status !== 200) throw new PlatformError('EXCHANGE_ACK_INVALID', { details: { status: answer.status, code: (body as { code?: unknown } | null)?.code } });
      await acceptAcknowledgement(ctx, body);
      outcome.delivered = true;
    } catch (error) {
      const details = error instanceof PlatformError ? (error.details as { status?: number; code?: unknown } | undefined) : undefined;
      outcome.error = typeof details?.code === 'string' ? details.code : details?.status ? `HTTP ${details.status}` : failureOf(error);
      const dead = (details?.status !== undefined && isFinalRefusal(details.status)) || due.attempts >= LAST_ATTEMPT;
      if (dead) outcome.dead = true;
      const given = dead ? { status: 'dead' as const, deadAt: ctx.clock(), nextAttemptAt: null } : {};
      await ctx.db.update(exchangeOutbox).set({ lastError: outcome.error, ...given }).where(and(eq(exchangeOutbox.seq, due.seq), eq(exchangeOutbox.status, 'pending')));
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
