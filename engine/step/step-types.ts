import type { WorkingCalendar } from '../calendar/index.ts';
import type { Actor, CaseContext, CaseData, Effect } from '../actions/index.ts';
import type { Definition } from '../definition/index.ts';
import type { CodeLookup } from '../../forms/index.ts';

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
  /** The code tables the runtime holds: a form's `x-code-table` fields must name codes in them. */
  codes?: CodeLookup;
}

/** Input to count a case's current deadlines again: the calendar now in force, and the parameters in force when the state was entered. */
export interface RescheduleInput {
  snapshot: CaseSnapshot;
  calendar: WorkingCalendar;
  parameters?: Record<string, unknown>;
}

/** A published version of a definition, as a migration record names it. */
export interface DefinitionVersion {
  id: string;
  version: number;
}

/**
 * Input to move a case onto another version of its definition: the definition it is on (whose
 * task and timers its state leaves behind), the calendar in force now, and the parameters in force
 * on the day the case entered its state, which count the state's deadlines again from that day.
 */
export interface MigrateInput {
  snapshot: CaseSnapshot;
  source: Definition;
  versions: { from: DefinitionVersion; to: DefinitionVersion };
  actor: Actor;
  now: string;
  calendar: WorkingCalendar;
  parameters?: Record<string, unknown>;
}

/**
 * Input to build a case imported from a city's earlier system: the states its history entered, in
 * order, each with the time and the data it brought; the statuses its subject takes; the actor its
 * records name; now (the import), the calendar and parameters in force, which count its timers.
 */
export interface ImportCaseInput {
  history: readonly { state: string; at: string; data: CaseData }[];
  statuses?: Readonly<Record<string, string>>;
  actor: Actor;
  now: string;
  calendar: WorkingCalendar;
  parameters?: Record<string, unknown>;
}

/** A step's outcome: the next snapshot and the effects to apply with it. */
export interface StepResult {
  snapshot: CaseSnapshot;
  status: 'active' | 'final';
  effects: Effect[];
}
