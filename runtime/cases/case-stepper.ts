import type { PluginRegistry } from '../plugins/index.ts';
import type { CaseProjection, CaseStepper } from '../runtime-context.ts';
import { applyEffects, type EffectHandlers } from './apply-effects.ts';
import { migrateInTransaction } from './case-migration.ts';
import { openOnEvent } from './coordinate.ts';
import { importInTransaction } from './import-case.ts';
import { openInTransaction } from './open-case.ts';
import { deliverOutboxEvent } from './redeliver.ts';
import { rescheduleInTransaction, stepInTransaction } from './step-case.ts';

/**
 * The case transaction, with the effect handlers of every folder that owns some and the
 * projections other folders keep of cases: built when the runtime context is
 * (`createRuntimeContext`), so the cases folder applies the ledger's payments and keeps the public
 * postings without importing either. Some handlers check what the loaded packages declare (the
 * subject's statuses, the published vacancy), so they are made for the registry a step runs with,
 * once per registry (an installed package replaces the registry).
 *
 * Every write of a case (opening, step, migration, import) applies its effects through
 * `applyEffects`, which then runs each projection on the case as written, before any event it
 * emitted is delivered: a case another delivery steps is projected again by that step.
 */
export function createStepper(handlersFor: (registry: PluginRegistry) => EffectHandlers, projectionsFor: (registry: PluginRegistry) => readonly CaseProjection[] = () => []): CaseStepper {
  const made = new WeakMap<PluginRegistry, { handlers: EffectHandlers; projections: readonly CaseProjection[] }>();
  const madeFor = (registry: PluginRegistry) => {
    let found = made.get(registry);
    if (!found) made.set(registry, (found = { handlers: handlersFor(registry), projections: projectionsFor(registry) }));
    return found;
  };
  return {
    open: openInTransaction,
    step: stepInTransaction,
    reschedule: rescheduleInTransaction,
    migrate: migrateInTransaction,
    importCase: importInTransaction,
    applyEffects: async (tx, rt, row, effects, context, writes) => {
      const { handlers, projections } = madeFor(rt.registry);
      const emitted = await applyEffects(tx, handlers, row, effects, context, writes);
      for (const project of projections) await project(tx, row, context);
      return emitted;
    },
    openOnEvent,
    redeliver: deliverOutboxEvent,
  };
}
