import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate, readsFacts, reschedule, start, step, type Actor, type CaseData, type Definition, type Effect, type StepResult } from '../../engine/index.ts';
import { calendarAt, calendarInForce } from '../calendar/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases, outbox } from '../db/schema/index.ts';
import { parametersInForce, processesInForce, publishedDefinition, type PublishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { applyEffects, type Cause, type StepContext } from './apply-effects.ts';
import { deliver, systemActor, type CaseOperations } from './coordination.ts';
import { moveTask, moveTimer } from './deadline-moves.ts';
import { lookUpFacts } from './facts.ts';
import { nextCaseNumber } from '../numbering/index.ts';
import { personalFields, sealCaseData } from '../privacy/index.ts';

export type CaseRow = typeof cases.$inferSelect;

/**
 * What the engine decided, as the database keeps it: the fields the definition marks personal
 * (`x-personal`, a bank account number) encrypted in the case's data, its snapshot and the step's
 * performance record. The engine itself never sees a key.
 */
function sealed<R extends Pick<StepResult, 'snapshot' | 'effects'>>(rt: RuntimeContext, definition: Definition, result: R): R {
  // The marks of the version the case is pinned to and of the ministry's current one: a case opened
  // before a field was marked personal keeps what is entered from then on encrypted too.
  const current = rt.registry.processes.get(definition.id)?.compiled.definition;
  const fields = new Set([...personalFields(definition), ...(current ? personalFields(current) : [])]);
  if (fields.size === 0) return result;
  const data = sealCaseData(rt.cipher, fields, result.snapshot.context.data);
  const effects = result.effects.map((effect): Effect => (effect.kind === 'record' ? { ...effect, record: { ...effect.record, data: sealCaseData(rt.cipher, fields, effect.record.data) } } : effect));
  return { ...result, snapshot: { ...result.snapshot, context: { ...result.snapshot.context, data } }, effects };
}

/** One step of one case inside a transaction the caller owns. */
export interface CaseStepInput {
  event: { type: string; data?: CaseData };
  actor: Actor;
  cause: Cause | null;
  depth?: number;
}

/** A new case: which definition, about whom, at which org unit, opened by whom. */
export interface CaseOpenInput {
  published: PublishedDefinition;
  cityCode: string;
  subjectId: string;
  orgUnit: { id: string; path: string };
  actor: Actor;
  /** The user who opened it; null when the system did. */
  createdBy: string | null;
  data?: CaseData;
  cause: Cause | null;
  depth?: number;
}

/** Coordination's handle on cases, bound to the functions below. */
function operations(rt: RuntimeContext): CaseOperations {
  return {
    step: (tx, row, input) => stepInTransaction(tx, rt, row, input),
    open: async (tx, { processId, event, data, cause, depth }) => {
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
      return openInTransaction(tx, rt, { published, cityCode: event.cityCode, subjectId: event.subjectId, orgUnit, actor: systemActor(orgUnit.id), createdBy: null, data, cause, depth });
    },
  };
}

/**
 * Opens a case in the caller's transaction: its number, the pinned definition version, the
 * initial snapshot and the effects of starting it (record, first task, timers).
 */
export async function openInTransaction(tx: Transaction, rt: RuntimeContext, input: CaseOpenInput): Promise<CaseRow> {
  const { definition, compiled } = input.published;
  const now = rt.clock();
  const calendar = await calendarInForce(tx, rt, input.orgUnit.path);
  const result = sealed(rt, definition, start(compiled, {
    actor: input.actor,
    now: now.toISOString(),
    calendar,
    data: input.data ?? {},
    parameters: await parametersInForce(tx, rt.registry, input.published.pluginId, input.orgUnit.path, chinaDate(now)),
  }));
  const [inserted] = await tx
    .insert(cases)
    .values({
      cityCode: input.cityCode,
      id: randomUUID(),
      caseNo: await nextCaseNumber(tx, input.cityCode, definition.id, chinaDate(now).slice(0, 4)),
      processId: definition.id,
      definitionId: input.published.id,
      pluginId: input.published.pluginId,
      pluginVersion: input.published.pluginVersion,
      subjectType: definition.subject,
      subjectId: input.subjectId,
      orgUnitId: input.orgUnit.id,
      orgPath: input.orgUnit.path,
      state: result.snapshot.state,
      status: result.status,
      exclusive: definition.oneActivePerSubject,
      snapshot: result.snapshot,
      data: result.snapshot.context.data,
      version: 1,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await applyAndCoordinate(tx, rt, inserted!, result.effects, { actor: input.actor, now, calendarVersion: calendar.version, cause: input.cause }, (input.depth ?? 0) + 1);
  return inserted!;
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
  const facts = readsFacts(published.compiled, row.state, input.event.type) ? await lookUpFacts(tx, row, form) : null;
  const calendar = await calendarInForce(tx, rt, row.orgPath);
  const result = sealed(rt, published.definition, step(published.compiled, {
    snapshot: row.snapshot,
    event: input.event,
    actor: input.actor,
    now: now.toISOString(),
    calendar,
    facts: facts ?? {},
    parameters: await parametersInForce(tx, rt.registry, row.pluginId, row.orgPath, chinaDate(now)),
  }));
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
  await applyAndCoordinate(tx, rt, updated, result.effects, { actor: input.actor, now, calendarVersion: calendar.version, cause: input.cause, facts }, (input.depth ?? 0) + 1);
  return updated;
}

/**
 * Counts the deadlines of a locked case's current state again with the calendar of
 * `calendarVersion` (the one now in force), in the caller's transaction: the snapshot takes the
 * new SLA deadline, and tasks and timers that differ move, each move recorded. The case's version
 * is not raised: its state and data are as they were, so a caseworker's pending step stays valid.
 * Returns how many deadlines moved.
 */
export async function rescheduleInTransaction(tx: Transaction, rt: RuntimeContext, row: CaseRow, calendarVersion: number): Promise<number> {
  const published = await publishedDefinition(tx, rt.registry, row.definitionId);
  const calendar = await calendarAt(tx, rt, calendarVersion, row.orgPath);
  const context = row.snapshot.context;
  const parameters = await parametersInForce(tx, rt.registry, row.pluginId, row.orgPath, chinaDate(context.enteredAt));
  const result = reschedule(published.compiled, { snapshot: row.snapshot, calendar, parameters });
  const next = result.snapshot.context;
  if (next.dueAt !== context.dueAt || next.dueProvisional !== (context.dueProvisional ?? false)) {
    await tx.update(cases).set({ snapshot: result.snapshot }).where(and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id), eq(cases.version, row.version)));
  }
  const now = rt.clock();
  let moved = 0;
  for (const effect of result.effects) {
    const move = { now, calendarVersion: calendar.version };
    if (effect.kind === 'task.reschedule' ? await moveTask(tx, row, effect, move) : await moveTimer(tx, row, effect, move)) moved++;
  }
  return moved;
}

/** Applies a step's effects and delivers the domain events it emitted, all in the caller's transaction. */
export async function applyAndCoordinate(tx: Transaction, rt: RuntimeContext, row: CaseRow, effects: readonly Effect[], context: StepContext, depth = 1): Promise<void> {
  const emitted = await applyEffects(tx, row, effects, context);
  for (const event of emitted) {
    const cause: Cause = { event: event.event, caseId: row.id, caseNo: row.caseNo, processId: row.processId, outboxId: event.id };
    await deliver(tx, rt, operations(rt), event, cause, depth);
  }
}

/**
 * Delivers one outbox event again, by id: what a retry or a recovery worker calls. Because
 * every delivery is claimed first, an event already delivered changes nothing. Returns the
 * number of cases stepped or opened.
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
  const emitted = { id: event.id, cityCode, event: event.event, subjectId: event.subjectId, payload: event.payload };
  return deliver(tx, rt, operations(rt), emitted, cause, 1);
}
