import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { recordAccess, type AccessActor, type RequestOrigin } from '../audit/index.ts';
import type { Transaction } from '../db/index.ts';
import { nationalClaims, nationalProvinces, nationwideStatuses, persons } from '../db/schema/index.ts';
import { queryPeer, routeOfMessage, type QueryHandler } from '../exchange/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { ClaimRequest, NATIONAL_CLAIM } from './claims.ts';
import { ProvinceCode } from './province-code.ts';

/** The query the national node asks a province: which of these claims its database still holds. */
export const NATIONAL_CLAIM_CHECK = 'national.claim-check';

/** Claims asked of a province in one query. */
export const CLAIM_CHECK_BATCH = 200;

/** A claim younger than this is not checked: its step may still be under way (it is waited for in any case). */
export const CLAIM_CHECK_GRACE_MS = 10 * 60_000;

/** How often the timer worker reconciles the claims (at a national node; elsewhere it finds no province). */
export const NATIONAL_RECONCILE_EVERY_MS = 15 * 60_000;

const ClaimCheckRequest = z.object({ claims: z.array(ClaimRequest).min(1).max(CLAIM_CHECK_BATCH) }).strict();

/** The province's answer for one claim: whether it holds the status for the person, and by which case (none for a status carried over from before cases recorded it). */
const HeldStatus = z.object({ idNumberIndex: z.string(), statusKey: z.string(), held: z.boolean(), caseId: z.uuid().nullable() }).strict();
export const ClaimCheckResult = z.object({ statuses: z.array(HeldStatus) }).strict().openapi('NationalClaimCheckResult');
export type ClaimCheckResult = z.infer<typeof ClaimCheckResult>;

/**
 * In a province: which of the national node's claims its database holds. Only the member this province
 * asks for claims (the provider of its `national.claim` routes) may ask; anyone else is refused as a
 * message no city takes from that sender. The person records of the ID numbers asked are locked for
 * share first, so a step under way on one of them (it updated the record before asking the national
 * node for the claim) is waited for, and the answer is what it committed, never a state it is about to leave.
 */
export function claimCheckHandler(rt: RuntimeContext): [string, QueryHandler] {
  return [
    NATIONAL_CLAIM_CHECK,
    async (payload, request) => {
      const parsed = ClaimCheckRequest.safeParse(payload);
      if (!parsed.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'claim check payload' } });
      // Asked as if for a claim: the sender must be the member a city here routes `national.claim` to.
      await routeOfMessage(rt.db, { ...request, service: NATIONAL_CLAIM });
      const indexes = [...new Set(parsed.data.claims.map((claim) => claim.idNumberIndex))];
      const held = await rt.db.transaction(async (tx) => {
        await tx.select({ id: persons.id }).from(persons).where(inArray(persons.idNumberIndex, indexes)).for('share');
        return tx
          .select({ idNumberIndex: nationwideStatuses.idNumberIndex, statusKey: nationwideStatuses.statusKey, caseId: nationwideStatuses.caseId })
          .from(nationwideStatuses)
          .where(inArray(nationwideStatuses.idNumberIndex, indexes));
      });
      const holding = new Map(held.map((row) => [`${row.idNumberIndex} ${row.statusKey}`, row.caseId]));
      const statuses = parsed.data.claims.map(({ idNumberIndex, statusKey }) => {
        const key = `${idNumberIndex} ${statusKey}`;
        return { idNumberIndex, statusKey, held: holding.has(key), caseId: holding.get(key) ?? null };
      });
      return { statuses } satisfies ClaimCheckResult;
    },
  ];
}

/** What a reconciliation did with one province's claims. */
export const ProvinceReconciliation = z
  .object({
    province: ProvinceCode,
    name: z.string(),
    checked: z.number().int(),
    released: z.number().int().openapi({ description: 'Claims the province no longer held, given up' }),
    moved: z.number().int().openapi({ description: 'Claims moved to the case the province holds the status by' }),
    error: z.string().nullable().openapi({ description: "The error's code where the province did not answer; its claims are left as they are" }),
  })
  .openapi('ProvinceClaimReconciliation');
export type ProvinceReconciliation = z.infer<typeof ProvinceReconciliation>;

/** Who reconciles, for the access log: an administrator by the API, or the timer worker on its own (`RECONCILER`). */
export interface Reconciler {
  actor: AccessActor;
  origin: RequestOrigin | null;
}

/** The timer worker, reconciling on its own. */
const RECONCILER: Reconciler = { actor: { id: null, name: '全国认领核对（定时）', role: 'system', orgUnitId: null }, origin: null };

