import type { Effect } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import type { CaseRow, EmittedEvent, StepContext, StepWriter } from '../runtime-context.ts';

/**
 * How one kind of effect is applied in the step's transaction: `write` gathers plain writes into the
 * step's one statement (`StepWrites`); `apply` runs on its own, for an effect that reads, needs a
 * result back or returns the event it wrote to the outbox.
 */
export type EffectHandler<E extends Effect> =
  | { write: (writes: StepWriter, row: CaseRow, effect: E, context: StepContext) => void | Promise<void> }
  | { apply: (tx: Transaction, row: CaseRow, effect: E, context: StepContext) => Promise<EmittedEvent | void> };

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
 * kind. Plain writes are gathered into `writes`; an effect applied on its own first sends what was
 * gathered, so it sees every earlier write, and the rest is sent at the end. Returns the emitted
 * events so coordination can deliver them in the same transaction.
 */
export async function applyEffects(tx: Transaction, handlers: EffectHandlers, row: CaseRow, effects: readonly Effect[], context: StepContext, writes: StepWriter): Promise<EmittedEvent[]> {
  const emitted: EmittedEvent[] = [];
  for (const effect of effects) {
    const handler = handlerOf(handlers, effect.kind);
    if ('write' in handler) {
      await handler.write(writes, row, effect, context);
      continue;
    }
    await writes.flush();
    const event = await handler.apply(tx, row, effect, context);
    if (event) emitted.push(event);
  }
  await writes.flush();
  return emitted;
}
