import type { SQL } from 'drizzle-orm';
import type { PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Actor, CaseData, Effect } from '../engine/index.ts';
import type { RuntimeConfig } from './config.ts';
import type { FieldCipher } from './crypto/index.ts';
import type { Backend, Database, Transaction } from './db/index.ts';
import type { cases } from './db/schema/index.ts';
import type { PluginRegistry, PublishedDefinition } from './plugins/index.ts';

/** Everything a request handler or worker needs, passed explicitly instead of imported globals. */
export interface RuntimeContext {
  db: Database;
  backend: Backend;
  registry: PluginRegistry;
  config: RuntimeConfig;
  /** Encrypts personal data at rest and indexes it blindly. */
  cipher: FieldCipher;
  /** The time source; tests inject a fixed or stepping clock. */
  clock: () => Date;
  /** The case transaction, built once with every folder's effect handlers (`createRuntimeContext` in `startup.ts`). */
  stepper: CaseStepper;
}

/**
 * The case transaction (`cases/`): every write of a step to a case, its work and its subject goes
 * through it, in a transaction the caller owns. Each call takes the context, so a copy of it with
 * another clock or database steps with its own. Declared here rather than in `cases/`, because the
 * context holds one and every folder takes the context.
 */
export interface CaseStepper {
  /** Opens a case: its number, the pinned definition version, the first snapshot and the effects of starting it. */
  open(tx: Transaction, rt: RuntimeContext, input: CaseOpenInput): Promise<CaseRow>;
  /** Steps a case the caller has read (and locked), guarded by the version read. */
  step(tx: Transaction, rt: RuntimeContext, row: CaseRow, input: CaseStepInput): Promise<CaseRow>;
  /** Counts the deadlines of a locked case's current state again with the calendar of a version; returns how many moved. */
  reschedule(tx: Transaction, rt: RuntimeContext, row: CaseRow, calendarVersion: number): Promise<number>;
  /** Moves a locked case from the published version `from` onto `to`, written as a step is (the engine's `migrate`). */
  migrate(tx: Transaction, rt: RuntimeContext, row: CaseRow, from: PublishedDefinition, to: PublishedDefinition, actor: Actor): Promise<CaseRow>;
  /**
   * Applies a step's effects, each by the handler of its kind, checked against the context's
   * registry (the statuses its packages declare); the plain writes are gathered into `writes`
   * with any the caller gathered before (the case's own update) and sent as one statement.
   * Then brings the projections other folders keep of cases (the public postings) up to `row`.
   * Returns the domain events written to the outbox.
   */
  applyEffects(tx: Transaction, rt: RuntimeContext, row: CaseRow, effects: readonly Effect[], context: StepContext, writes: StepWriter): Promise<EmittedEvent[]>;
  /** Opens the case a `start` subscription asks for on a domain event, unless the subject has one active. */
  openOnEvent(tx: Transaction, rt: RuntimeContext, input: EventOpenInput): Promise<CaseRow | undefined>;
  /**
   * Brings in a case from a city's earlier system at the state its history reached (the engine's
   * `importCase`), marked with the import on the case and its records: the only way besides `open`
   * a case row is made.
   */
  importCase(tx: Transaction, rt: RuntimeContext, input: CaseImportInput): Promise<CaseRow>;
  /** Delivers one outbox event again, by id; returns the number of cases stepped or opened. */
  redeliver(tx: Transaction, rt: RuntimeContext, cityCode: string, outboxId: number): Promise<number>;
}

/**
 * What another folder keeps of a case (the public postings), brought up to the case as a write left
 * it (opened, stepped, migrated or imported), in that write's transaction, after the write's
 * effects: made for a registry, as the effect handlers are (`createStepper` in `cases/`).
 */
export type CaseProjection = (tx: Transaction, row: CaseRow, context: StepContext) => Promise<void>;

/**
 * The writes of a step that need nothing back but how many rows they touched, gathered and sent
 * together as one statement (`cases/step-writes.ts`); `flush` sends what was gathered.
 */
export interface StepWriter {
  insert<T extends PgTable>(table: T, values: PgInsertValue<T>): void;
  /** Gathers an update; `check` receives how many rows it updated and throws to abort the step. */
  update<T extends PgTable>(table: T, set: PgUpdateSetSource<T>, where: SQL, check?: (rows: number) => void): Promise<void>;
  /** Gathers another data-modifying statement on `table`, one that returns a row for each row it wrote, as an update is gathered. */
  write(table: PgTable, statement: SQL, check?: (rows: number) => void): Promise<void>;
  flush(): Promise<void>;
}

/** A case as its row holds it. */
export type CaseRow = typeof cases.$inferSelect;

/** Why a system step happened, stored on its performance record. */
export interface Cause {
  event: string;
  caseId: string;
  caseNo: string;
  processId: string;
  outboxId: number;
}

/** A domain event written to the outbox, as coordination needs it. */
export interface EmittedEvent {
  id: number;
  cityCode: string;
  event: string;
  subjectId: string;
  payload: CaseData;
}

/** One step of one case inside a transaction the caller owns. */
export interface CaseStepInput {
  event: { type: string; data?: CaseData };
  actor: Actor;
  cause: Cause | null;
  /** How far down a chain of coordination the step is; 0 for a step of its own. */
  depth?: number;
  /** The claim on the task the step closes (who took it, when), kept on its performance record; none for system steps. */
  claim?: { by: string; at: Date } | null;
}

/** A new case: which definition, about whom, at which org unit, opened by whom. */
export interface CaseOpenInput {
  published: PublishedDefinition;
  cityCode: string;
  subjectId: string;
  orgUnit: { id: string; path: string };
  actor: Actor;
  /** The user who opened it; null when the system did, or the public did (`openedByAccount`). */
  createdBy: string | null;
  /** The public account that opened it on the public site: the online channel. */
  openedByAccount?: string | null;
  /** The 全国人社政务服务平台 application it was opened for (申请编号): the national channel. */
  nationalApplicationNo?: string | null;
  /** Another agency's signed event message it was opened for (a 参保登记): the exchange channel. */
  exchangeMessage?: { sender: string; messageId: string } | null;
  data?: CaseData;
  cause: Cause | null;
  depth?: number;
}

/** A case imported from a city's earlier system: which version, about whom, at which office, its history and the statuses it sets, and the import. */
export interface CaseImportInput {
  published: PublishedDefinition;
  cityCode: string;
  subjectId: string;
  orgUnit: { id: string; path: string };
  actor: Actor;
  createdBy: string;
  history: readonly { state: string; at: string; data: CaseData }[];
  statuses?: Readonly<Record<string, string>> | undefined;
  importId: string;
}

/** A case a subscription opens for a domain event: of which process, with which form, caused by which event. */
export interface EventOpenInput {
  processId: string;
  event: EmittedEvent;
  data: CaseData;
  cause: Cause;
  depth: number;
}

/** Who took the step, when, with which calendar, and (for system steps) why. */
export interface StepContext {
  actor: Actor;
  now: Date;
  /** The version of the calendar the step counted its deadlines with. */
  calendarVersion: number;
  cause: Cause | null;
  /** The facts the step's rules saw, kept on its record for replay; null when none were looked up. */
  facts?: Record<string, unknown> | null;
  /** The claim on the task the step closes, kept on its performance record; null when unclaimed or a system step. */
  claim?: { by: string; at: Date } | null;
  /** The import whose history the records are (a case brought in from an earlier system); absent for work done here. */
  importedFrom?: string | null;
}
