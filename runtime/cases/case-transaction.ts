import { and, eq } from 'drizzle-orm';
import { PlatformError, chinaDate, readsFacts, step, type Actor, type CaseData, type Effect } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases, outbox, outboxDeliveries } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { applyEffects, type Cause, type EmittedEvent, type StepContext } from './apply-effects.ts';
import { publishedDefinition } from './definition-cache.ts';
import { lookUpFacts } from './facts.ts';

export type CaseRow = typeof cases.$inferSelect;

/** Coordination may chain (an event cancels a case, which emits another event); this bounds the chain. */
const MAX_COORDINATION_DEPTH = 5;

/** One step of one case inside a transaction the caller owns. */
export interface CaseStepInput {
  event: { type: string; data?: CaseData };
  actor: Actor;
  cause: Cause | null;
  depth?: number;
}

/**
 * Runs the pure engine step for a case and writes everything it decided in the caller's
 * transaction: the snapshot with a bumped version (guarded by the version read, so a
 * concurrent step makes this one fail with 409), the effects, and the coordination that
 * the emitted domain events trigger.
 */
export async function stepInTransaction(tx: Transaction, rt: RuntimeContext, row: CaseRow, input: CaseStepInput): Promise<CaseRow> {
  const published = await publishedDefinition(tx, rt.registry, row.definitionId);
  const form = input.event.data ?? {};
  const now = rt.clock();
  const result = step(published.compiled, {
    snapshot: row.snapshot,
    event: input.event,
    actor: input.actor,
    now: now.toISOString(),
    facts: readsFacts(published.compiled, row.state, input.event.type) ? await lookUpFacts(tx, row, form) : {},
    parameters: rt.registry.parameters(row.pluginId, chinaDate(now)),
  });
  const [updated] = await tx
    .update(cases)
    .set({
      state: result.snapshot.state,
      status: result.status,
      snapshot: result.snapshot,
      data: result.snapshot.context.data,
      version: row.version + 1,
      updatedAt: now,
      closedAt: result.status === 'final' ? now : null,
    })
    .where(and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id), eq(cases.version, row.version)))
    .returning();
  if (!updated) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId: row.id, version: row.version } });
  await applyAndCoordinate(tx, rt, updated, result.effects, { actor: input.actor, now, cause: input.cause }, (input.depth ?? 0) + 1);
  return updated;
}

/** Applies a step's effects and delivers the domain events it emitted, all in the caller's transaction. */
export async function applyAndCoordinate(tx: Transaction, rt: RuntimeContext, row: CaseRow, effects: readonly Effect[], context: StepContext, depth = 1): Promise<void> {
  const emitted = await applyEffects(tx, row, effects, context);
  for (const event of emitted) {
    const cause: Cause = { event: event.event, caseId: row.id, caseNo: row.caseNo, processId: row.processId, outboxId: event.id };
    await deliver(tx, rt, event, cause, depth);
  }
}

/**
 * Delivers one outbox event again, by id: what a retry or a recovery worker calls. Because
 * every delivery is claimed first, an event already delivered changes nothing.
 */
export async function deliverOutboxEvent(tx: Transaction, rt: RuntimeContext, cityCode: string, outboxId: number): Promise<number> {
  const [found] = await tx
    .select({ event: outbox, caseNo: cases.caseNo, processId: cases.processId })
    .from(outbox)
    .innerJoin(cases, and(eq(cases.cityCode, outbox.cityCode), eq(cases.id, outbox.caseId)))
    .where(and(eq(outbox.cityCode, cityCode), eq(outbox.id, outboxId)))
    .limit(1);
  if (!found) throw new PlatformError('NOT_FOUND', { details: { outboxId } });
  const { event } = found;
  const cause: Cause = { event: event.event, caseId: event.caseId, caseNo: found.caseNo, processId: found.processId, outboxId };
  return deliver(tx, rt, { id: event.id, cityCode, event: event.event, subjectId: event.subjectId }, cause, 1);
}

/**
 * Delivers an outbox event to every subscription: each active case of the subscribed process
 * for the same subject receives the subscription's event from the system. A delivery row per
 * (event, subscriber) is claimed first, so redelivery changes nothing. Returns the cases stepped.
 */
async function deliver(tx: Transaction, rt: RuntimeContext, event: EmittedEvent, cause: Cause, depth: number): Promise<number> {
  if (depth > MAX_COORDINATION_DEPTH) throw new PlatformError('INTERNAL_ERROR', { details: { coordination: 'chain too deep', outboxId: event.id } });
  let stepped = 0;
  for (const subscription of rt.registry.subscriptionsTo(event.event)) {
    if (subscription.send === undefined) continue;
    const claimed = await tx
      .insert(outboxDeliveries)
      .values({ cityCode: event.cityCode, outboxId: event.id, subscriber: `${subscription.process}:${subscription.send}`, deliveredAt: rt.clock() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) continue;
    const targets = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.cityCode, event.cityCode), eq(cases.subjectId, event.subjectId), eq(cases.processId, subscription.process), eq(cases.status, 'active')))
      .for('update');
    for (const target of targets) {
      const published = await publishedDefinition(tx, rt.registry, target.definitionId);
      // A case not yet (or no longer) in a state that listens for the event is left alone.
      if (!published.definition.states[target.state]?.on[subscription.send]) continue;
      const actor: Actor = { id: 'system', name: '系统协同', role: 'system', post: null, orgUnit: target.orgUnitId };
      await stepInTransaction(tx, rt, target, { event: { type: subscription.send, data: { ...subscription.data } }, actor, cause, depth });
      stepped++;
    }
  }
  return stepped;
}
