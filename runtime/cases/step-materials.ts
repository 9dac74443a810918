import { and, eq, isNull } from 'drizzle-orm';
import { PlatformError, type Definition, type MaterialDefinition } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { caseAttachments } from '../db/schema/index.ts';
import type { CaseRow } from '../runtime-context.ts';

/** The materials a step of a state declares; none for a step the state does not have. */
export function materialsOf(definition: Definition, state: string, event: string): MaterialDefinition[] {
  const transition = Object.hasOwn(definition.states[state]?.on ?? {}, event) ? definition.states[state]!.on[event] : undefined;
  return transition?.materials ?? [];
}

/** The attachments waiting for a step of the case's current state: uploaded for it, not withdrawn, not yet sent. */
function pendingFor(row: CaseRow, event: string) {
  return and(
    eq(caseAttachments.cityCode, row.cityCode),
    eq(caseAttachments.caseId, row.id),
    eq(caseAttachments.state, row.state),
    eq(caseAttachments.event, event),
    isNull(caseAttachments.eventSeq),
  )!;
}

/**
 * Refuses a step whose required materials are not all attached (MATERIALS_MISSING, naming them),
 * before anything of the step is written. Run on the case row locked for the step.
 */
export async function requireMaterials(tx: Executor, row: CaseRow, definition: Definition, event: string): Promise<void> {
  const required = materialsOf(definition, row.state, event).filter((m) => m.required);
  if (required.length === 0) return;
  const attached = await tx
    .selectDistinct({ material: caseAttachments.material })
    .from(caseAttachments)
    .where(and(pendingFor(row, event), isNull(caseAttachments.withdrawnAt)));
  const have = new Set(attached.map((a) => a.material));
  const missing = required.filter((m) => !have.has(m.code));
  if (missing.length > 0) throw new PlatformError('MATERIALS_MISSING', { details: { event, missing: missing.map((m) => ({ code: m.code, title: m.title })) } });
}

/** Ties the files uploaded for a step to its performance record (`seq`) once the step is sent, in its transaction. */
export async function bindMaterials(tx: Executor, row: CaseRow, event: string, seq: number): Promise<void> {
  await tx.update(caseAttachments).set({ eventSeq: seq }).where(pendingFor(row, event));
}
