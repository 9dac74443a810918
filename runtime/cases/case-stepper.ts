import type { CaseStepper } from '../runtime-context.ts';
import { applyEffects, type EffectHandlers } from './apply-effects.ts';
import { migrateInTransaction } from './case-migration.ts';
import { openOnEvent } from './coordinate.ts';
import { openInTransaction } from './open-case.ts';
import { deliverOutboxEvent } from './redeliver.ts';
import { rescheduleInTransaction, stepInTransaction } from './step-case.ts';

/**
 * The case transaction, with the effect handlers of every folder that owns some: built once when
 * the runtime context is (`createRuntimeContext`), so the cases folder applies the ledger's payments
 * without importing the ledger.
 */
export function createStepper(handlers: EffectHandlers): CaseStepper {
  return {
    open: openInTransaction,
    step: stepInTransaction,
    reschedule: rescheduleInTransaction,
    migrate: migrateInTransaction,
    applyEffects: (tx, row, effects, context, writes) => applyEffects(tx, handlers, row, effects, context, writes),
    openOnEvent,
    redeliver: deliverOutboxEvent,
  };
}
