import { chinaDate, start } from '../../engine/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import type { Transaction } from '../db/index.ts';
import { parametersInForce } from '../plugins/index.ts';
import type { CaseOpenInput, CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applyAndCoordinate } from './coordinate.ts';
import { insertCase } from './insert-case.ts';
import { sealed } from './sealed-result.ts';

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
  const inserted = await insertCase(tx, input, { snapshot: result.snapshot, status: result.status, version: 1, createdAt: now, updatedAt: now }, now);
  await applyAndCoordinate(tx, rt, inserted, result.effects, { actor: input.actor, now, calendarVersion: calendar.version, cause: input.cause }, (input.depth ?? 0) + 1);
  return inserted;
}
