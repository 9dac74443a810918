import { initialTransition, transition } from 'xstate';
import type { CaseContext, Effect } from '../actions/index.ts';
import { chinaDate } from '../calendar/index.ts';
import { deadlineContext, ruleInput, type CompiledDefinition, type MachineEvent } from '../compile/index.ts';
import { evaluateCel, factsNamedIn } from '../conditions/index.ts';
import type { TransitionDefinition } from '../definition/index.ts';
import { PlatformError } from '../errors/index.ts';
import { fieldMessage } from '../../forms/index.ts';
import type { CaseSnapshot, DeadlineMove, RescheduleInput, StartInput, StepInput, StepResult } from './step-types.ts';
import { arrivalEffects, deadlineOfLeft, departureEffects, statusOf } from './state-effects.ts';
import { workingDayTimers } from './timers.ts';

/** A record's own entry: an event type such as `constructor` or `toString` names no transition, whatever objects inherit. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Starts a case: the initial snapshot, its creation record and the first task. Pure. */
export function start(compiled: CompiledDefinition, input: StartInput): StepResult {
  const { definition, machine } = compiled;
  const [snapshot] = initialTransition(machine, { data: input.data ?? {}, now: input.now, calendar: input.calendar });
  const state = definition.initial;
  const context = snapshot.context;
  const record: Effect = {
    kind: 'record',
    record: {
      from: null,
      to: state,
      event: 'create',
      actor: input.actor,
      enteredAt: input.now,
      leftAt: input.now,
      dueAt: null,
      dueProvisional: false,
      calendarVersion: input.calendar.version,
      onTime: null,
      data: context.data,
    },
  };
  return { snapshot: { state, context }, status: statusOf(definition, state), effects: [record, ...arrivalEffects(definition, state, context, input.parameters ?? {}, input.calendar)] };
}

function checkSender(transition: TransitionDefinition, input: StepInput): void {
  const { actor } = input;
  if (!transition.roles.includes(actor.role)) {
    throw new PlatformError('ROLE_NOT_PERMITTED', { details: { event: input.event.type, roles: transition.roles, role: actor.role } });
  }
  const clash = transition.separateFrom.find((event) => input.snapshot.context.lastActors[event] === actor.id);
  if (clash) throw new PlatformError('MAKER_CHECKER_VIOLATION', { details: { event: input.event.type, sameActorAs: clash } });
}

function checkForm(compiled: CompiledDefinition, transition: TransitionDefinition, input: StepInput): void {
  const data = input.event.data ?? {};
  const fields = transition.form
    ? compiled.validateForm(transition.form, data, { today: chinaDate(input.now), ...(input.codes ? { codeExists: input.codes } : {}) })
    : Object.keys(data).map((field) => ({ field, keyword: 'noForm', message: 'this event carries no form', text: fieldMessage('noForm', undefined) }));
  if (fields.length > 0) throw new PlatformError('FORM_INVALID', { details: { form: transition.form ?? null, fields } });
}

function violations(compiled: CompiledDefinition, transition: TransitionDefinition, context: CaseContext, event: MachineEvent) {
  const scope = ruleInput(context, event);
  return transition.rules
    .filter((rule) => (rule.cel === undefined ? !compiled.guards[rule.guard!]!(scope) : !evaluateCel(rule.cel, scope)))
    .map((rule) => ({ rule: rule.id, message: rule.message }));
}

/**
 * Whether the rules of an event in a state may read `facts`: named guards may, CEL may when it
 * mentions them. The runtime skips the fact look-up (a database round trip) when they cannot.
 */
export function readsFacts(compiled: CompiledDefinition, state: string, event: string): boolean {
  return factsRead(compiled, state, event).length > 0;
}

/**
 * The declared facts a transition's rules read: those its CEL conditions name (`facts.<name>`),
 * or every declared fact when a rule is a named guard, which may read any.
 */
