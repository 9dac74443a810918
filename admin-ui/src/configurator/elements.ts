import type { Definition, EffectiveLock } from './types.ts';

/**
 * What a dotted element path points at in a definition. Locks, verification problems, diffs and
 * overlay operations all name elements this way, e.g. `states.submitted.on.approve.rules`.
 */
export type ElementTarget =
  | { kind: 'state'; state: string; rest: string[] }
  | { kind: 'transition'; state: string; event: string; rest: string[] }
  | { kind: 'form'; form: string; field: string | null; rest: string[] }
  | { kind: 'parameter'; parameter: string }
  | { kind: 'other'; path: string };

/** Reads an element path: a state, one of its events, a form (or one of its fields), a parameter. */
export function elementTarget(path: string): ElementTarget {
  const [root, id, ...rest] = path.split('.');
  if (root === 'states' && id) {
    if (rest[0] === 'on' && rest[1]) return { kind: 'transition', state: id, event: rest[1], rest: rest.slice(2) };
    return { kind: 'state', state: id, rest };
  }
  if (root === 'forms' && id) {
    const field = rest[0] === 'schema' && rest[1] === 'properties' && rest[2] ? rest[2] : null;
    return { kind: 'form', form: id, field, rest: field ? rest.slice(3) : rest };
  }
  if (root === 'parameters' && id) return { kind: 'parameter', parameter: id };
  return { kind: 'other', path };
}

/** The locks set on a state as a whole or on one of its parts other than its events. */
export function locksOfState(locks: readonly EffectiveLock[], state: string): EffectiveLock[] {
  return locks.filter((lock) => {
    const target = elementTarget(lock.element);
    return target.kind === 'state' && target.state === state;
  });
}

/** The locks on one event of a state (its rules, its separation of duties, the whole event). */
export function locksOfTransition(locks: readonly EffectiveLock[], state: string, event: string): EffectiveLock[] {
  return locks.filter((lock) => {
    const target = elementTarget(lock.element);
    return target.kind === 'transition' && target.state === state && target.event === event;
  });
}

/** The locks on a form: on the whole form or its required list (`field` null), or on one field. */
export function locksOfForm(locks: readonly EffectiveLock[], form: string): { formLevel: EffectiveLock[]; byField: Map<string, EffectiveLock[]> } {
  const formLevel: EffectiveLock[] = [];
  const byField = new Map<string, EffectiveLock[]>();
  for (const lock of locks) {
    const target = elementTarget(lock.element);
    if (target.kind !== 'form' || target.form !== form) continue;
    if (target.field) byField.set(target.field, [...(byField.get(target.field) ?? []), lock]);
    else formLevel.push(lock);
  }
  return { formLevel, byField };
}

/** The events whose form is `form`, as `state.event` ids, in definition order. */
export function transitionsUsingForm(definition: Definition, form: string): string[] {
  return Object.entries(definition.states).flatMap(([state, body]) =>
    Object.entries(body.on)
      .filter(([, transition]) => transition.form === form)
      .map(([event]) => `${state}.${event}`),
  );
}

/** What the flow view selects for an element: its state, its event, or the first event asking for its form. */
export type FlowSelection = { kind: 'state'; id: string } | { kind: 'transition'; id: string };

/** The flow element to select for an element path, if the flow shows one. */
export function selectionFor(path: string, definition: Definition): FlowSelection | null {
  const target = elementTarget(path);
  if (target.kind === 'state') return definition.states[target.state] ? { kind: 'state', id: target.state } : null;
  if (target.kind === 'transition') {
    return definition.states[target.state]?.on[target.event] ? { kind: 'transition', id: `${target.state}.${target.event}` } : null;
  }
  if (target.kind === 'form') {
    const [first] = transitionsUsingForm(definition, target.form);
    return first ? { kind: 'transition', id: first } : null;
  }
  return null;
}

/** The elements a province can lock for its cities: states and their parts, events and their rules, forms' required lists and fields, parameters. */
export function lockableElements(definition: Definition, parameters: readonly { id: string }[]): string[] {
  const states = Object.entries(definition.states).flatMap(([id, state]) => [
    `states.${id}`,
    `states.${id}.title`,
    ...(state.task ? [`states.${id}.task.slaWorkingDays`, `states.${id}.task.post`] : []),
    ...Object.keys(state.on).flatMap((event) => [`states.${id}.on.${event}`, `states.${id}.on.${event}.rules`]),
  ]);
  const forms = Object.entries(definition.forms).flatMap(([id, form]) => [
    `forms.${id}.schema.required`,
    ...Object.keys((form.schema['properties'] ?? {}) as Record<string, unknown>).map((field) => `forms.${id}.schema.properties.${field}`),
  ]);
  return [...states, ...forms, ...parameters.map((p) => `parameters.${p.id}`)];
}
