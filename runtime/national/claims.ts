import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { NationwideSet } from '../cases/index.ts';
import { queryRows, type Executor, type Transaction } from '../db/index.ts';
import { nationalClaims, persons } from '../db/schema/index.ts';
import { queryPeer, sendMessage, serviceRoute, type Envelope, type ExchangeContext, type QueryHandler, type ServiceHandler } from '../exchange/index.ts';
import type { CaseRow } from '../runtime-context.ts';

/** The exchange service a province asks the national node before it commits a nationwide status: take the claim. */
export const NATIONAL_CLAIM = 'national.claim';
/** The message a province sends the national node (through its outbox) when the status ends: give the claim up. */
export const NATIONAL_RELEASE = 'national.release';

/** What a claim names: the person by the blind index of the ID number (the federation's shared index key), the status, and the holder's case. */
export const ClaimRequest = z
  .object({ idNumberIndex: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/), statusKey: z.string().regex(/^[a-z][A-Za-z0-9]*$/), caseId: z.uuid() })
  .strict()
  .openapi('NationalClaimRequest');
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** The national node's answer: whether the asking province holds the claim now, and who holds it. */
export const ClaimResult = z.object({ granted: z.boolean(), holder: z.string() }).strict().openapi('NationalClaimResult');
export type ClaimResult = z.infer<typeof ClaimResult>;

function claimRequestOf(payload: unknown): ClaimRequest {
  const parsed = ClaimRequest.safeParse(payload);
  if (!parsed.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'claim payload', issues: parsed.error.issues.map((i) => i.path.join('.')) } });
  return parsed.data;
}

/**
 * At the national node: takes the claim for `holder` (the province member that asked), or finds it
 * held. One statement: a new claim is inserted; a claim the same province holds moves to the new case;
 * one another province holds is left alone. Two provinces asking at the same moment meet at the key:
 * the second waits for the first to commit, then finds it held.
 */
export async function takeClaim(db: Executor, holder: string, request: ClaimRequest, now: Date): Promise<ClaimResult> {
  const [taken] = await queryRows<{ holder: string }>(
    db,
    sql`INSERT INTO national_claims (id_number_index, status_key, holder, case_id, claimed_at)
        VALUES (${request.idNumberIndex}, ${request.statusKey}, ${holder}, ${request.caseId}::uuid, ${now.toISOString()}::timestamptz)
        ON CONFLICT (id_number_index, status_key) DO UPDATE SET case_id = excluded.case_id, claimed_at = excluded.claimed_at
        WHERE national_claims.holder = excluded.holder
        RETURNING holder`,
  );
  if (taken) return { granted: true, holder };
  const [held] = await db.select({ holder: nationalClaims.holder }).from(nationalClaims).where(and(eq(nationalClaims.idNumberIndex, request.idNumberIndex), eq(nationalClaims.statusKey, request.statusKey)));
  // Released between the two statements: ask again, as a caseworker trying once more would.
  if (!held) return takeClaim(db, holder, request, now);
  return { granted: false, holder: held.holder };
}

/** At the national node: gives up the claim the sending province holds for the case named; anything else is left as it is. */
async function releaseClaim(tx: Transaction, envelope: Envelope): Promise<void> {
  const request = claimRequestOf(envelope.payload);
  await tx
    .delete(nationalClaims)
    .where(and(eq(nationalClaims.idNumberIndex, request.idNumberIndex), eq(nationalClaims.statusKey, request.statusKey), eq(nationalClaims.holder, envelope.sender), eq(nationalClaims.caseId, request.caseId)));
}

/** The national node's answer to `national.claim` queries. */
export function claimQueryHandler(ctx: ExchangeContext): [string, QueryHandler] {
  return [NATIONAL_CLAIM, (payload, request) => takeClaim(ctx.db, request.sender, claimRequestOf(payload), ctx.clock())];
}

/** The national node's handler of `national.release` messages, taken in by its inbox. */
export function nationalReleaseHandler(): [string, ServiceHandler] {
  return [NATIONAL_RELEASE, releaseClaim];
}

/**
 * In a province, inside the step that takes or gives up a nationwide status (after its own
 * database took it, before the step commits): taking asks the national node for the claim over the
 * exchange (`exchange_services` routes `national.claim` for the city); held by another province is
 * the declared rule's refusal (`RULE_VIOLATION`, zh-CN and English), the national node not answering
 * (or none configured) is `EXCHANGE_PEER_UNAVAILABLE` (retryable). Either way the step rolls back,
 * nothing written. Giving up sends `national.release` through the outbox in the step's transaction:
 * it goes when the step commits and is retried until the national node takes it.
 */
export async function claimNationally(ctx: ExchangeContext, tx: Transaction, row: CaseRow, set: NationwideSet): Promise<void> {
  const route = await serviceRoute(tx, row.cityCode, NATIONAL_CLAIM);
  if (!route) throw new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { service: NATIONAL_CLAIM, reason: 'no national node configured for the city' } });
  const [person] = await tx.select({ idNumberIndex: persons.idNumberIndex }).from(persons).where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)));
  // A record without an ID number's index takes no nationwide status in its own database either.
  if (!person?.idNumberIndex) return;
  const payload: ClaimRequest = { idNumberIndex: person.idNumberIndex, statusKey: set.key, caseId: row.id };
  const message = { client: route.client, provider: route.provider, businessKey: row.caseNo, payload };
  if (set.isDefault) {
    await sendMessage(ctx, { sender: message.client, receiver: message.provider, service: NATIONAL_RELEASE, businessKey: message.businessKey, payload }, tx);
    return;
  }
  const answer = await queryPeer(ctx, tx, { ...message, service: NATIONAL_CLAIM });
  const result = ClaimResult.safeParse(answer.result);
  if (!result.success) throw new PlatformError('EXCHANGE_RESPONSE_INVALID', { details: { provider: route.provider, service: NATIONAL_CLAIM, reason: 'result' } });
  if (!result.data.granted) {
    const violation = { rule: set.exclusion.rule, message: set.exclusion.message };
    throw new PlatformError('RULE_VIOLATION', { details: { violations: [violation], status: set.key, heldBy: result.data.holder } });
  }
}
