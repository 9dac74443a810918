import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation.ts';

/** What a notification in the workbench is about: a new task, one returned to its post, a deadline within a working day, an escalation. */
export const NOTIFICATION_KINDS = ['new', 'returned', 'deadline', 'escalation'] as const;

/**
 * Which notifications a user has marked read. The notifications themselves are not stored: they
 * are derived from the open tasks offered to the user when asked (runtime/notifications), so a
 * step writes nothing extra and a deadline coming near needs no timer. Only the read mark, per
 * user, task and kind, is kept; the city code leads the task's key as in every tenant table.
 */
export const notificationReads = pgTable(
  'notification_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    cityCode: text('city_code').notNull(),
    taskId: uuid('task_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'notification_reads_pkey', columns: [t.userId, t.cityCode, t.taskId, t.kind] })],
);
