import type { WorkingCalendar } from '../calendar/index.ts';
import type { Definition } from '../definition/index.ts';
import type { CaseContext, Effect, PerformanceRecord } from '../actions/index.ts';
import type { StepResult } from './step-types.ts';
import { armTimers } from './timers.ts';

/** What entering `state` with `context` starts: its task with the SLA timer, and its event timers. */
export function arrivalEffects(definition: Definition, state: string, context: CaseContext, parameters: Readonly<Record<string, unknown>>, calendar: WorkingCalendar): Effect[] {
  const effects: Effect[] = [];
  const task = definition.states[state]?.task;
  const provisional = context.dueProvisional ?? false;
  if (task?.role && context.dueAt) {
    effects.push(
      { kind: 'task.open', state, role: task.role, post: task.post ?? null, dueAt: context.dueAt, provisional },
      { kind: 'timer.schedule', timer: 'sla', state, at: context.dueAt, provisional },
    );
  }
  return [...effects, ...armTimers(definition, state, context, parameters, calendar)];
}

/** What leaving `state` by `event` ends: its open task, closed with the event, and its timers. */
export function departureEffects(definition: Definition, state: string, event: string): Effect[] {
  const left = definition.states[state];
  const effects: Effect[] = [];
  if (left?.task) effects.push({ kind: 'task.close', state, event });
  if (left?.task || (left?.timers.length ?? 0) > 0) effects.push({ kind: 'timer.cancel', state });
  return effects;
}

/** The deadline fields of a performance record: those of the state it left. */
export function deadlineOfLeft(left: CaseContext): Pick<PerformanceRecord, 'dueAt' | 'dueProvisional' | 'calendarVersion'> {
  return { dueAt: left.dueAt, dueProvisional: left.dueAt !== null && (left.dueProvisional ?? false), calendarVersion: left.calendarVersion ?? null };
}

/** Whether a case in `state` is still running. */
export function statusOf(definition: Definition, state: string): StepResult['status'] {
  return definition.states[state]?.type === 'final' ? 'final' : 'active';
}
