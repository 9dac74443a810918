import { celProblems, factsNamedIn } from '../conditions/index.ts';
import type { ActionDefinition, Definition, StateDefinition, TransitionDefinition } from '../definition/index.ts';
import { isRole } from '../plugin/roles.ts';
import { builtInActionNames, isBuiltInAction, paramProblem, type Implementations } from '../actions/index.ts';
import { finding, type Finding } from './findings.ts';
import { formValidator } from './form-validators.ts';

function reachableStates(definition: Definition): Set<string> {
  const seen = new Set<string>();
  const queue = [definition.initial];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const state = definition.states[name];
    if (seen.has(name) || !state) continue;
    seen.add(name);
    for (const transition of Object.values(state.on)) queue.push(transition.target);
  }
  return seen;
}

function verifyTask(name: string, state: StateDefinition): Finding[] {
  if (!state.task) return [];
  const path = `states.${name}.task`;
  const findings: Finding[] = [];
  if (!state.task.role) findings.push(finding('task-without-role', `${path}.role`, name));
  if (!state.task.slaWorkingDays) findings.push(finding('task-without-sla', `${path}.slaWorkingDays`, name));
  const humanForms = Object.values(state.on).filter((t) => t.form && !t.roles.every((r) => r === 'system'));
  if (humanForms.length === 0) findings.push(finding('task-without-form', path, name));
  return findings;
}

function verifyTimers(name: string, state: StateDefinition): Finding[] {
  return state.timers.flatMap((timer, i) =>
    (['event', 'otherwise'] as const).flatMap((key) => {
      const event = timer[key];
      if (event === undefined || state.on[event]?.roles.includes('system')) return [];
      return [finding('timer-event-not-system', `states.${name}.timers.${i}.${key}`, event)];
    }),
  );
}

/**
 * A public notice ends by a working-day timer of its state (the timer's time is the period's end),
 * and its objection is an event of the state the system may send whose form records the reason
 * in a field `objection`.
 */
function verifyPublicNotice(definition: Definition, name: string, state: StateDefinition): Finding[] {
  const notice = state.publicNotice;
  if (!notice) return [];
  const path = `states.${name}.publicNotice`;
  const findings: Finding[] = [];
  if (!state.timers.some((timer) => timer.event === notice.endsWith && 'workingDays' in timer.at)) findings.push(finding('notice-end-not-timer', `${path}.endsWith`, notice.endsWith));
  const objection = state.on[notice.objection];
  const form = objection?.form === undefined ? undefined : definition.forms[objection.form];
  const properties = (form?.schema['properties'] ?? {}) as Record<string, unknown>;
  if (!objection?.roles.includes('system') || !('objection' in properties)) findings.push(finding('notice-objection-not-system', `${path}.objection`, notice.objection));
  return findings;
}

/** Built-in action params that would fail at run time: malformed, or naming an event the definition does not have. */
function verifyActionParams(action: ActionDefinition, path: string, events: ReadonlySet<string>): Finding[] {
  if (!isBuiltInAction(action.type)) return [];
  const problem = paramProblem(action.type, action.params);
  if (problem) return [finding('invalid-action-params', `${path}.params.${problem.param}`, `${action.type} ${problem.param}: ${problem.reason}`)];
  return (['preparedBy', 'approvedBy'] as const).flatMap((param) => {
    const event = action.params?.[param];
    if (typeof event !== 'string' || events.has(event)) return [];
    return [finding('invalid-action-params', `${path}.params.${param}`, `${action.type} ${param}: no event ${event} in this definition`)];
  });
}

/** Materials a step asks for: each code once, and only on a step a person sends (the system attaches nothing). */
function verifyMaterials(event: string, transition: TransitionDefinition, path: string): Finding[] {
  const materials = transition.materials ?? [];
  if (materials.length > 0 && transition.roles.every((role) => role === 'system')) return [finding('material-on-system-event', `${path}.materials`, event)];
  const seen = new Set<string>();
  return materials.flatMap((material, i) => {
    if (!seen.has(material.code)) {
      seen.add(material.code);
      return [];
    }
    return [finding('duplicate-material', `${path}.materials.${i}.code`, material.code)];
  });
}

