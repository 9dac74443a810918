import { useLocalized } from '../i18n.ts';
import type { Definition } from './types.ts';

/**
 * State and event titles in the reader's language, from the first of `definitions` that has them
 * (a state a draft adds is only in the draft's); the id itself when none has.
 */
export function useTitles(definitions: readonly Definition[]) {
  const l = useLocalized();
  const stateTitle = (id: string) => {
    const state = definitions.map((d) => d.states[id]).find(Boolean);
    return state ? l(state.title) : id;
  };
  const eventTitle = (name: string) => {
    const found = definitions.flatMap((d) => Object.values(d.states)).find((state) => state.on[name])?.on[name];
    return found ? l(found.title) : name;
  };
  return { stateTitle, eventTitle };
}
