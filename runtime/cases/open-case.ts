import { randomUUID } from 'node:crypto';
import { chinaDate, start } from '../../engine/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { nextCaseNumber } from '../numbering/index.ts';
import { parametersInForce } from '../plugins/index.ts';
import type { CaseOpenInput, CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applyAndCoordinate } from './coordinate.ts';
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
