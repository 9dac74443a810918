import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 访问日志: who read which personal data and why (a person, a case, an export, a bank file, a
 * reveal), and every sign-in, failure, lock and sign-out, from which address. Append-only: a
 * trigger refuses UPDATE, and DELETE except the purge of rows past the retention period.
 * Each row's hash covers the previous row's hash and its own content, so a row removed or
 * altered breaks the chain from there on.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    orgUnitId: text('org_unit_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Why, for a reveal (break-glass) or an export. */
    purpose: text('purpose'),
    address: text('address'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('access_log_at_idx').on(t.at), index('access_log_target_idx').on(t.targetType, t.targetId), index('access_log_actor_idx').on(t.actorId)],
);

/**
 * The end of the chain, one row, locked by each writer so rows chain in commit order; and, after
 * a purge, where the chain now starts (the first row kept and the hash it chains from).
 */
export const accessLogHead = pgTable(
  'access_log_head',
  {
    id: integer('id').primaryKey().default(1),
    lastHash: text('last_hash').notNull(),
    anchorId: bigint('anchor_id', { mode: 'number' }),
    anchorPrevHash: text('anchor_prev_hash'),
    purgedThrough: timestamp('purged_through', { withTimezone: true }),
  },
  (t) => [check('access_log_head_one_row', sql`${t.id} = 1`)],
);
