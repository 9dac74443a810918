import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CalendarDay } from '../../../engine/index.ts';
import { orgUnits, users } from './organisation.ts';

/** Calendar versions are never reused, not even those of a change that was rolled back. */
export const calendarVersionSeq = pgSequence('calendar_version_seq', { startWith: 1 });

/**
 * The version of the working-day calendar now in force: one row. A change takes the next
 * number from the sequence under this row's lock, so versions follow commit order and every
 * schedule row at or below the version read is committed.
 */
export const calendarState = pgTable(
  'calendar_state',
  {
    id: integer('id').primaryKey().default(1),
    version: integer('version').notNull(),
  },
  (t) => [check('calendar_state_one_row', sql`${t.id} = 1`)],
);

/**
 * Holiday schedules as entered, one row per level, year and change: the State Council's for the
 * country (scope: the ministry) or a province's own holidays (scope: the province). The calendar
 * at version V takes, per scope and year, the row with the highest version not above V, so an
 * old case can be counted again with the calendar of its time.
 */
export const calendarSchedules = pgTable(
  'calendar_schedules',
  {
    scopeOrgUnitId: text('scope_org_unit_id').notNull().references(() => orgUnits.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    noticeNumber: text('notice_number'),
    noticeTitle: text('notice_title').notNull(),
    noticeDate: date('notice_date', { mode: 'string' }),
    days: jsonb('days').$type<CalendarDay[]>().notNull(),
    /** The first date whose status differs from the schedule this row replaces: deadlines ending before it cannot move. */
    changedFrom: date('changed_from', { mode: 'string' }),
    /** Where it came from: the bundled package, the form, or an imported file. */
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'calendar_schedules_pkey', columns: [t.scopeOrgUnitId, t.year, t.version] })],
);

/**
 * Every move of an open deadline after a calendar change: the task's (with its SLA timer) or a
 * working-day timer's, from when to when, provisional or not, and which calendar version moved it.
 * Append-only by trigger.
 */
export const deadlineMoves = pgTable(
  'deadline_moves',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull(),
    state: text('state').notNull(),
    target: text('target', { enum: ['task', 'timer'] }).notNull(),
    /** The event of a moved timer; null for a task. */
    event: text('event'),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    fromProvisional: boolean('from_provisional').notNull(),
    toProvisional: boolean('to_provisional').notNull(),
    calendarVersion: integer('calendar_version').notNull(),
    /** The task had been escalated on the old deadline, which the new one has not reached: the escalation was withdrawn. */
    escalationWithdrawn: boolean('escalation_withdrawn').notNull().default(false),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'deadline_moves_pkey', columns: [t.cityCode, t.id] }), index('deadline_moves_case_idx').on(t.cityCode, t.caseId)],
);

/**
 * A performance record judged against a provisional deadline (a year with no schedule), judged
 * again once the year's schedule is in: the deadline counted with that calendar and whether the
 * step met it. The record itself stays as written; indicators count the revision.
 */
export const recordRevisions = pgTable(
  'record_revisions',
  {
    cityCode: text('city_code').notNull(),
    caseEventId: bigint('case_event_id', { mode: 'number' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    onTime: boolean('on_time').notNull(),
    calendarVersion: integer('calendar_version').notNull(),
    revisedAt: timestamp('revised_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'record_revisions_pkey', columns: [t.cityCode, t.caseEventId] })],
);