export function factsRead(compiled: CompiledDefinition, state: string, event: string): string[] {
  const declared = Object.keys(compiled.definition.facts);
  const rules = own(own(compiled.definition.states, state)?.on, event)?.rules ?? [];
  // A guard, or a condition that reads `facts` as a whole, may read any declared fact.
  const named = new Set<string>();
  for (const rule of rules) {
    const names = rule.cel === undefined ? 'all' : factsNamedIn(rule.cel);
    if (names === 'all') return declared;
    for (const name of names) named.add(name);
  }
  return declared.filter((fact) => named.has(fact));
}

/**
 * Steps a case by one event. Pure: from a snapshot, an event, the actor and the time, it
 * returns the next snapshot and the effects (tasks, records, domain events, timers) that the
 * runtime applies in one transaction. Refusals are typed errors that say exactly why.
 */
export function step(compiled: CompiledDefinition, input: StepInput): StepResult {
  const { definition, machine } = compiled;
  const from = input.snapshot.state;
  const transitionDefinition = own(own(definition.states, from)?.on, input.event.type);
  if (!transitionDefinition) {
    const available = Object.keys(definition.states[from]?.on ?? {});
    throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: from, event: input.event.type, available } });
  }
  checkSender(transitionDefinition, input);
  checkForm(compiled, transitionDefinition, input);

  const event: MachineEvent = {
    type: input.event.type,
    form: input.event.data ?? {},
    actor: input.actor,
    now: input.now,
    calendar: input.calendar,
    facts: input.facts ?? {},
    parameters: input.parameters ?? {},
  };
  const restored = machine.resolveState({ value: from, context: input.snapshot.context });
  const [next, actions] = transition(machine, restored, event);
  if (next === restored) {
    throw new PlatformError('RULE_VIOLATION', { details: { violations: violations(compiled, transitionDefinition, input.snapshot.context, event) } });
  }

  const to = transitionDefinition.target;
  const left = input.snapshot.context;
  const scope = ruleInput(left, event);
  const effects: Effect[] = departureEffects(definition, from, event.type);
  effects.push({
    kind: 'record',
    record: {
      from,
      to,
      event: event.type,
      actor: input.actor,
      enteredAt: left.enteredAt,
      leftAt: input.now,
      ...deadlineOfLeft(left),
      onTime: left.dueAt === null ? null : Date.parse(input.now) <= Date.parse(left.dueAt),
      data: event.form,
    },
  });
  for (const action of actions) {
    const implementation = compiled.actions[action.type];
    if (implementation) effects.push(...implementation(scope, (action.params ?? {}) as Record<string, unknown>));
  }
  effects.push(...arrivalEffects(definition, to, next.context, event.parameters, input.calendar));
  const snapshot: CaseSnapshot = { state: to, context: next.context };
  return { snapshot, status: statusOf(definition, to), effects };
}

/**
 * Counts the deadlines of a case's current state again with another calendar (a year's schedule
 * entered, a provincial holiday added), from the time the state was entered: the snapshot with the
 * SLA deadline and the calendar version that counted it, a `task.reschedule` for the state's task
 * and a `timer.reschedule` for each of its working-day timers. The runtime moves those that differ
 * from what is armed and records each move. Pure; the state and the case data are unchanged.
 */
export function reschedule(compiled: CompiledDefinition, input: RescheduleInput): { snapshot: CaseSnapshot; effects: DeadlineMove[] } {
  const { definition } = compiled;
  const { state, context } = input.snapshot;
  const deadline = deadlineContext(definition, state, context.enteredAt, input.calendar);
  const next: CaseSnapshot = { state, context: { ...context, ...deadline } };
  const effects: DeadlineMove[] = [];
  if (definition.states[state]?.task?.role && deadline.dueAt) {
    effects.push({ kind: 'task.reschedule', state, dueAt: deadline.dueAt, provisional: deadline.dueProvisional });
  }
  for (const timer of workingDayTimers(definition, state, next.context, input.parameters ?? {}, input.calendar)) {
    effects.push({ kind: 'timer.reschedule', state, event: timer.event, at: timer.at, provisional: timer.provisional });
  }
  return { snapshot: next, effects };
}
