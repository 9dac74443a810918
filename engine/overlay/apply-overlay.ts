import { parseDefinition, type Definition, type FormDefinition, type TransitionDefinition } from '../definition/index.ts';
import { PlatformError, type ErrorCode, type LocalizedText } from '../errors/index.ts';
import type { Overlay, OverlayOperation } from './overlay-schema.ts';
import { refusalReason, type RefusalReason, type Subject } from './refusals.ts';

type Schema = Record<string, unknown>;

/** Refuses operation `index` of the overlay, naming the element it touched and why, in both languages. */
function refuse(code: ErrorCode, index: number, element: string, reason: RefusalReason, ...subjects: Subject[]): never {
  throw new PlatformError(code, { details: { operation: index, element, reason: refusalReason(reason, ...subjects) } });
}

function formOf(definition: Definition, id: string, index: number): FormDefinition {
  return definition.forms[id] ?? refuse('OVERLAY_INVALID', index, `forms.${id}`, 'no-such-form');
}

function propertiesOf(form: FormDefinition, formId: string, index: number): Record<string, Schema> {
  const properties = form.schema['properties'];
  if (typeof properties !== 'object' || properties === null) refuse('OVERLAY_INVALID', index, `forms.${formId}.schema.properties`, 'form-without-fields');
  return properties as Record<string, Schema>;
}

function fieldOf(definition: Definition, formId: string, field: string, index: number): Schema {
  return propertiesOf(formOf(definition, formId, index), formId, index)[field] ?? refuse('OVERLAY_INVALID', index, `forms.${formId}.schema.properties.${field}`, 'no-such-field');
}

/** A field's label in both languages (its `title` and `x-i18n.en`), or its name where it has none. */
function fieldTitle(field: Schema, name: string): LocalizedText {
  const zh = typeof field['title'] === 'string' ? field['title'] : name;
  const en = (field['x-i18n'] as { en?: unknown } | undefined)?.en;
  return { 'zh-CN': zh, en: typeof en === 'string' ? en : zh };
}

function requiredOf(form: FormDefinition): string[] {
  const required = form.schema['required'];
  return Array.isArray(required) ? (required as string[]) : [];
}

/** Every field a schema requires anywhere: at the top, or under a condition (`if`/`then`, `allOf`, ...). */
function requiredAnywhere(schema: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'required' && Array.isArray(value)) value.forEach((field) => found.add(String(field)));
      else if (key === 'dependentRequired' && typeof value === 'object' && value !== null) Object.values(value).flat().forEach((field) => found.add(String(field)));
      else if (key !== 'properties') walk(value);
    }
  };
  walk(schema);
  return found;
}

/** Keeps an rjsf `ui:order` listing every field, as rjsf requires. */
function reorder(form: FormDefinition, change: (order: string[]) => string[]): void {
  const order = form.ui?.['ui:order'];
  if (Array.isArray(order) && !order.includes('*')) form.ui!['ui:order'] = change(order as string[]);
}

function narrow(schema: Schema, values: readonly string[], element: string, index: number): void {
  const options = Array.isArray(schema['oneOf']) ? (schema['oneOf'] as Schema[]).map((o) => o['const']) : Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  if (!options) refuse('OVERLAY_INVALID', index, element, 'not-enumerated');
  const missing = values.filter((v) => !options.includes(v));
  if (missing.length > 0) refuse('OVERLAY_LOOSENING', index, element, 'options-not-offered', missing.join(', '));
  if (Array.isArray(schema['oneOf'])) schema['oneOf'] = (schema['oneOf'] as Schema[]).filter((o) => values.includes(o['const'] as string));
  else schema['enum'] = (schema['enum'] as unknown[]).filter((v) => values.includes(v as string));
}

function insertReview(draft: Definition, op: Extract<OverlayOperation, { op: 'insertReview' }>, index: number): void {
  const origin = draft.states[op.after] ?? refuse('OVERLAY_INVALID', index, `states.${op.after}`, 'no-such-state');
  const transition = origin.on[op.event] ?? refuse('OVERLAY_INVALID', index, `states.${op.after}.on.${op.event}`, 'no-such-event');
  if (draft.states[op.state]) refuse('OVERLAY_INVALID', index, `states.${op.state}`, 'state-exists');
  if (draft.forms[op.form.id]) refuse('OVERLAY_INVALID', index, `forms.${op.form.id}`, 'form-exists');
  if (op.reject && !draft.states[op.reject.target]) refuse('OVERLAY_INVALID', index, `states.${op.reject.target}`, 'no-such-state');
  if (op.reject?.event === op.approve.event) refuse('OVERLAY_INVALID', index, `states.${op.state}.on.${op.approve.event}`, 'same-approve-reject');
  // The reviewer differs from whoever sent the event and from those it was already kept apart from.
  const separateFrom = [op.event, ...transition.separateFrom];
  const { id: formId, ...form } = op.form;
  draft.forms[formId] = form;
  const on: Record<string, TransitionDefinition> = {
    [op.approve.event]: { target: transition.target, title: op.approve.title, roles: op.approve.roles, form: formId, rules: [], separateFrom, actions: transition.actions, count: transition.count },
  };
  if (op.reject) on[op.reject.event] = { target: op.reject.target, title: op.reject.title, roles: op.reject.roles, form: formId, rules: [], separateFrom, actions: [], count: [] };
  draft.states[op.state] = { title: op.title, type: 'active', task: op.task, timers: [], on };
  // What the event did (effects, counters) now happens when the review approves.
  origin.on[op.event] = { ...transition, target: op.state, actions: [], count: [] };
}

