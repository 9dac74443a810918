import { and, assign, setup } from 'xstate';
import { fieldMessage, toFieldErrors, type FieldError, type FormContext } from '../../forms/index.ts';
import { builtInActions, type ActionImplementation, type Actor, type CaseContext, type CaseData, type Implementations, type RuleInput } from '../actions/index.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/index.ts';
import { evaluateCel } from '../conditions/index.ts';
import { definitionHash, parseDefinition, type Definition, type RuleDefinition, type TransitionDefinition } from '../definition/index.ts';
import { PlatformError } from '../errors/index.ts';
import { formValidator, verify } from '../verify/index.ts';

/** The event the compiled machine receives: the user's event plus everything its guards may read. */
export interface MachineEvent {
  type: string;
  form: CaseData;
  actor: Actor;
  now: string;
  calendar: WorkingCalendar;
  facts: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

/** Input to a new case's machine. */
export interface MachineInput {
  data: CaseData;
  now: string;
  calendar: WorkingCalendar;
}

/** A definition ready to step: the parsed data, its XState machine and its form validators. */
export interface CompiledDefinition {
  definition: Definition;
  hash: string;
  machine: CaseMachine;
  actions: Readonly<Record<string, ActionImplementation>>;
  guards: Implementations['guards'];
  /**
   * Field errors of `data` against the form, an empty list when it is valid; `context.today` is the
   * day a relative bound (`x-not-after-today`) counts from, the machine's day when not given.
   */
  validateForm(formId: string, data: CaseData, context?: FormContext): FieldError[];
}

/** The XState machine of a compiled definition. */
export type CaseMachine = ReturnType<typeof buildMachine>;

/** The scope rules see: data as it would be after the form is merged in. */
export function ruleInput(context: CaseContext, event: MachineEvent): RuleInput {
  return {
    data: { ...context.data, ...event.form },
    form: event.form,
    facts: event.facts,
    parameters: event.parameters,
    now: event.now,
    calendar: event.calendar,
    actor: event.actor,
    lastActors: context.lastActors,
  };
}

function guardOf(rule: RuleDefinition) {
  return rule.cel === undefined ? { type: rule.guard! } : { type: 'cel', params: { expression: rule.cel } };
}

/** The deadline fields of a case entering `state` at `now`: its SLA deadline counted with the calendar, and which calendar counted it. */
export function deadlineContext(definition: Definition, state: string, now: string, calendar: WorkingCalendar): { dueAt: string | null; dueProvisional: boolean; calendarVersion: number } {
  const days = definition.states[state]?.task?.slaWorkingDays;
  const due = days ? addWorkingDays(calendar, now, days) : null;
  return { dueAt: due?.at ?? null, dueProvisional: due?.provisional ?? false, calendarVersion: calendar.version };
}

function transitionConfig(transition: TransitionDefinition) {
  const guards = transition.rules.map(guardOf);
  return {
    target: transition.target,
    // A transition back to its own state re-enters it, so its timers and task start afresh.
    reenter: true,
    guard: guards.length === 0 ? undefined : guards.length === 1 ? guards[0] : and(guards),
    actions: [{ type: 'advance', params: { target: transition.target, count: transition.count } }, ...transition.actions.map((a) => ({ type: a.type, params: a.params ?? {} }))],
  };
}

/** Case data with the form merged in and the transition's counters moved on by one. */
function advancedData(data: CaseData, form: CaseData, count: readonly string[]): CaseData {
  const next = { ...data, ...form };
  for (const field of count) {
    const current = next[field];
    next[field] = (typeof current === 'number' ? current : 0) + 1;
  }
  return next;
}

function buildMachine(definition: Definition, implementations: Implementations, actions: Record<string, ActionImplementation>) {
  const guards = Object.fromEntries(
    Object.entries(implementations.guards).map(([name, guard]) => [
      name,
      ({ context, event }: { context: CaseContext; event: MachineEvent }) => guard(ruleInput(context, event)),
    ]),
  );
  // Named actions never run inside XState: `transition()` hands them back and the engine turns them into effects.
  const stubs = Object.fromEntries(Object.keys(actions).map((name) => [name, () => undefined]));
  const states = Object.fromEntries(
    Object.entries(definition.states).map(([name, state]) => [
      name,
      {
        ...(state.type === 'final' ? { type: 'final' as const } : {}),
        on: Object.fromEntries(Object.entries(state.on).map(([event, t]) => [event, transitionConfig(t)])),
      },
    ]),
  );
  return setup({
    types: {} as { context: CaseContext; events: MachineEvent; input: MachineInput },
    guards: {
      ...guards,
      cel: ({ context, event }, params: { expression: string }) => evaluateCel(params.expression, ruleInput(context, event)),
    },
    actions: {
      ...stubs,
      advance: assign(({ context, event }, params: { target: string; count: readonly string[] }) => ({
        data: advancedData(context.data, event.form, params.count),
        enteredAt: event.now,
        ...deadlineContext(definition, params.target, event.now, event.calendar),
        lastActors: { ...context.lastActors, [event.type]: event.actor.id },
      })),
    },
  }).createMachine({
    id: definition.id,
    initial: definition.initial,
    context: ({ input }) => ({ data: input.data, enteredAt: input.now, ...deadlineContext(definition, definition.initial, input.now, input.calendar), lastActors: {} }),
    // The config is generated from a verified definition; XState cannot type names known only at run time.
    states: states as never,
  });
}

function formValidators(definition: Definition): CompiledDefinition['validateForm'] {
  const validators = new Map(Object.entries(definition.forms).map(([id, form]) => [id, formValidator(form.schema)]));
  return (formId, data, context) => {
    const validate = validators.get(formId);
    if (!validate) return [{ field: '', keyword: 'form', message: `unknown form ${formId}`, text: fieldMessage('form', { form: formId }) }];
    return validate.call(context, data) ? [] : toFieldErrors(validate.errors);
  };
}

const cache = new WeakMap<Implementations, Map<string, CompiledDefinition>>();

/**
 * Validates, verifies and compiles a definition into an XState machine bound to the plugin's
 * named implementations. Cached by definition hash. Unknown guard, action or CEL function names
 * are refused here, because XState would ignore an unknown action silently, and an unknown
 * guard or function would fail only when a case reaches it.
 */
export function compile(raw: unknown, implementations: Implementations): CompiledDefinition {
  const definition = parseDefinition(raw);
  const hash = definitionHash(definition);
  let byHash = cache.get(implementations);
  const hit = byHash?.get(hash);
  if (hit) return hit;

  const findings = verify(definition, implementations);
  const unknown = findings.filter((f) => f.code === 'unknown-guard' || f.code === 'unknown-action' || f.code === 'unknown-cel-function');
  if (unknown.length > 0) throw new PlatformError('UNKNOWN_IMPLEMENTATION', { details: unknown });
  if (findings.length > 0) throw new PlatformError('DEFINITION_INVALID', { details: findings });

  const actions = { ...implementations.actions, ...builtInActions };
  const compiled: CompiledDefinition = {
    definition,
    hash,
    machine: buildMachine(definition, implementations, actions),
    actions,
    guards: implementations.guards,
    validateForm: formValidators(definition),
  };
  if (!byHash) cache.set(implementations, (byHash = new Map()));
  byHash.set(hash, compiled);
  return compiled;
}
