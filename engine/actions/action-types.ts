import type { ConditionScope } from '../conditions/index.ts';

/** Who takes a step: a signed-in user at a post in an org unit, or the system. */
export interface Actor {
  id: string;
  name: string;
  role: string;
  /** Code of the service post (岗位) the actor holds, when any. */
  post: string | null;
  /** Id of the org unit the actor acts for. */
  orgUnit: string;
}

export type CaseData = Record<string, unknown>;

/** What a case carries between steps, inside its XState snapshot. */
export interface CaseContext {
  /** Everything the case's forms have collected so far. */
  data: CaseData;
  /** ISO instant the case entered its current state. */
  enteredAt: string;
  /** SLA deadline of the current state, when it has a task. */
  dueAt: string | null;
  /** The deadline was counted Monday to Friday through a year with no holiday schedule yet. Absent on snapshots older than the calendar. */
  dueProvisional?: boolean;
  /** The calendar version that counted the current state's deadlines. Absent on snapshots older than the calendar. */
  calendarVersion?: number;
  /** Id of the last actor to send each event, for maker-checker rules. */
  lastActors: Record<string, string>;
}

/** One step-level performance record: a state left, by whom, when, against which deadline. */
export interface PerformanceRecord {
  from: string | null;
  to: string;
  event: string;
  actor: Actor;
  enteredAt: string;
  leftAt: string;
  dueAt: string | null;
  /** The deadline was counted Monday to Friday through a year with no holiday schedule. */
  dueProvisional: boolean;
  /** The calendar version that counted the deadlines of the state left; null for records older than the calendar. */
  calendarVersion: number | null;
  /** Null when the state had no deadline. */
  onTime: boolean | null;
  /** The form data sent with the event. */
  data: CaseData;
}

/** Which fund pays a ledger item. */
export type Fund = 'employment-subsidy' | 'unemployment-insurance';

/** Who receives a ledger item's money. */
export type PayeeKind = 'person' | 'employer' | 'institution' | 'bank';

/**
 * The receiver of a payment. The case's own person has `code` and `name` null and is paid to the
 * account this case collected (`account`, `bank`), else to the one on their record; any other payee is named by the case data: `code` is the
 * unified social credit code of an organisation or the ID number of another person (a survivor),
 * `account` and `bank` the account the money goes to. The runtime seals the ID number and the
 * account before they are stored.
 */
export interface Payee {
  kind: PayeeKind;
  code: string | null;
  name: string | null;
  account: string | null;
  bank: string | null;
}

/**
 * An approved payment for a person: what it is for and for which period, from which fund, in
 * integer fen, to whom it is paid, with who prepared it and who approved it (they must differ).
 * The person is the case's subject, whose once-per-period rule the ledger keeps whoever is paid.
 */
export interface LedgerItem {
  subsidyType: string;
  /** What is paid for: the same item for the same period is paid once, whichever the fund. */
  item: string;
  period: string;
  fund: Fund;
  amountFen: number;
  payee: Payee;
  preparedBy: string;
  approvedBy: string;
}

/** A deadline at which the system sends an event to the case, if it is still in `state`. */
export interface EventTimer {
  kind: 'timer.schedule';
  timer: 'event';
  state: string;
  at: string;
  event: string;
  otherwise: string | null;
  /** The form the event carries, e.g. the month a monthly payment is for. */
  data: CaseData;
  /** Counted in working days from entering the state, so it moves when the calendar changes. */
  workingDays: boolean;
  /** A working-day timer counted Monday to Friday through a year with no holiday schedule. */
  provisional: boolean;
}

/** A side effect as data. The engine never performs one; the runtime applies them in one transaction. */
export type Effect =
  | { kind: 'task.open'; state: string; role: string; post: string | null; dueAt: string; provisional: boolean }
  | { kind: 'task.close'; state: string; event: string }
  | { kind: 'timer.schedule'; timer: 'sla'; state: string; at: string; provisional: boolean }
  | EventTimer
  | { kind: 'timer.cancel'; state: string }
  | { kind: 'record'; record: PerformanceRecord }
  | { kind: 'emit'; event: string; payload: CaseData }
  | { kind: 'subject.set'; field: string; value: string | number | boolean | null }
  | { kind: 'subject.increment'; field: string }
  | { kind: 'certificate.issue'; certificate: string }
  | { kind: 'ledger.item'; item: LedgerItem };

/** What rules and named actions see: the condition scope plus the actor. */
export interface RuleInput extends ConditionScope {
  actor: Actor;
  /** Who last sent each event, for actions that record a preparer and an approver. */
  lastActors: Readonly<Record<string, string>>;
}

/** A business rule too complex for CEL, written in TypeScript by a plugin. Must be pure. */
export type GuardImplementation = (input: RuleInput) => boolean;

/** A named action: turns the step's scope into effects. Must be pure. */
export type ActionImplementation = (input: RuleInput, params: Readonly<Record<string, unknown>>) => Effect[];

/** The named guards and actions a definition may refer to. */
export interface Implementations {
  guards: Readonly<Record<string, GuardImplementation>>;
  actions: Readonly<Record<string, ActionImplementation>>;
}