function applyOne(draft: Definition, below: Definition, op: OverlayOperation, index: number): void {
  switch (op.op) {
    case 'addField': {
      const form = formOf(draft, op.form, index);
      const properties = propertiesOf(form, op.form, index);
      if (properties[op.field]) refuse('OVERLAY_INVALID', index, `forms.${op.form}.schema.properties.${op.field}`, 'field-exists');
      properties[op.field] = op.schema;
      if (op.required) form.schema['required'] = [...requiredOf(form), op.field];
      reorder(form, (order) => [...order, op.field]);
      return;
    }
    case 'removeField': {
      const form = formOf(draft, op.form, index);
      const field = fieldOf(draft, op.form, op.field, index);
      if (below.forms[op.form] && requiredAnywhere(below.forms[op.form]!.schema).has(op.field)) {
        refuse('OVERLAY_LOOSENING', index, `forms.${op.form}.schema.required`, 'required-below', fieldTitle(field, op.field));
      }
      delete propertiesOf(form, op.form, index)[op.field];
      if (Array.isArray(form.schema['required'])) form.schema['required'] = requiredOf(form).filter((f) => f !== op.field);
      reorder(form, (order) => order.filter((f) => f !== op.field));
      return;
    }
    case 'requireField': {
      const form = formOf(draft, op.form, index);
      fieldOf(draft, op.form, op.field, index);
      if (!requiredOf(form).includes(op.field)) form.schema['required'] = [...requiredOf(form), op.field];
      return;
    }
    case 'relabelField': {
      const field = fieldOf(draft, op.form, op.field, index);
      field['title'] = op.title['zh-CN'];
      field['x-i18n'] = { ...(field['x-i18n'] as Schema | undefined), en: op.title.en };
      return;
    }
    case 'relabelState':
      (draft.states[op.state] ?? refuse('OVERLAY_INVALID', index, `states.${op.state}`, 'no-such-state')).title = op.title;
      return;
    case 'narrowEnum':
      narrow(fieldOf(draft, op.form, op.field, index), op.values, `forms.${op.form}.schema.properties.${op.field}`, index);
      return;
    case 'insertReview':
      insertReview(draft, op, index);
      return;
    case 'setSla':
    case 'setPost': {
      const task = draft.states[op.state]?.task ?? refuse('OVERLAY_INVALID', index, `states.${op.state}.task`, 'state-without-task');
      if (op.op === 'setSla') task.slaWorkingDays = op.workingDays;
      else task.post = op.post;
      return;
    }
    case 'setRole': {
      const state = draft.states[op.state];
      if (!state?.task) refuse('OVERLAY_INVALID', index, `states.${op.state}.task`, 'state-without-task');
      const previous = state.task.role;
      state.task.role = op.role;
      // Who holds the task sends its events: what the old role could send passes to the new one.
      for (const transition of Object.values(state.on)) {
        if (previous !== undefined && transition.roles.includes(previous)) transition.roles = [...new Set(transition.roles.map((role) => (role === previous ? op.role : role)))];
      }
      return;
    }
    case 'removeState': {
      if (!draft.states[op.state]) refuse('OVERLAY_INVALID', index, `states.${op.state}`, 'no-such-state');
      if (below.states[op.state]?.type === 'final') refuse('FINAL_STATE_REMOVED', index, `states.${op.state}`, 'final-state-stays');
      // The start first: it is the more basic reason, and a start may also be returned to (审核「退回补正」).
      if (draft.initial === op.state) refuse('OVERLAY_INVALID', index, `states.${op.state}`, 'initial-state');
      // Named as a person reads them: the state and the action, e.g. 受理「提交登记」.
      const incoming = Object.values(draft.states)
        .filter((state) => state !== draft.states[op.state])
        .flatMap((state) => Object.values(state.on).filter((t) => t.target === op.state).map((t) => ({ state: state.title, action: t.title })));
      if (incoming.length > 0) {
        refuse('OVERLAY_INVALID', index, `states.${op.state}`, 'still-reached', {
          'zh-CN': incoming.map(({ state, action }) => `${state['zh-CN']}「${action['zh-CN']}」`).join('、'),
          en: incoming.map(({ state, action }) => `${state.en} “${action.en}”`).join(', '),
        });
      }
      delete draft.states[op.state];
      return;
    }
  }
}

/**
 * Applies an overlay's operations, in order, to the definition of the level below and returns
 * the effective definition, validated against the definition schema. The first operation that
 * does not fit is refused with the element it touched: `OVERLAY_INVALID` (no such state, form or
 * field), `OVERLAY_LOOSENING` (removing a field required below, widening an enumeration) or
 * `FINAL_STATE_REMOVED`. Locks and parameter bounds are checked by `checkOverlay`.
 */
export function applyOverlay(below: Definition, overlay: Pick<Overlay, 'operations'>): Definition {
  const draft = structuredClone(below);
  overlay.operations.forEach((op, index) => applyOne(draft, below, op, index));
  return parseDefinition(draft);
}
