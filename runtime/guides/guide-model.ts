import { timerCount, type Definition, type FormDefinition, type LocalizedText, type StateDefinition, type TransitionDefinition } from '../../engine/index.ts';

/** The role the public acts in: a process offers itself online by naming it on an event. */
export const APPLICANT_ROLE = 'applicant';

/** One step of a guide: a state the case passes on its main path, who handles it and in how many working days. */
export interface GuideStep {
  state: string;
  title: LocalizedText;
  /** The staff role that handles the step (`caseworker`, `reviewer`); absent where the case only arrives (the result). */
  role?: string;
  /** The post handling it, named as the city's offices name it (the code where none does). */
  post?: { code: string; name: LocalizedText };
  /** The time limit of the step's task, in working days; for a public notice, its period. */
  workingDays?: number;
  /** A public notice (公示): the case waits its period out, and goes on when it ends without objection. */
  notice?: boolean;
  /** The last step: where an application that succeeds ends. */
  result: boolean;
}

/** A field of the application form. */
export interface GuideField {
  name: string;
  title: LocalizedText;
  /** `always`; `when` required only in the cases `when` names; `optional`. */
  required: 'always' | 'when' | 'optional';
  /** For `when`: the field and the value that make it required (`失业人员类别：从用人单位失业`). */
  when?: { field: LocalizedText; value: LocalizedText }[];
}

/** A document to bring or attach. */
export interface GuideDocument {
  code: string;
  title: LocalizedText;
  required: boolean;
}

/** A rule that decides the application, with its legal basis where the definition gives one. */
export interface GuideRule {
  id: string;
  message: LocalizedText;
  basis?: string;
}

/** A public employment service office of the city. */
export interface GuideOffice {
  id: string;
  name: string;
}

/** What the generator needs of the organisation besides the definition. */
export interface GuideOrgData {
  city: { code: string; name: string };
  offices: readonly GuideOffice[];
  /** Post names by code, as the city's offices name them. */
  postNames: ReadonlyMap<string, LocalizedText>;
  /** The process's parameters in force in the city today, for periods a definition names by parameter (a notice's working days). */
  parameters?: Readonly<Record<string, number | readonly string[]>>;
}

/** A service guide (办事指南): everything an applicant needs, generated from the definition in force. */
export interface ServiceGuide {
  processId: string;
  title: LocalizedText;
  subject: Definition['subject'];
  /** The version in force and the level that published it. */
  version: number;
  city: { code: string; name: string };
  /** The event the applicant sends and its form's title. */
  application: { event: string; title: LocalizedText; formTitle?: LocalizedText };
  steps: GuideStep[];
  fields: GuideField[];
  documents: GuideDocument[];
  rules: GuideRule[];
  /** Every rule's basis once, in order. */
  legalBasis: string[];
  offices: GuideOffice[];
  /** The sum of the steps' time limits, in working days. */
  totalWorkingDays: number;
}

/** The event of the initial state the applicant may send, if the process offers itself online. */
export function applicationEvent(definition: Definition): [string, TransitionDefinition] | undefined {
  const initial = definition.states[definition.initial];
  return Object.entries(initial?.on ?? {}).find(([, transition]) => transition.roles.includes(APPLICANT_ROLE));
}

/** True for a process offered to the public: its initial state has an event the applicant may send. */
export function offersOnline(definition: Definition): boolean {
  return applicationEvent(definition) !== undefined;
}

const isEnding = (state: StateDefinition | undefined) => state?.type === 'final' && state.outcome !== undefined && state.outcome !== 'completed';

/**
 * The events a case takes on its main path: from the initial state by the application, then from
 * each state by its first event people send that leads on (to a state not yet passed, and not to an
 * end in rejection or cancellation), preferring one that leads to a state with work over an end. A
 * public notice goes on by the event that ends its period. It stops at a final state, or at one
 * with no task where the case rests (已登记失业).
 */
export function mainPath(definition: Definition, first: string): { state: string; via?: TransitionDefinition }[] {
  const path: { state: string; via?: TransitionDefinition }[] = [{ state: definition.initial }];
  const seen = new Set([definition.initial]);
  let next: TransitionDefinition | undefined = definition.states[definition.initial]?.on[first];
  while (next && !seen.has(next.target) && definition.states[next.target]) {
    const here = next.target;
    const state = definition.states[here]!;
    path.push({ state: here, via: next });
    seen.add(here);
    if (state.type !== 'final' && !state.task && state.publicNotice) {
      next = state.on[state.publicNotice.endsWith];
      continue;
    }
    if (state.type === 'final' || !state.task) break;
    const onward = Object.values(state.on).filter((t) => !t.roles.every((r) => r === 'system') && !seen.has(t.target) && !isEnding(definition.states[t.target]));
    next = onward.find((t) => definition.states[t.target]?.type !== 'final') ?? onward[0];
  }
  return path;
}

type Schema = Record<string, unknown>;

function titleOf(schema: Schema | undefined, fallback: string): LocalizedText {
  const zh = typeof schema?.['title'] === 'string' ? schema['title'] : fallback;
  const en = (schema?.['x-i18n'] as { en?: unknown } | undefined)?.en;
  return { 'zh-CN': zh, en: typeof en === 'string' ? en : zh };
}

function requiredList(schema: unknown): string[] {
  const required = (schema as Schema | undefined)?.['required'];
  return Array.isArray(required) ? required.filter((f): f is string => typeof f === 'string') : [];
}