function verifyTransitions(definition: Definition, name: string, state: StateDefinition, implementations?: Implementations): Finding[] {
  const findings: Finding[] = [];
  const events = new Set(Object.values(definition.states).flatMap((s) => Object.keys(s.on)));
  for (const [event, transition] of Object.entries(state.on)) {
    const path = `states.${name}.on.${event}`;
    if (!definition.states[transition.target]) findings.push(finding('unknown-target', `${path}.target`, transition.target));
    if (transition.form && !definition.forms[transition.form]) findings.push(finding('unknown-form', `${path}.form`, transition.form));
    transition.roles.forEach((role, i) => {
      if (!isRole(role)) findings.push(finding('unknown-role', `${path}.roles.${i}`, role));
    });
    transition.separateFrom.forEach((other, i) => {
      if (!events.has(other)) findings.push(finding('unknown-separate-from', `${path}.separateFrom.${i}`, other));
    });
    transition.rules.forEach((rule, i) => {
      for (const problem of rule.cel === undefined ? [] : celProblems(rule.cel)) {
        if (problem.kind === 'unknown-function') findings.push(finding('unknown-cel-function', `${path}.rules.${i}.cel`, problem.name));
        else findings.push(finding('invalid-cel', `${path}.rules.${i}.cel`, problem.message));
      }
      const facts = rule.cel === undefined ? [] : factsNamedIn(rule.cel);
      for (const fact of facts === 'all' ? [] : facts) {
        if (!Object.hasOwn(definition.facts, fact)) findings.push(finding('undeclared-fact', `${path}.rules.${i}.cel`, fact));
      }
      if (rule.guard && implementations && !implementations.guards[rule.guard]) {
        findings.push(finding('unknown-guard', `${path}.rules.${i}.guard`, rule.guard));
      }
    });
    findings.push(...verifyMaterials(event, transition, path));
    transition.actions.forEach((action, i) => {
      const known = builtInActionNames.has(action.type) || implementations?.actions[action.type] !== undefined;
      if (implementations && !known) findings.push(finding('unknown-action', `${path}.actions.${i}.type`, action.type));
      findings.push(...verifyActionParams(action, `${path}.actions.${i}`, events));
    });
  }
  return findings;
}

function verifyForms(definition: Definition): Finding[] {
  return Object.entries(definition.forms).flatMap(([id, form]) => {
    try {
      formValidator(form.schema);
      return [];
    } catch (error) {
      return [finding('invalid-form-schema', `forms.${id}.schema`, error instanceof Error ? error.message : String(error))];
    }
  });
}

/**
 * Checks a parsed definition and returns every finding, each with its path; an empty list
 * means it is sound. With `implementations`, guard and action names are checked too.
 */
export function verify(definition: Definition, implementations?: Implementations): Finding[] {
  const findings: Finding[] = [];
  if (!definition.states[definition.initial]) findings.push(finding('unknown-initial', 'initial', definition.initial));
  const reachable = reachableStates(definition);
  for (const [name, state] of Object.entries(definition.states)) {
    const exits = Object.keys(state.on).length;
    if (!reachable.has(name)) findings.push(finding('unreachable-state', `states.${name}`, name));
    if (state.type === 'active' && exits === 0) findings.push(finding('no-exit', `states.${name}.on`, name));
    if (state.type === 'final' && exits > 0) findings.push(finding('final-state-with-exit', `states.${name}.on`, name));
    findings.push(...verifyTask(name, state), ...verifyTimers(name, state), ...verifyPublicNotice(definition, name, state), ...verifyTransitions(definition, name, state, implementations));
  }
  return [...findings, ...verifyForms(definition)];
}
