import type { WorkingCalendar } from '../calendar/index.ts';
import type { Actor, CaseContext, CaseData, Effect } from '../actions/index.ts';

/** The persisted form of a case's machine state. Flat machines need only value and context. */
export interface CaseSnapshot {
  state: string;
  context: CaseContext;
}

/** A deadline of the current state counted again with another calendar; the runtime moves the task or timer and records the move. */
export type DeadlineMove =
  | { kind: 'task.reschedule'; state: string; dueAt: string; provisional: boolean }
  | { kind: 'timer.reschedule'; state: string; event: string; at: string; provisional: boolean };

/** Input to start a case. */
export interface StartInput {
  actor: Actor;
  now: string;
  /** The working-day calendar in force, which counts the first state's deadlines. */
  calendar: WorkingCalendar;
  data?: CaseData;
  parameters?: Record<string, unknown>;
}

/** Input to one step of a case. */
export interface StepInput {
  snapshot: CaseSnapshot;
  event: { type: string; data?: CaseData };
  actor: Actor;
  now: string;
  /** The working-day calendar in force, which counts the deadlines of the state entered. */
  calendar: WorkingCalendar;
  facts?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

/** Input to count a case's current deadlines again: the calendar now in force, and the parameters in force when the state was entered. */
export interface RescheduleInput {
  snapshot: CaseSnapshot;
  calendar: WorkingCalendar;
  parameters?: Record<string, unknown>;
}

/** A step's outcome: the next snapshot and the effects to apply with it. */
export interface StepResult {
  snapshot: CaseSnapshot;
  status: 'active' | 'final';
  effects: Effect[];
}
