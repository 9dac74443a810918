import { chinaDate, importCase } from '../../engine/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import type { Transaction } from '../db/index.ts';
import { parametersInForce } from '../plugins/index.ts';
import type { CaseImportInput, CaseRow, RuntimeContext, StepContext } from '../runtime-context.ts';
import { insertCase } from './insert-case.ts';
import { sealed } from './sealed-result.ts';
import { StepWrites } from './step-writes.ts';

/**
 * Writes a case brought in from a city's earlier system, in the caller's transaction: the engine's
 * `importCase` builds the snapshot at the state its history reached, the case is pinned to the
 * published version given and marked with the import (created on its first date, closed on its last
 * when that state is final), and the effects are applied as a step's are: one performance record
 * per history entry (each its own sequence, marked with the import), the subject's statuses (a
 * nationwide one taken in `nationwide_statuses`, refused when another city holds it) and the state's
 * event timers counted from now. No coordination follows: the history happened elsewhere.
 */
export async function importInTransaction(tx: Transaction, rt: RuntimeContext, input: CaseImportInput): Promise<CaseRow> {
  const { definition, compiled } = input.published;
  const now = rt.clock();
  const calendar = await calendarInForce(tx, rt, input.orgUnit.path);
  const result = sealed(rt, definition, importCase(compiled, {
    history: input.history,
    statuses: input.statuses,
    actor: input.actor,
    now: now.toISOString(),
    calendar,
    parameters: await parametersInForce(tx, rt.registry, input.published.pluginId, input.orgUnit.path, chinaDate(now)),
  }));
  const first = new Date(input.history[0]!.at);
  const last = new Date(input.history[input.history.length - 1]!.at);
  const row = await insertCase(
    tx,
    input,
    { snapshot: result.snapshot, status: result.status, version: input.history.length, createdAt: first, updatedAt: now, closedAt: result.status === 'final' ? last : null, importedFrom: input.importId },
    now,
  );
  const context: StepContext = { actor: input.actor, now, calendarVersion: calendar.version, cause: null, importedFrom: input.importId };
  const writes = new StepWrites(tx);
  const records = result.effects.filter((effect) => effect.kind === 'record');
  // Each record's sequence is the case version it stands for, as a step's is.
  for (const [i, record] of records.entries()) await rt.stepper.applyEffects(tx, rt, { ...row, version: i + 1 }, [record], context, writes);
  await rt.stepper.applyEffects(tx, rt, row, result.effects.filter((effect) => effect.kind !== 'record'), context, writes);
  return row;
}
