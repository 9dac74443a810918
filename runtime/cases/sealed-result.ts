import type { Definition, Effect, StepResult } from '../../engine/index.ts';
import { personalFields, sealCaseData } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * What the engine decided, as the database keeps it: the fields the definition marks personal
 * (`x-personal`, a bank account number) encrypted in the case's data, its snapshot and the step's
 * performance record. The engine itself never sees a key.
 */
export function sealed<R extends Pick<StepResult, 'snapshot' | 'effects'>>(rt: RuntimeContext, definition: Definition, result: R): R {
  // The marks of the version the case is pinned to and of the ministry's current one: a case opened
  // before a field was marked personal keeps what is entered from then on encrypted too.
  const current = rt.registry.processes.get(definition.id)?.compiled.definition;
  const fields = new Set([...personalFields(definition), ...(current ? personalFields(current) : [])]);
  if (fields.size === 0) return result;
  const data = sealCaseData(rt.cipher, fields, result.snapshot.context.data);
  const effects = result.effects.map((effect): Effect => (effect.kind === 'record' ? { ...effect, record: { ...effect.record, data: sealCaseData(rt.cipher, fields, effect.record.data) } } : effect));
  return { ...result, snapshot: { ...result.snapshot, context: { ...result.snapshot.context, data } }, effects };
}
