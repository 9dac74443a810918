import type { PluginRegistry } from '../plugins/index.ts';
import type { CaseStepper } from '../runtime-context.ts';
import { applyEffects, type EffectHandlers } from './apply-effects.ts';
import { migrateInTransaction } from './case-migration.ts';
import { openOnEvent } from './coordinate.ts';
import { importInTransaction } from './import-case.ts';
import { openInTransaction } from './open-case.ts';
import { deliverOutboxEvent } from './redeliver.ts';
import { rescheduleInTransaction, stepInTransaction } from './step-case.ts';

/**
 * The case transaction, with the effect handlers of every folder that owns some: built when the
 * runtime context is (`createRuntimeContext`), so the cases folder applies the ledger's payments
 * without importing the ledger. Some handlers check what the loaded packages declare (the subject's
 * statuses), so they are made for the registry a step runs with, once per registry (an installed
 * package replaces the registry).
 */
export function createStepper(handlersFor: (registry: PluginRegistry) => EffectHandlers): CaseStepper {
  const made = new WeakMap<PluginRegistry, EffectHandlers>();
  const handlers = (registry: PluginRegistry) => {
    let found = made.get(registry);
    if (!found) made.set(registry, (found = handlersFor(registry)));
    return found;
  };
  return {
    open: openInTransaction,
    step: stepInTransaction,
    reschedule: rescheduleInTransaction,
    migrate: migrateInTransaction,
    importCase: importInTransaction,
    applyEffects: (tx, rt, row, effects, context, writes) => applyEffects(tx, handlers(rt.registry), row, effects, context, writes),
    openOnEvent,
    redeliver: deliverOutboxEvent,
  };
}
