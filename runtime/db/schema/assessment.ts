import { bigint, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './organisation.ts';

/** Frozen figures of an approved period: each indicator's numerator, denominator and value. */
export type FrozenFigures = Record<string, { numerator: number; denominator: number; value: number | null }>;

/**
 * Review of a period's figures (like DHIS2 data approval): the city approves, the province
 * accepts. Approval freezes the figures and the last performance record counted; records of
 * the period written later are flagged, never silently added.
 */
export const indicatorApprovals = pgTable(
  'indicator_approvals',
  {
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    /** `YYYY-Qn` or `YYYY-MM`. */
    period: text('period').notNull(),
    status: text('status', { enum: ['approved', 'accepted'] }).notNull(),
    figures: jsonb('figures').$type<FrozenFigures>().notNull(),
    lastRecordId: bigint('last_record_id', { mode: 'number' }).notNull(),
    approvedBy: uuid('approved_by').notNull().references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    comment: text('comment'),
    /** An evaluator's score, 0 to 100. */
    score: integer('score'),
  },
  (t) => [primaryKey({ name: 'indicator_approvals_pkey', columns: [t.orgUnitId, t.period] })],
);

/** Early-warning thresholds an org unit set, overriding the ministry's defaults. */
export const warningThresholds = pgTable(
  'warning_thresholds',
  {
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    rule: text('rule').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'warning_thresholds_pkey', columns: [t.orgUnitId, t.rule] })],
);

/** An early-warning alert: active -> acknowledged -> resolved, with who and when. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    rule: text('rule').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    status: text('status', { enum: ['active', 'acknowledged', 'resolved'] }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [unique('alerts_unit_rule_period_key').on(t.orgUnitId, t.rule, t.period)],
);
