import { and, eq } from 'drizzle-orm';
import { PlatformError, chinaDate, factsRead, reschedule, step, type StepResult } from '../../engine/index.ts';
import { calendarAt, calendarInForce } from '../calendar/index.ts';
import { codeExists } from '../code-tables/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { parametersInForce, publishedDefinition, type PublishedDefinition } from '../plugins/index.ts';
import type { CaseRow, CaseStepInput, RuntimeContext, StepContext } from '../runtime-context.ts';
import { applyAndCoordinate } from './coordinate.ts';
import { moveTask, moveTimer } from './deadline-moves.ts';
import { lookUpFacts } from './facts.ts';
import { sealed } from './sealed-result.ts';
import { StepWrites } from './step-writes.ts';

/**
 * Runs the pure engine step for a case and writes everything it decided in the caller's
 * transaction (see `writeResult`).
 */
export async function stepInTransaction(tx: Transaction, rt: RuntimeContext, row: CaseRow, input: CaseStepInput): Promise<CaseRow> {
  const published = await publishedDefinition(tx, rt.registry, row.definitionId);
  const form = input.event.data ?? {};
  const now = rt.clock();
  const read = factsRead(published.compiled, row.state, input.event.type);
  const facts = read.length > 0 ? await lookUpFacts(rt, tx, row, form, published.definition.facts, read, rt.registry.statuses) : null;
  const calendar = await calendarInForce(tx, rt, row.orgPath);
  const result = sealed(rt, published.definition, step(published.compiled, {
    snapshot: row.snapshot,
    event: input.event,
    actor: input.actor,
    now: now.toISOString(),
    calendar,
    facts: facts ?? {},
    parameters: await parametersInForce(tx, rt.registry, row.pluginId, row.orgPath, chinaDate(now)),
    codes: codeExists,
  }));
  return writeResult(tx, rt, row, result, { actor: input.actor, now, calendarVersion: calendar.version, cause: input.cause, facts, claim: input.claim ?? null }, { depth: (input.depth ?? 0) + 1 });
}

/**
 * Writes what the engine decided for a case read under its row lock, in the caller's transaction:
 * the snapshot with the version raised (guarded by the version read, so a concurrent writer makes
 * this fail with 409), then the effects and the coordination they trigger. A step and a migration
 * (which also pins the case to the published version `moveTo`) both write a case through here.
 */
export async function writeResult(tx: Transaction, rt: RuntimeContext, row: CaseRow, result: StepResult, context: StepContext, options: { depth: number; moveTo?: PublishedDefinition }): Promise<CaseRow> {
  const { now } = context;
  const changes = {
    ...(options.moveTo ? { definitionId: options.moveTo.id, pluginVersion: options.moveTo.pluginVersion } : {}),
    state: result.snapshot.state,
    status: result.status,
    snapshot: result.snapshot,
    data: result.snapshot.context.data,
    version: row.version + 1,
    updatedAt: now,
    closedAt: result.status === 'final' ? now : null,
  };
  // Sent with the effects' own writes, as one statement.
  const writes = new StepWrites(tx);
  await writes.update(cases, changes, and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id), eq(cases.version, row.version))!, (updated) => {
    if (updated === 0) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId: row.id, version: row.version } });
  });
  const updated: CaseRow = { ...row, ...changes };
  await applyAndCoordinate(tx, rt, updated, result.effects, context, options.depth, writes);
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
