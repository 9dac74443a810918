import { and, eq } from 'drizzle-orm';
import type { Effect } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { processesInForce, publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, Cause, EventOpenInput, RuntimeContext, StepContext, StepWriter } from '../runtime-context.ts';
import { deliver, systemActor } from './coordination.ts';
import { StepWrites } from './step-writes.ts';

/**
 * Applies a step's effects and delivers the domain events it emitted, all in the caller's
 * transaction; `writes` may already hold the case's own update, sent with the effects' writes.
 */
export async function applyAndCoordinate(tx: Transaction, rt: RuntimeContext, row: CaseRow, effects: readonly Effect[], context: StepContext, depth = 1, writes: StepWriter = new StepWrites(tx)): Promise<void> {
  const emitted = await rt.stepper.applyEffects(tx, rt, row, effects, context, writes);
  for (const event of emitted) {
    const cause: Cause = { event: event.event, caseId: row.id, caseNo: row.caseNo, processId: row.processId, outboxId: event.id };
    await deliver(tx, rt, event, cause, depth);
  }
}

/**
 * Opens the case a `start` subscription asks for (the prompt after an involuntary termination), by
 * the system at the source case's office, with the definition in force there; nothing when the
 * process is not in force there or the subject already has an active case of it.
 */
export async function openOnEvent(tx: Transaction, rt: RuntimeContext, { processId, event, data, cause, depth }: EventOpenInput): Promise<CaseRow | undefined> {
  const [source] = await tx.select().from(cases).where(and(eq(cases.cityCode, event.cityCode), eq(cases.id, cause.caseId))).limit(1);
  const [inForce] = source ? await processesInForce(tx, source.orgPath, processId) : [];
  if (!source || !inForce) return undefined;
  const [active] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.cityCode, event.cityCode), eq(cases.processId, processId), eq(cases.subjectId, event.subjectId), eq(cases.status, 'active')))
    .limit(1);
  // The person already has such a case: nothing to prompt.
  if (active) return undefined;
  const published = await publishedDefinition(tx, rt.registry, inForce.definitionId);
  const orgUnit = { id: source.orgUnitId, path: source.orgPath };
  return rt.stepper.open(tx, rt, { published, cityCode: event.cityCode, subjectId: event.subjectId, orgUnit, actor: systemActor(orgUnit.id), createdBy: null, data, cause, depth });
}
