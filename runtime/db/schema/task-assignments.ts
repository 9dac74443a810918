import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation.ts';

/** What happened to a task's claim. */
export const ASSIGNMENT_ACTIONS = ['claim', 'release', 'handover', 'reassign'] as const;

/**
 * Every claim, release, hand-over and reassignment of a task, append-only by trigger: the audit of
 * who held a task when, which the performance record (`case_events.claimed_by`, the claim at the
 * step) and indicators join by task or case. Kept here rather than in `audit_log` for typed,
 * indexed columns and the city code first in the key, as every tenant table has.
 */
export const taskAssignments = pgTable(
  'task_assignments',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    taskId: uuid('task_id').notNull(),
    caseId: uuid('case_id').notNull(),
    action: text('action', { enum: ASSIGNMENT_ACTIONS }).notNull(),
    /** The claimant before; null when the task was unclaimed. */
    fromUser: uuid('from_user'),
    /** The claimant after; null on a release. */
    toUser: uuid('to_user'),
    /** Who did it: the claimant, a colleague handing over, or a supervisor. */
    byUser: uuid('by_user')
      .notNull()
      .references(() => users.id),
    /** The task's post, so per-post figures need no join. */
    post: text('post'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'task_assignments_pkey', columns: [t.cityCode, t.id] }), index('task_assignments_task_idx').on(t.cityCode, t.taskId)],
);
