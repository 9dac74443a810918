import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { LocalizedText } from '../../engine/index.ts';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { caseEvents, cases, outbox, outboxDeliveries } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { getCaseRow } from './case-service.ts';
import { domainEventTitle } from './domain-event-title.ts';

/** One case linked to another by coordination, as the case page lists it. */
export interface CaseLink {
  /** `caused-by`: a domain event of the other case stepped or opened this one; `caused`: the other way round. */
  direction: 'caused-by' | 'caused';
  /** The domain event that linked the two, e.g. `employment.registered`. */
  event: string;
  /** The title of the step that emitted the event, in the emitting case; null when no step declares it. */
  eventTitle: LocalizedText | null;
  /** What the event did to the case on the receiving end: opened it, or moved it a step. */
  effect: 'started' | 'stepped';
  caseId: string;
  caseNo: string;
  processTitle: LocalizedText;
  /** The linked case's current state. */
  stateTitle: LocalizedText;
  at: string;
}

interface PendingLink {
  direction: CaseLink['direction'];
  event: string;
  effect: CaseLink['effect'];
  caseId: string;
  at: Date;
}

/** Steps of this case that coordination took, each with the case whose domain event caused it. */
async function causedBy(rt: RuntimeContext, row: { cityCode: string; id: string }): Promise<PendingLink[]> {
  const steps = await rt.db
    .select({ from: caseEvents.fromState, cause: caseEvents.cause, at: caseEvents.leftAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id), isNotNull(caseEvents.cause)))
    .orderBy(asc(caseEvents.seq));
  return steps.flatMap(({ from, cause, at }) => (cause ? [{ direction: 'caused-by' as const, event: cause.event, effect: from === null ? ('started' as const) : ('stepped' as const), caseId: cause.caseId, at }] : []));
}

/** Cases this case's domain events stepped or opened, read from the delivery outcomes of its outbox events. */
async function caused(rt: RuntimeContext, row: { cityCode: string; id: string }): Promise<PendingLink[]> {
  const deliveries = await rt.db
    .select({ event: outbox.event, outcome: outboxDeliveries.outcome, at: outboxDeliveries.deliveredAt })
    .from(outbox)
    .innerJoin(outboxDeliveries, and(eq(outboxDeliveries.cityCode, outbox.cityCode), eq(outboxDeliveries.outboxId, outbox.id)))
    .where(and(eq(outbox.cityCode, row.cityCode), eq(outbox.caseId, row.id)))
    .orderBy(asc(outbox.id), asc(outboxDeliveries.subscriber));
  return deliveries.flatMap(({ event, outcome, at }) => [
    ...(outcome?.started ?? []).map((caseId) => ({ direction: 'caused' as const, event, effect: 'started' as const, caseId, at })),
    ...(outcome?.stepped ?? []).map((caseId) => ({ direction: 'caused' as const, event, effect: 'stepped' as const, caseId, at })),
  ]);
}

/**
 * The cases linked to a case by coordination, both ways: those whose domain events stepped or
 * opened it, and those its own events stepped or opened, oldest first. A linked case outside
 * the user's org subtree is left out, as every list leaves it out.
 */
export async function linkedCases(rt: RuntimeContext, user: SessionUser, id: string): Promise<{ items: CaseLink[] }> {
  const row = await getCaseRow(rt, user, id);
  const pending = [...(await causedBy(rt, row)), ...(await caused(rt, row))].sort((a, b) => a.at.getTime() - b.at.getTime());
  const ids = [...new Set(pending.map((link) => link.caseId))];
  const visible = ids.length === 0 ? [] : await rt.db.select().from(cases).where(and(eq(cases.cityCode, row.cityCode), inArray(cases.id, ids), inSubtree(cases.orgPath, user)));
  const byId = new Map(visible.map((linked) => [linked.id, linked]));
  const own = (await publishedDefinition(rt.db, rt.registry, row.definitionId)).definition;
  const items: CaseLink[] = [];
  for (const link of pending) {
    const linked = byId.get(link.caseId);
    if (!linked) continue;
    const { definition } = await publishedDefinition(rt.db, rt.registry, linked.definitionId);
    items.push({
      direction: link.direction,
      event: link.event,
      eventTitle: domainEventTitle(link.direction === 'caused-by' ? definition : own, link.event),
      effect: link.effect,
      caseId: linked.id,
      caseNo: linked.caseNo,
      processTitle: definition.title,
      stateTitle: definition.states[linked.state]?.title ?? { 'zh-CN': linked.state, en: linked.state },
      at: link.at.toISOString(),
    });
  }
  return { items };
}
