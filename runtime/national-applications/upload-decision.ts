import { and, eq } from 'drizzle-orm';
import { MIGRATE_EVENT, PlatformError } from '../../engine/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { caseEvents, orgUnits } from '../db/schema/index.ts';
import { sendMessage, serviceRoute, type ExchangeContext, type ServiceRoute } from '../exchange/index.ts';
import { applicantEvents, phaseOf, type ApplicationPhase } from '../online-applications/index.ts';
import { publishedDefinition, type PluginRegistry } from '../plugins/index.ts';
import { openCaseData } from '../privacy/index.ts';
import type { CaseProjection } from '../runtime-context.ts';
import { NATIONAL_APPLICATIONS, NATIONAL_DECISIONS, type DecisionResult, type NationalDecision } from './national-messages.ts';

/**
 * The city's wiring to the national platform: the route of `national.applications` for the city
 * (`exchange_services`), naming the city's member that downloads and answers (`client`) and the
 * platform's member (`provider`). Undefined for a city not wired.
 */
export function nationalRoute(db: Executor, cityCode: string): Promise<ServiceRoute | undefined> {
  return serviceRoute(db, cityCode, NATIONAL_APPLICATIONS);
}

/**
 * Uploads an answer to the national platform (审核结果上传): one signed `national.decisions` message
 * in the outbox, in the caller's transaction, so it exists exactly when what it reports committed;
 * the exchange delivers it with its retries until the platform acknowledges it.
 */
export async function uploadDecision(ctx: ExchangeContext, tx: Transaction, route: ServiceRoute, decision: NationalDecision): Promise<void> {
  await sendMessage(ctx, { sender: route.client, receiver: route.provider, service: NATIONAL_DECISIONS, businessKey: decision.applicationNo, payload: decision }, tx);
}

/** The phases an application waits for the office in, and those its decisions leave it in. */
const UNDECIDED: readonly ApplicationPhase[] = ['review', 'notice'];

/**
 * Uploads the office's decision on a case opened for a national application (a projection the case
 * transaction runs after every write): when the step just recorded moved the case from waiting for
 * the office (or back with the applicant) to a decision — approved, rejected, returned for
 * correction or cancelled, in the applicant's terms of `phaseOf` — the decision goes to the platform
 * in the step's transaction. A city whose route was removed meanwhile cannot decide such a case
 * (`EXCHANGE_PEER_UNAVAILABLE`, the step refused, nothing written), so no decision is lost.
 */
export function nationalDecisionProjection(registry: PluginRegistry, ctx: ExchangeContext): CaseProjection {
  return async (tx, row) => {
    if (row.nationalApplicationNo === null) return;
    const [record] = await tx.select().from(caseEvents).where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id), eq(caseEvents.seq, row.version)));
    if (!record?.fromState || record.fromState === record.toState || record.event === MIGRATE_EVENT || record.actorRole === 'applicant') return;
    const { definition } = await publishedDefinition(tx, registry, row.definitionId);
    const before = phaseOf(definition, { state: record.fromState, status: 'active' }, applicantEvents(definition, record.fromState).length > 0);
    const after = phaseOf(definition, row, applicantEvents(definition, row.state).length > 0);
    if (UNDECIDED.includes(after) || !(UNDECIDED.includes(before) || before === 'returned')) return;
    const route = await nationalRoute(tx, row.cityCode);
    if (!route) throw new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { service: NATIONAL_DECISIONS, reason: 'no national platform configured for the city' } });
    const [office] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId));
    const step = definition.states[record.fromState]?.on[record.event];
    await uploadDecision(ctx, tx, route, {
      applicationNo: row.nationalApplicationNo,
      result: after as DecisionResult,
      reason: after === 'approved' ? null : { code: record.event, message: step?.title ?? { 'zh-CN': record.event, en: record.event }, details: { fields: openCaseData(ctx.cipher, record.data, true) } },
      decidedAt: record.leftAt.toISOString(),
      office: { id: row.orgUnitId, name: office?.name ?? '' },
      caseNo: row.caseNo,
    });
  };
}