/** The title of the option `value` of a field, or the value itself. */
function optionTitle(field: Schema | undefined, value: unknown): LocalizedText {
  const options = Array.isArray(field?.['oneOf']) ? (field['oneOf'] as Schema[]) : [];
  const option = options.find((o) => o['const'] === value);
  return option ? titleOf(option, String(value)) : { 'zh-CN': String(value), en: String(value) };
}

/**
 * The form's fields in the form's order (`ui:order`), hidden ones left out: required at the top
 * level, required only under an `if` of constant values (`then`), or optional.
 */
export function formFields(form: FormDefinition): GuideField[] {
  const properties = (form.schema['properties'] ?? {}) as Record<string, Schema>;
  const ui = (form.ui ?? {}) as Record<string, { 'ui:widget'?: unknown } | unknown>;
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]).filter((f) => f in properties) : [];
  const names = [...order, ...Object.keys(properties).filter((f) => !order.includes(f))];
  const always = new Set(requiredList(form.schema));
  const conditional = new Map<string, GuideField['when']>();
  const branches = [form.schema, ...(Array.isArray(form.schema['allOf']) ? (form.schema['allOf'] as Schema[]) : [])];
  for (const branch of branches) {
    const condition = (branch['if'] as Schema | undefined)?.['properties'] as Record<string, Schema> | undefined;
    if (!condition) continue;
    const when = Object.entries(condition).flatMap(([field, test]) => ('const' in test ? [{ field: titleOf(properties[field], field), value: optionTitle(properties[field], test['const']) }] : []));
    for (const field of requiredList(branch['then'])) if (!always.has(field)) conditional.set(field, [...(conditional.get(field) ?? []), ...when]);
  }
  return names
    .filter((name) => (ui[name] as { 'ui:widget'?: unknown } | undefined)?.['ui:widget'] !== 'hidden')
    .map((name) => {
      const title = titleOf(properties[name], name);
      if (always.has(name)) return { name, title, required: 'always' as const };
      const when = conditional.get(name);
      return when ? { name, title, required: 'when' as const, when } : { name, title, required: 'optional' as const };
    });
}

/**
 * The path without its initial state when the application leads to a state the same role at the
 * same post handles (一次性创业补贴: the window's check of an online application): applied for
 * online, the case never waits at the window's own intake, and at the window the two are one step.
 */
function withoutSkippedIntake(definition: Definition, path: ReturnType<typeof mainPath>): ReturnType<typeof mainPath> {
  const intake = definition.states[definition.initial]?.task;
  const next = path[1] ? definition.states[path[1].state]?.task : undefined;
  return intake && next && intake.role === next.role && intake.post === next.post ? path.slice(1) : path;
}

/** A notice's period in working days: the working-day timer that ends it, a number or a parameter in force. */
function noticeDays(state: StateDefinition, org: GuideOrgData): { workingDays?: number } {
  const timer = state.timers.find((t) => t.event === state.publicNotice?.endsWith);
  const days = timer && 'workingDays' in timer.at ? timerCount(timer.at.workingDays, org.parameters ?? {}) : undefined;
  return days === undefined ? {} : { workingDays: days };
}

/**
 * The guide of a process offered online, from the definition in force for a city and the city's
 * offices: the steps of its main path with their handlers and time limits, the application form's
 * fields, the documents, the rules of every event on the path with their basis, and the total time.
 * Pure: the same definition and organisation give the same guide. Undefined for a process the
 * public cannot apply for.
 */
export function serviceGuide(process: { processId: string; version: number; definition: Definition }, org: GuideOrgData): ServiceGuide | undefined {
  const { definition } = process;
  const application = applicationEvent(definition);
  if (!application) return undefined;
  const [event, transition] = application;
  const path = mainPath(definition, event);
  const steps: GuideStep[] = withoutSkippedIntake(definition, path).map(({ state }, index, shown) => {
    const node = definition.states[state]!;
    const task = node.task;
    const result = index === shown.length - 1;
    const step: GuideStep = { state, title: node.title, result };
    if (!result && node.publicNotice) return { ...step, notice: true, ...noticeDays(node, org) };
    if (result || !task) return step;
    if (task.role) step.role = task.role;
    if (task.post) step.post = { code: task.post, name: org.postNames.get(task.post) ?? { 'zh-CN': task.post, en: task.post } };
    if (task.slaWorkingDays) step.workingDays = task.slaWorkingDays;
    return step;
  });
  const rules = new Map<string, GuideRule>();
  for (const { via } of path) {
    for (const rule of via?.rules ?? []) {
      if (!rules.has(rule.id)) rules.set(rule.id, { id: rule.id, message: rule.message, ...(rule.basis ? { basis: rule.basis } : {}) });
    }
  }
  const form = transition.form ? definition.forms[transition.form] : undefined;
  return {
    processId: process.processId,
    title: definition.title,
    subject: definition.subject,
    version: process.version,
    city: org.city,
    application: { event, title: transition.title, ...(form ? { formTitle: form.title } : {}) },
    steps,
    fields: form ? formFields(form) : [],
    documents: (transition.materials ?? []).map((m) => ({ code: m.code, title: m.title, required: m.required })),
    rules: [...rules.values()],
    legalBasis: [...new Set([...rules.values()].flatMap((r) => (r.basis ? [r.basis] : [])))],
    offices: [...org.offices],
    totalWorkingDays: steps.reduce((sum, step) => sum + (step.workingDays ?? 0), 0),
  };
}