/** Applies one province's answer to the claims as they were read: a claim changed since (taken again, released) is left alone. */
async function applyAnswer(tx: Transaction, by: Reconciler, holder: string, asked: readonly ClaimRequest[], answer: ClaimCheckResult, at: Date, messageId: string): Promise<{ released: number; moved: number }> {
  let [released, moved] = [0, 0];
  for (const status of answer.statuses) {
    const claim = asked.find((c) => c.idNumberIndex === status.idNumberIndex && c.statusKey === status.statusKey);
    if (!claim || (status.held && (status.caseId === null || status.caseId === claim.caseId))) continue;
    const same = and(eq(nationalClaims.idNumberIndex, claim.idNumberIndex), eq(nationalClaims.statusKey, claim.statusKey), eq(nationalClaims.holder, holder), eq(nationalClaims.caseId, claim.caseId));
    const changed = status.held
      ? await tx.update(nationalClaims).set({ caseId: status.caseId! }).where(same).returning({ caseId: nationalClaims.caseId })
      : await tx.delete(nationalClaims).where(same).returning({ caseId: nationalClaims.caseId });
    if (changed.length === 0) continue;
    if (status.held) moved++;
    else released++;
    await recordAccess(tx, {
      actor: by.actor,
      action: status.held ? 'national.claim.moved' : 'national.claim.released',
      target: { type: 'id-number-index', id: claim.idNumberIndex },
      origin: by.origin ?? { address: null, requestId: messageId },
      at,
      details: { holder, statusKey: claim.statusKey, caseId: claim.caseId, checkMessageId: messageId, ...(status.held ? { heldBy: status.caseId } : {}) },
    });
  }
  return { released, moved };
}

/** One province's claims older than the grace, checked with it in batches, oldest first. */
async function reconcileProvince(rt: RuntimeContext, by: Reconciler, province: typeof nationalProvinces.$inferSelect, before: Date): Promise<ProvinceReconciliation> {
  const outcome: ProvinceReconciliation = { province: province.code, name: province.name, checked: 0, released: 0, moved: 0, error: null };
  const claims = await rt.db
    .select()
    .from(nationalClaims)
    .where(and(eq(nationalClaims.holder, province.memberCode), lt(nationalClaims.claimedAt, before)))
    .orderBy(asc(nationalClaims.claimedAt));
  for (let start = 0; start < claims.length; start += CLAIM_CHECK_BATCH) {
    const asked = claims.slice(start, start + CLAIM_CHECK_BATCH).map(({ idNumberIndex, statusKey, caseId }) => ({ idNumberIndex, statusKey, caseId }));
    try {
      const changes = await rt.db.transaction(async (tx) => {
        const query = { client: province.nationalMemberCode, provider: province.memberCode, service: NATIONAL_CLAIM_CHECK, businessKey: `${province.code}-claims`, payload: { claims: asked } };
        const answer = await queryPeer(rt, tx, query);
        const result = ClaimCheckResult.safeParse(answer.result);
        if (!result.success) throw new PlatformError('EXCHANGE_RESPONSE_INVALID', { details: { provider: province.memberCode, service: NATIONAL_CLAIM_CHECK, reason: 'result' } });
        return applyAnswer(tx, by, province.memberCode, asked, result.data, rt.clock(), answer.request.messageId);
      });
      outcome.checked += asked.length;
      outcome.released += changes.released;
      outcome.moved += changes.moved;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      outcome.error = error.code;
      break;
    }
  }
  return outcome;
}

/**
 * At the national node: checks the claims held by each province against what the province's database
 * holds (`national.claim-check` over the exchange, every province at the same time) and mends what
 * differs. A claim its province no longer holds (taken for a step that then failed after the national
 * node granted it, so never released) is given up; one the province holds by another case is moved to
 * it. Each change is recorded in the national access log, as done `by` whoever asked. Claims younger
 * than `graceMs` are not asked about. A province that does not answer keeps its claims as they are and
 * is listed with the error.
 */
export async function reconcileClaims(rt: RuntimeContext, by: Reconciler = RECONCILER, graceMs = CLAIM_CHECK_GRACE_MS): Promise<ProvinceReconciliation[]> {
  const before = new Date(rt.clock().getTime() - graceMs);
  const provinces = await rt.db.select().from(nationalProvinces).orderBy(asc(nationalProvinces.code));
  return Promise.all(provinces.map((province) => reconcileProvince(rt, by, province, before)));
}
