import { chinaDate, migrate, type Actor } from '../../engine/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import type { Transaction } from '../db/index.ts';
import { parametersInForce, type PublishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { sealed } from './sealed-result.ts';
import { writeResult } from './step-case.ts';

/**
 * Moves a case, locked and checked by the caller, from the published version `from` onto `to` in the
 * caller's transaction, written as a step is: the engine's `migrate` counts the state's deadline again
 * from when the case entered it (calendar in force now, parameters in force on that day) and returns
 * the effects (old task closed, new task with the target's role, post and deadline, timers cancelled
 * and armed again, the `migrate` record), and `writeResult` raises the version and applies them.
 */
export async function migrateInTransaction(tx: Transaction, rt: RuntimeContext, row: CaseRow, from: PublishedDefinition, to: PublishedDefinition, actor: Actor): Promise<CaseRow> {
  const now = rt.clock();
  const calendar = await calendarInForce(tx, rt, row.orgPath);
  const parameters = await parametersInForce(tx, rt.registry, to.pluginId, row.orgPath, chinaDate(row.snapshot.context.enteredAt));
  const result = sealed(rt, to.definition, migrate(to.compiled, {
    snapshot: row.snapshot,
    source: from.definition,
    versions: { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version } },
    actor,
    now: now.toISOString(),
    calendar,
    parameters,
  }));
  return writeResult(tx, rt, row, result, { actor, now, calendarVersion: calendar.version, cause: null }, { depth: 1, moveTo: to });
}
