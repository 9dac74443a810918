import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseSnapshot, Definition, Overlay } from '../../../engine/index.ts';
import { orgUnits, users } from './organisation.ts';

/**
 * Published process definitions: immutable, numbered per process and scope. A case pins
 * the row it started on, so a later version never changes a case in flight.
 */
export const definitions = pgTable(
  'definitions',
  {
    id: uuid('id').primaryKey(),
    processId: text('process_id').notNull(),
    version: integer('version').notNull(),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    /** The org unit the version is in force for: the ministry root for the standard. */
    scopeOrgUnitId: text('scope_org_unit_id').notNull().references(() => orgUnits.id),
    /** `json`, not `jsonb`: the order of states, actions and form fields is meaningful and jsonb sorts keys. */
    definition: json('definition').$type<Definition>().notNull(),
    hash: text('hash').notNull(),
    /** The province or city overlay this version applied to the level below; null for the ministry standard. */
    overlay: json('overlay').$type<Overlay>(),
    /** The definition of the level below the overlay was applied to. */
    basedOn: uuid('based_on'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('definitions_process_scope_version_key').on(t.processId, t.scopeOrgUnitId, t.version)],
);

/** A running or finished case of a process, with its XState snapshot and an optimistic version. */
export const cases = pgTable(
  'cases',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseNo: text('case_no').notNull(),
    processId: text('process_id').notNull(),
    definitionId: uuid('definition_id').notNull().references(() => definitions.id),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    subjectType: text('subject_type', { enum: ['person', 'employer'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    orgPath: text('org_path').notNull(),
    state: text('state').notNull(),
    status: text('status', { enum: ['active', 'final'] }).notNull(),
    /** From the definition's `oneActivePerSubject`: this case excludes another active one for the subject. */
    exclusive: boolean('exclusive').notNull().default(true),
    snapshot: jsonb('snapshot').$type<CaseSnapshot>().notNull(),
    /** A queryable copy of the snapshot's collected form data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    /** Null when the system opened the case (coordination). */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The bulk import that brought the case in from the city's earlier system; null for a case opened here. */
    importedFrom: uuid('imported_from'),
    /** The public account that opened the case on the public site (the online channel); null otherwise. */
    openedByAccount: uuid('opened_by_account'),
    /** The application number (申请编号) of the 全国人社政务服务平台 application the case was opened for (the national channel); null otherwise. */
    nationalApplicationNo: text('national_application_no'),
    /** The agency and its signed event message (`social-insurance.enrolment`) the case was opened for (the exchange channel); null otherwise. */
    exchangeSender: text('exchange_sender'),
    exchangeMessageId: uuid('exchange_message_id'),
  },
  (t) => [
    primaryKey({ name: 'cases_pkey', columns: [t.cityCode, t.id] }),
    unique('cases_city_case_no_key').on(t.cityCode, t.caseNo),
    // A national application opens one case in its city, however often it is downloaded.
    unique('cases_city_national_application_key').on(t.cityCode, t.nationalApplicationNo),
    // An agency's event message opens at most one case of a process, whatever the code does.
    unique('cases_city_exchange_message_key').on(t.cityCode, t.processId, t.exchangeSender, t.exchangeMessageId),
    index('cases_id_idx').on(t.id),
    index('cases_subject_idx').on(t.cityCode, t.subjectId, t.status),
    // One active case per process and subject where the process says so, enforced by the database even under concurrency.
    uniqueIndex('cases_one_active_key').on(t.cityCode, t.processId, t.subjectId).where(sql`status = 'active' AND exclusive`),
    index('cases_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
  ],
);

/** A human task: opened when a case enters a state with a task, closed when it leaves. */
export const tasks = pgTable(
  'tasks',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    state: text('state').notNull(),
    role: text('role').notNull(),
    post: text('post'),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    orgPath: text('org_path').notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The deadline was counted Monday to Friday through a year with no holiday schedule yet. */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /** The calendar version that counted the deadline; null on tasks older than the calendar. */
    calendarVersion: integer('calendar_version'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closedEvent: text('closed_event'),
    /** Set when the deadline passed with the task open: it is then escalated to `escalatedTo`. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedTo: text('escalated_to'),
    /** Who took the task to work on it: only they may step it until it is released or reassigned; kept when it closes. */
    claimedBy: uuid('claimed_by').references(() => users.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'tasks_pkey', columns: [t.cityCode, t.id] }),
    index('tasks_case_idx').on(t.cityCode, t.caseId),
    index('tasks_open_idx').on(t.status, t.orgPath.op('text_pattern_ops')),
    index('tasks_claimed_idx').on(t.claimedBy).where(sql`status = 'open'`),
  ],
);

/**
 * The performance records: one append-only row per step, with who, at which post and org
 * unit, when the state was entered and left, its SLA deadline and whether it was met.
 * A trigger refuses UPDATE and DELETE.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    processId: text('process_id').notNull(),
    definitionId: uuid('definition_id').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    event: text('event').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    post: text('post'),
    orgUnitId: text('org_unit_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The deadline was counted Monday to Friday through a year with no holiday schedule. */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /** The calendar version that counted the deadlines of the state left; null on records older than the calendar. */
    calendarVersion: integer('calendar_version'),
    onTime: boolean('on_time'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The facts the step's rules saw, so a history can be replayed against a draft; null when none were looked up. */
    facts: jsonb('facts').$type<Record<string, unknown>>(),
    /** Why a system step happened: the domain event and the case that emitted it. */
    cause: jsonb('cause').$type<{ event: string; caseId: string; caseNo: string; processId: string; outboxId: number }>(),
    /** Who held the task's claim when the step was taken, and since when; null for a task nobody claimed. */
    claimedBy: uuid('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The bulk import whose history the record is: not work done here, so indicators leave it out. */
    importedFrom: uuid('imported_from'),
    /** The channel its case came in by (`channelOf` the case row: window, coordination, import, online, national, exchange), so indicators split by it. */
    channel: text('channel').notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_events_pkey', columns: [t.cityCode, t.id] }),
    unique('case_events_case_seq_key').on(t.cityCode, t.caseId, t.seq),
    index('case_events_process_left_idx').on(t.processId, t.leftAt),
    // The few records judged against a provisional deadline, found again when their year's schedule comes in.
    index('case_events_provisional_idx').on(t.cityCode, t.id).where(sql`due_provisional`),
  ],
);

/** Domain events, written in the step's transaction and delivered to subscribers from here. */
export const outbox = pgTable(
  'outbox',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    event: text('event').notNull(),
    caseId: uuid('case_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'outbox_pkey', columns: [t.cityCode, t.id] })],
);

/** Which subscriber has handled which outbox event: the key that makes delivery exactly once. */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    cityCode: text('city_code').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    subscriber: text('subscriber').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    /** Cases the delivery stepped or started, and those whose rules declined it, with why. */
    outcome: jsonb('outcome').$type<{ stepped: string[]; started: string[]; declined: { caseId: string; code: string }[] }>(),
  },
  (t) => [primaryKey({ name: 'outbox_deliveries_pkey', columns: [t.cityCode, t.outboxId, t.subscriber] })],
);

/**
 * Deadlines to act on: SLA escalation, and event timers (notice periods, expiry, monthly
 * payments) that send an event to the case if it is still in `state`. Workers claim due
 * rows with FOR UPDATE SKIP LOCKED, so two runtime processes never fire one twice.
 */
export const timers = pgTable(
  'timers',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', { enum: ['sla', 'event'] }).notNull(),
    state: text('state').notNull(),
    event: text('event'),
    otherwise: text('otherwise'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    /** A working-day timer counted Monday to Friday through a year with no holiday schedule. */
    provisional: boolean('provisional').notNull().default(false),
    /** The calendar version that counted a working-day or SLA timer; null for timers set by a date or the month. */
    calendarVersion: integer('calendar_version'),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** What firing did: the event sent, or why nothing was (left the state, refused). */
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ name: 'timers_pkey', columns: [t.cityCode, t.id] }),
    index('timers_pending_idx').on(t.fireAt).where(sql`fired_at IS NULL AND cancelled_at IS NULL`),
    index('timers_case_idx').on(t.cityCode, t.caseId),
  ],
);

/** Per-city sequences for human-readable numbers (case numbers, certificates). */
export const counters = pgTable(
  'counters',
  {
    cityCode: text('city_code').notNull(),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'counters_pkey', columns: [t.cityCode, t.name] })],
);

/** Append-only audit trail of actions outside case steps: overrides, sign-ins, installs. */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  cityCode: text('city_code'),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  target: text('target').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** The overlay a province or city configurator is editing for a process, one per org unit. */
export const overlayDrafts = pgTable(
  'overlay_drafts',
  {
    processId: text('process_id').notNull(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    overlay: json('overlay').$type<Overlay>().notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'overlay_drafts_pkey', columns: [t.processId, t.orgUnitId] })],
);

/** Parameter values a province or city published, each in force from a date. */
export const parameterValues = pgTable(
  'parameter_values',
  {
    pluginId: text('plugin_id').notNull(),
    parameterId: text('parameter_id').notNull(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').$type<number | string[]>().notNull(),
    definitionId: uuid('definition_id').notNull().references(() => definitions.id),
  },
  (t) => [primaryKey({ name: 'parameter_values_pkey', columns: [t.pluginId, t.parameterId, t.orgUnitId, t.effectiveFrom] })],
);
