import type { Effect } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import type { CaseRow, EmittedEvent, StepContext } from '../runtime-context.ts';

/** Applies one kind of effect in the step's transaction; an `emit` returns the event it wrote to the outbox. */
export type EffectHandler<E extends Effect> = (tx: Transaction, row: CaseRow, effect: E, context: StepContext) => Promise<EmittedEvent | void>;

/**
 * A handler for every kind of effect the engine returns, assembled at start-up from the folders
 * that own them (the case's own in `case-effects.ts`, the ledger's payment): a kind without one
 * does not compile.
 */
export type EffectHandlers = { [K in Effect['kind']]: EffectHandler<Extract<Effect, { kind: K }>> };

/** The handler of one kind, typed for the effects of that kind. */
function handlerOf<K extends Effect['kind']>(handlers: EffectHandlers, kind: K): EffectHandler<Extract<Effect, { kind: K }>> {
  return handlers[kind];
}

/**
 * Applies a step's effects in order inside the step's transaction, each by the handler of its
 * kind. Returns the emitted events so coordination can deliver them in the same transaction.
 */
export async function applyEffects(tx: Transaction, handlers: EffectHandlers, row: CaseRow, effects: readonly Effect[], context: StepContext): Promise<EmittedEvent[]> {
  const emitted: EmittedEvent[] = [];
  for (const effect of effects) {
    const event = await handlerOf(handlers, effect.kind)(tx, row, effect, context);
    if (event) emitted.push(event);
  }
  return emitted;
}
