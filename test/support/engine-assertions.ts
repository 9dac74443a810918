/** Helpers for tests that drive the engine directly: refusals, effects, parameters in force and steps. */
import {
  isPlatformError,
  parameterValueOn,
  step,
  type Actor,
  type CaseData,
  type CaseSnapshot,
  type CompiledDefinition,
  type Effect,
  type EventTimer,
  type LedgerItem,
  type Payee,
  type PerformanceRecord,
  type PlatformError,
  type PluginManifest,
  type RecordSelector,
  type StepResult,
} from '../../engine/index.ts';
import { calendar } from './calendar.ts';

/** The actor a case is stepped as when a timer fires or another process's event arrives (in the tests' org unit `o-1`). */
export const system: Actor = { id: 'system', name: '系统', role: 'system', post: null, orgUnit: 'o-1' };

/** Runs what the engine must refuse and returns its refusal; fails when it runs through, and rethrows any other error. */
export function refusal(run: () => unknown): PlatformError {
  try {
    run();
  } catch (error) {
    if (isPlatformError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The ids of the business rules a `RULE_VIOLATION` refusal names, in its order. */
export function violatedRules(error: PlatformError): string[] {
  return (error.details as { violations: { rule: string }[] }).violations.map((v) => v.rule);
}

/**
 * The fields a refusal names as dated after the day of the step (the form's `x-not-after-today`
 * bound, checked before any rule), sorted; the code instead when the refusal is not a form's.
 */
export function futureDayFields(error: PlatformError): string[] {
  if (error.code !== 'FORM_INVALID') return [error.code];
  return (error.details as { fields: { field: string; keyword: string }[] }).fields.filter((f) => f.keyword === 'x-not-after-today').map((f) => f.field).sort();
}

/** The fields a `FORM_INVALID` refusal names, sorted, one entry per error (a field with two errors is there twice). */
export function failingFields(error: PlatformError): string[] {
  return (error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
}

/** The fields a `FORM_INVALID` refusal names, sorted, each once (a `oneOf` reports one error per branch). */
export function distinctFailingFields(error: PlatformError): string[] {
  return [...new Set(failingFields(error))];
}

/** The kind of each effect, in order. */
export function kinds(effects: readonly Effect[]): Effect['kind'][] {
  return effects.map((e) => e.kind);
}

/** The effects of one kind, in order, typed as that kind. */
export function ofKind<K extends Effect['kind']>(effects: readonly Effect[], kind: K): Extract<Effect, { kind: K }>[] {
  return effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}

/** The event timers a step arms (not its SLA timers), in order. */
export function eventTimers(effects: readonly Effect[]): EventTimer[] {
  return effects.filter((e): e is EventTimer => e.kind === 'timer.schedule' && e.timer === 'event');
}

/** The payee of an item paid to the case's own person, to the account on their record. */
export const paidToSubject: Payee = { kind: 'person', code: null, name: null, account: null, bank: null };

/** The ledger items a step writes, in order. */
export function ledgerItems(effects: readonly Effect[]): LedgerItem[] {
  return effects.flatMap((e) => (e.kind === 'ledger.item' ? [e.item] : []));
}

/** The performance records a step writes, in order. */
export function records(result: StepResult): PerformanceRecord[] {
  return ofKind(result.effects, 'record').map((e) => e.record);
}

/** Whether an indicator's record selector counts a performance record (its form data holding the selector's values, as the runtime's `@>` does), given the process that wrote the record. */
export function recordSelector(process: string): (selector: RecordSelector, record: PerformanceRecord) => boolean {
  return (selector, record) =>
    selector.process === process &&
    (selector.event === undefined || selector.event === record.event) &&
    (selector.from === undefined || selector.from === record.from) &&
    (selector.to === undefined || selector.to === record.to) &&
    (selector.onTime === undefined || selector.onTime === record.onTime) &&
    (!selector.withDeadline || record.dueAt !== null) &&
    Object.entries(selector.data ?? {}).every(([field, value]) => record.data[field] === value);
}

/** A plugin's parameters in force on a date (`YYYY-MM-DD`), read from its manifest as the runtime does, with local values on top. */
export function parametersOn(plugin: Pick<PluginManifest, 'parameters'>, date: string, local: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(plugin.parameters.map((p) => [p.id, parameterValueOn(p, date)])), ...local };
}

/** What one step may add to its event: form data, and facts or parameters in place of the defaults. */
export interface StepOptions {
  data?: CaseData;
  facts?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

/**
 * A function that steps a case of one compiled process, sending `type` as `actor` at `now`, with the
 * facts and parameters given here unless the step names others. The event carries data only when given.
 */
export function stepper(compiled: CompiledDefinition, defaults: { facts: Record<string, unknown>; parameters: Record<string, unknown> }) {
  return (snapshot: CaseSnapshot, type: string, actor: Actor, now: string, options: StepOptions = {}): StepResult =>
    step(compiled, {
      snapshot,
      event: options.data === undefined ? { type } : { type, data: options.data },
      actor,
      calendar,
      now,
      facts: options.facts ?? defaults.facts,
      parameters: options.parameters ?? defaults.parameters,
    });
}
