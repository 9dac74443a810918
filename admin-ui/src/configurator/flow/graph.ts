import type { Localized } from '../../api.ts';
import { elementTarget, locksOfState, locksOfTransition, transitionsUsingForm } from '../elements.ts';
import type { Definition, EffectiveLock } from '../types.ts';

/** A state as the flow draws it. */
export interface FlowState {
  id: string;
  title: Localized;
  initial: boolean;
  final: boolean;
  task: { role?: string | undefined; post?: string | undefined; slaWorkingDays?: number | undefined } | null;
  locks: EffectiveLock[];
  /** A problem (or another mark, e.g. a change) concerns this state. */
  marked: boolean;
}

/** An event as the flow draws it: an edge from its state to where it leads. */
export interface FlowTransition {
  /** `state.event`, unique in a definition. */
  id: string;
  source: string;
  target: string;
  title: Localized;
  roles: string[];
  form: { id: string; title: Localized } | null;
  locks: EffectiveLock[];
  marked: boolean;
}

export interface FlowGraph {
  states: FlowState[];
  transitions: FlowTransition[];
}

/**
 * The flow of a definition as states and events, each with the locks set on it and whether one
 * of `marks` (element paths, e.g. verification problems) concerns it. A mark on a form marks the
 * events that ask for that form.
 */
export function buildFlow(definition: Definition, locks: readonly EffectiveLock[], marks: readonly string[] = []): FlowGraph {
  const markedStates = new Set<string>();
  const markedTransitions = new Set<string>();
  for (const mark of marks) {
    const target = elementTarget(mark);
    if (target.kind === 'state') markedStates.add(target.state);
    else if (target.kind === 'transition') markedTransitions.add(`${target.state}.${target.event}`);
    else if (target.kind === 'form') transitionsUsingForm(definition, target.form).forEach((id) => markedTransitions.add(id));
  }
  const states = Object.entries(definition.states).map(([id, state]): FlowState => ({
    id,
    title: state.title,
    initial: id === definition.initial,
    final: state.type === 'final',
    task: state.task ?? null,
    locks: locksOfState(locks, id),
    marked: markedStates.has(id),
  }));
  const transitions = Object.entries(definition.states).flatMap(([source, state]) =>
    Object.entries(state.on).map(([event, transition]): FlowTransition => {
      const form = transition.form ? definition.forms[transition.form] : undefined;
      return {
        id: `${source}.${event}`,
        source,
        target: transition.target,
        title: transition.title,
        roles: transition.roles,
        form: form && transition.form ? { id: transition.form, title: form.title } : null,
        locks: locksOfTransition(locks, source, event),
        marked: markedTransitions.has(`${source}.${event}`),
      };
    }),
  );
  return { states, transitions };
}
