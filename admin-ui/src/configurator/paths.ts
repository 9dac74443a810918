import type { Localized } from '../api.ts';
import { elementTarget } from './elements.ts';
import type { Definition } from './types.ts';

/** One step of an element path as a person reads it: a named part of the process, or a property. */
export type PathSegment =
  | { kind: 'state' | 'event' | 'form' | 'field' | 'parameter'; id: string; title: Localized | null }
  | { kind: 'key'; key: string };

/** Path parts that only say where the next name lives. */
const STRUCTURAL = new Set(['on', 'schema', 'properties']);

type Schema = Record<string, unknown>;

/** A `{ 'zh-CN', en }` pair, as the API sends titles. */
export function isLocalizedPair(value: unknown): value is { 'zh-CN': string; en: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'zh-CN';
}

/** A field's title pair from its JSON Schema: zh-CN `title`, English from `x-i18n.en`. */
export function fieldTitle(schema: Schema | undefined): Localized | null {
  if (!schema || typeof schema['title'] !== 'string') return null;
  const i18n = schema['x-i18n'] as { en?: unknown } | undefined;
  return { 'zh-CN': schema['title'], en: typeof i18n?.en === 'string' ? i18n.en : schema['title'] };
}

function firstOf<T>(definitions: readonly Definition[], pick: (definition: Definition) => T | undefined): T | undefined {
  for (const definition of definitions) {
    const found = pick(definition);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * An element path (`states.submitted.task.slaWorkingDays`, `forms.registration.schema.properties.phone`)
 * as named steps: states, events, forms and fields with their titles from the first of
 * `definitions` that has them (a state the draft adds is only in the draft's), parameters with
 * theirs, then the remaining property names.
 */
export function pathSegments(path: string, definitions: readonly Definition[], parameters: readonly { id: string; title: Localized }[] = []): PathSegment[] {
  const target = elementTarget(path);
  const segments: PathSegment[] = [];
  let rest: string[];
  if (target.kind === 'state' || target.kind === 'transition') {
    const { state } = target;
    segments.push({ kind: 'state', id: state, title: firstOf(definitions, (d) => d.states[state]?.title) ?? null });
    if (target.kind === 'transition') {
      const { event } = target;
      segments.push({ kind: 'event', id: event, title: firstOf(definitions, (d) => d.states[state]?.on[event]?.title) ?? null });
    }
    rest = target.rest;
  } else if (target.kind === 'form') {
    const { form, field } = target;
    segments.push({ kind: 'form', id: form, title: firstOf(definitions, (d) => d.forms[form]?.title) ?? null });
    if (field) {
      segments.push({ kind: 'field', id: field, title: firstOf(definitions, (d) => fieldTitle((d.forms[form]?.schema['properties'] as Record<string, Schema> | undefined)?.[field]) ?? undefined) ?? null });
    }
    rest = target.rest;
  } else if (target.kind === 'parameter') {
    const { parameter } = target;
    segments.push({ kind: 'parameter', id: parameter, title: parameters.find((p) => p.id === parameter)?.title ?? null });
    rest = path.split('.').slice(2);
  } else {
    rest = path.split('.');
  }
  for (const key of rest) if (!STRUCTURAL.has(key) && key !== '') segments.push({ kind: 'key', key });
  return segments;
}
