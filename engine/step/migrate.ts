import { deadlineContext, type CompiledDefinition } from '../compile/index.ts';
import { PlatformError } from '../errors/index.ts';
import type { CaseContext, PerformanceRecord } from '../actions/index.ts';
import type { MigrateInput, StepResult } from './step-types.ts';
import { arrivalEffects, departureEffects, statusOf } from './state-effects.ts';

/** The event of a migration's performance record and of the task it closes. */
export const MIGRATE_EVENT = 'migrate';

/**
 * Moves a case onto another version of its definition (a province or city published an overlay),
 * like a step that leaves its state and enters it again under the target. The state, the data and
 * the time the case entered the state stay; the state's deadline is counted again from that time
 * with the target's SLA, as a step into the state would have counted it then: the time limit runs
 * from when the case arrived, so a longer limit does not give a late case a fresh start, nor a
 * shorter one more than the new limit. The effects are those of leaving the state under the source
 * (its open task closed by `migrate`, its timers cancelled), a `migrate` performance record
 * (from = to = the state, no deadline judged, the two versions as its data), and those of entering
 * it under the target (a task with the target's role, post and deadline, the SLA timer and the
 * target's event timers). Pure; a state the target does not have is refused.
 */
export function migrate(target: CompiledDefinition, input: MigrateInput): StepResult {
  const { definition } = target;
  const { state, context } = input.snapshot;
  const { from, to } = input.versions;
  if (!Object.hasOwn(definition.states, state)) throw new PlatformError('MIGRATION_STATE_MISSING', { details: { state, fromVersion: from.version, toVersion: to.version } });
  const next: CaseContext = { ...context, ...deadlineContext(definition, state, context.enteredAt, input.calendar) };
  const record: PerformanceRecord = {
    from: state,
    to: state,
    event: MIGRATE_EVENT,
    actor: input.actor,
    enteredAt: context.enteredAt,
    leftAt: input.now,
    // Not a step of the work: no deadline is judged, so on-time rates and workloads leave it out.
    dueAt: null,
    dueProvisional: false,
    // As on a creation record: the calendar that counted the deadlines from here on.
    calendarVersion: input.calendar.version,
    onTime: null,
    data: { fromDefinitionId: from.id, fromVersion: from.version, toDefinitionId: to.id, toVersion: to.version },
  };
  return {
    snapshot: { state, context: next },
    status: statusOf(definition, state),
    effects: [...departureEffects(input.source, state, MIGRATE_EVENT), { kind: 'record', record }, ...arrivalEffects(definition, state, next, input.parameters ?? {}, input.calendar)],
  };
}
