import type { Definition, LocalizedText } from '../../engine/index.ts';

/**
 * A domain event as a person reads it: the title of the step that emits it in the emitting
 * case's definition (`employment.terminated` → 终止就业); null when no step declares it (a plugin
 * action may emit without saying so in the definition).
 */
export function domainEventTitle(definition: Definition, event: string): LocalizedText | null {
  for (const state of Object.values(definition.states)) {
    for (const transition of Object.values(state.on)) {
      if (transition.actions.some((action) => action.type === 'emit' && action.params?.['event'] === event)) return transition.title;
    }
  }
  return null;
}
