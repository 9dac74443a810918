import type { CaseContext, CaseData, Effect, PerformanceRecord } from '../actions/index.ts';
import type { CompiledDefinition } from '../compile/index.ts';
import { PlatformError } from '../errors/index.ts';
import type { ImportCaseInput, StepResult } from './step-types.ts';
import { arrivalEffects, statusOf } from './state-effects.ts';

/** The event of an imported case's performance records. */
export const IMPORT_EVENT = 'import';

/**
 * Builds a case brought in from a city's earlier system at the state its history reached: each
 * state of `history` entered at its time (the first from no state, as a creation is), one
 * performance record per entry, no deadline judged (nothing was done here, so on-time rates leave
 * them out), and the snapshot in the last state with the time it was entered. The last state may
 * not have a task: nothing of the past is left to do, so no task and no SLA timer is opened. Its
 * event timers count from the import (`now`), not from the past entry, so a rule such as six months
 * without contact starts when the platform first knows the case and fires nothing at once. The
 * statuses are set on the subject as a step's `subject.set` would. Pure; a state the definition
 * lacks, or one with a task, is refused (`DEFINITION_INVALID`).
 */
export function importCase(compiled: CompiledDefinition, input: ImportCaseInput): StepResult {
  const { definition } = compiled;
  if (input.history.length === 0) throw new PlatformError('DEFINITION_INVALID', { details: { import: 'empty history' } });
  for (const entry of input.history) {
    const state = definition.states[entry.state];
    if (!Object.hasOwn(definition.states, entry.state) || state?.task) throw new PlatformError('DEFINITION_INVALID', { details: { import: entry.state, process: definition.id } });
  }
  let data: CaseData = {};
  const records: Effect[] = input.history.map((entry, i) => {
    const before = input.history[i - 1];
    data = { ...data, ...entry.data };
    const record: PerformanceRecord = {
      from: before?.state ?? null,
      to: entry.state,
      event: IMPORT_EVENT,
      actor: input.actor,
      enteredAt: before?.at ?? entry.at,
      leftAt: entry.at,
      dueAt: null,
      dueProvisional: false,
      calendarVersion: input.calendar.version,
      onTime: null,
      data: entry.data,
    };
    return { kind: 'record', record };
  });
  const last = input.history[input.history.length - 1]!;
  const context: CaseContext = { data, enteredAt: last.at, dueAt: null, dueProvisional: false, calendarVersion: input.calendar.version, lastActors: {} };
  const statuses: Effect[] = Object.entries(input.statuses ?? {}).map(([field, value]) => ({ kind: 'subject.set', field, value }));
  const timers = arrivalEffects(definition, last.state, { ...context, enteredAt: input.now }, input.parameters ?? {}, input.calendar);
  return { snapshot: { state: last.state, context }, status: statusOf(definition, last.state), effects: [...records, ...statuses, ...timers] };
}
