import { and, eq } from 'drizzle-orm';
import { PlatformError, celHolds, type Actor, type CaseData, type Subscription } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases, outboxDeliveries } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, Cause, EmittedEvent, RuntimeContext } from '../runtime-context.ts';

/** Coordination may chain (an event cancels a case, which emits another event); this bounds the chain. */
const MAX_COORDINATION_DEPTH = 5;

/** What one subscriber did with one event, stored on its delivery row. */
interface DeliveryOutcome {
  stepped: string[];
  started: string[];
  declined: { caseId: string; code: string }[];
}

/** The system acting on a case on behalf of coordination. */
export function systemActor(orgUnit: string): Actor {
  return { id: 'system', name: '系统协同', role: 'system', post: null, orgUnit };
}

/** The data a declaration sends or opens a case with: its own `data`, and the payload's fields `fromPayload` copies. */
export function formFor(declared: { data?: CaseData; fromPayload?: Record<string, string> }, payload: Readonly<CaseData>): CaseData {
  const form: CaseData = { ...declared.data };
  for (const [from, to] of Object.entries(declared.fromPayload ?? {})) {
    if (payload[from] !== undefined) form[to] = payload[from];
  }
  return form;
}

/**
 * Sends `send` to one case as the system, in a savepoint; the refusal's code when it declines, null
 * when it stepped. A case not (or no longer) in a state that listens for the event is left alone and
 * declines with `TRANSITION_NOT_AVAILABLE`, so that a missed event (a claim under review when
 * recognition ends) shows; a refusal (its rules, its state or its roles say the event does not
 * apply) leaves the case exactly as it was. A conflict or a fault ends the whole step that sent it:
 * a race lost is run again whole by the caller's `retryLostRace`.
 */
export async function stepOrDecline(tx: Transaction, rt: RuntimeContext, target: CaseRow, send: string, form: CaseData, cause: Cause | null, depth?: number): Promise<string | null> {
  const published = await publishedDefinition(tx, rt.registry, target.definitionId);
  if (!published.definition.states[target.state]?.on[send]) return 'TRANSITION_NOT_AVAILABLE';
  try {
    await tx.transaction((savepoint) => rt.stepper.step(savepoint, rt, target, { event: { type: send, data: form }, actor: systemActor(target.orgUnitId), cause, ...(depth === undefined ? {} : { depth }) }));
    return null;
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'refusal') throw error;
    return error.code;
  }
}

async function sendToCases(tx: Transaction, rt: RuntimeContext, subscription: Subscription & { send: string }, event: EmittedEvent, cause: Cause, depth: number, outcome: DeliveryOutcome) {
  const targets = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, event.cityCode), eq(cases.subjectId, event.subjectId), eq(cases.processId, subscription.process), eq(cases.status, 'active')))
    .for('update');
  for (const target of targets) {
    const declined = await stepOrDecline(tx, rt, target, subscription.send, formFor(subscription, event.payload), cause, depth);
    if (declined === null) outcome.stepped.push(target.id);
    else outcome.declined.push({ caseId: target.id, code: declined });
  }
}

/**
 * Delivers a domain event to every subscription, in the emitting step's transaction: each
 * active case of the subscribed process for the same subject receives the subscription's
 * event from the system, or a new case is opened for it. A delivery row per (event,
 * subscriber) is claimed first, so redelivering an event changes nothing.
 */
export async function deliver(tx: Transaction, rt: RuntimeContext, event: EmittedEvent, cause: Cause, depth: number): Promise<number> {
  if (depth > MAX_COORDINATION_DEPTH) throw new PlatformError('INTERNAL_ERROR', { details: { coordination: 'chain too deep', outboxId: event.id } });
  let acted = 0;
  for (const subscription of rt.registry.subscriptionsTo(event.event)) {
    const subscriber = `${subscription.process}:${subscription.send ?? 'start'}`;
    const claimed = await tx
      .insert(outboxDeliveries)
      .values({ cityCode: event.cityCode, outboxId: event.id, subscriber, deliveredAt: rt.clock() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) continue;
    const outcome: DeliveryOutcome = { stepped: [], started: [], declined: [] };
    if (subscription.when === undefined || celHolds(subscription.when, { payload: event.payload })) {
      if (subscription.send !== undefined) {
        await sendToCases(tx, rt, { ...subscription, send: subscription.send }, event, cause, depth, outcome);
      } else {
        const opened = await rt.stepper.openOnEvent(tx, rt, { processId: subscription.process, event, data: formFor(subscription, event.payload), cause, depth });
        if (opened) outcome.started.push(opened.id);
      }
    }
    await tx
      .update(outboxDeliveries)
      .set({ outcome })
      .where(and(eq(outboxDeliveries.cityCode, event.cityCode), eq(outboxDeliveries.outboxId, event.id), eq(outboxDeliveries.subscriber, subscriber)));
    acted += outcome.stepped.length + outcome.started.length;
  }
  return acted;
}
