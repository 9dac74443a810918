import { sql, type SQL } from 'drizzle-orm';
import { addWorkingDays } from '../../engine/index.ts';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import { offeredTo } from '../cases/task-offer.ts';
import { queryRows, type Executor } from '../db/index.ts';
import { tasks, type NOTIFICATION_KINDS } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** What a notification is about. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How many notifications the bell lists at most: the newest; the counts are of all of them. */
export const NOTIFICATION_LIST_LIMIT = 50;

/** A notification as the bell shows it. */
export interface Notification {
  id: string;
  kind: NotificationKind;
  taskId: string;
  caseId: string;
  caseNo: string;
  processTitle: { 'zh-CN': string; en: string };
  stateTitle: { 'zh-CN': string; en: string };
  post: string | null;
  /** When it happened: the task arrived (new, returned), falls due (deadline), was escalated. */
  at: string;
  dueAt: string;
  escalatedTo: string | null;
  read: boolean;
}

/** Unread notifications by kind, and in all. */
export type NotificationCounts = Record<NotificationKind | 'unread', number>;

/** One notification row as the query answers it (timestamps are strings on postgres.js, Dates on PGlite). */
interface FeedRow {
  city_code: string;
  task_id: string;
  case_id: string;
  kind: NotificationKind;
  at: string | Date;
  due_at: string | Date;
  post: string | null;
  state: string;
  escalated_to: string | null;
  read: boolean;
  case_no: string;
  definition_id: string;
  unread: number;
  unread_new: number;
  unread_returned: number;
  unread_deadline: number;
  unread_escalation: number;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The notifications of the user as one query: every open task offered to the user in the user's
 * subtree (role, and its post held at the office offering it, or escalated to a post held: what
 * the inbox lists) gives up to three. `new` (or `returned` when the case had a task in the same
 * state before, done: a reviewer sent it back) unless the user took the step that entered the
 * state (the case's last record into it: a task one sent oneself is no news) or
 * someone else claimed it; `deadline` when it falls due by the end of the next working day (the
 * calendar of the user's province) and nobody else claimed it; `escalation` once it was
 * escalated. Each is read when the user marked it so. `horizon` is the deadline cut-off.
 */
export function notificationRows(user: SessionUser, horizon: Date, limit: number | null): SQL {
  const claimable = sql`(o.claimed_by IS NULL OR o.claimed_by = ${user.id})`;
  return sql`WITH offered AS (
      SELECT ${tasks.cityCode} AS city_code, ${tasks.id} AS task_id, ${tasks.caseId} AS case_id, ${tasks.state} AS state, ${tasks.post} AS post,
        ${tasks.openedAt} AS opened_at, ${tasks.dueAt} AS due_at, ${tasks.escalatedAt} AS escalated_at, ${tasks.escalatedTo} AS escalated_to, ${tasks.claimedBy} AS claimed_by,
        EXISTS (SELECT 1 FROM tasks earlier WHERE earlier.city_code = ${tasks.cityCode} AND earlier.case_id = ${tasks.caseId}
          AND earlier.state = ${tasks.state} AND earlier.status = 'done') AS returned,
        coalesce((SELECT step.actor_id = ${user.id} FROM case_events step WHERE step.city_code = ${tasks.cityCode} AND step.case_id = ${tasks.caseId}
          AND step.to_state = ${tasks.state} ORDER BY step.seq DESC LIMIT 1), false) AS own
      FROM ${tasks}
      WHERE ${tasks.status} = 'open' AND ${offeredTo(user)} AND ${inSubtree(tasks.orgPath, user)}
    ), items AS (
      SELECT o.*, k.kind, k.at FROM offered o CROSS JOIN LATERAL (VALUES
        (CASE WHEN o.returned THEN 'returned' ELSE 'new' END, o.opened_at, NOT o.own AND ${claimable}),
        ('deadline', o.due_at, o.due_at <= ${horizon.toISOString()}::timestamptz AND ${claimable}),
        ('escalation', o.escalated_at, o.escalated_at IS NOT NULL)
      ) AS k(kind, at, applies)
      WHERE k.applies
    ), marked AS (
      SELECT i.*, r.read_at IS NOT NULL AS read FROM items i
      LEFT JOIN notification_reads r ON r.user_id = ${user.id} AND r.city_code = i.city_code AND r.task_id = i.task_id AND r.kind = i.kind
    )
    SELECT m.city_code, m.task_id, m.case_id, m.kind, m.at, m.due_at, m.post, m.state, m.escalated_to, m.read, c.case_no, c.definition_id,
      (count(*) FILTER (WHERE NOT m.read) OVER ())::int AS unread,
      (count(*) FILTER (WHERE NOT m.read AND m.kind = 'new') OVER ())::int AS unread_new,
      (count(*) FILTER (WHERE NOT m.read AND m.kind = 'returned') OVER ())::int AS unread_returned,
      (count(*) FILTER (WHERE NOT m.read AND m.kind = 'deadline') OVER ())::int AS unread_deadline,
      (count(*) FILTER (WHERE NOT m.read AND m.kind = 'escalation') OVER ())::int AS unread_escalation
    FROM marked m JOIN cases c ON c.city_code = m.city_code AND c.id = m.case_id
    ORDER BY m.read, m.at DESC, m.task_id, m.kind
    ${limit === null ? sql`` : sql`LIMIT ${limit}`}`;
}

/** The end of the next working day from now by the calendar of the user's province: a deadline before it is near. */
export async function deadlineHorizon(db: Executor, rt: RuntimeContext, user: SessionUser): Promise<Date> {
  const calendar = await calendarInForce(db, rt, user.jurisdictionPath);
  return new Date(addWorkingDays(calendar, rt.clock().toISOString(), 1).at);
}

/** The raw rows of the user's notifications, all of them (`limit` null) or the first `limit`. */
export async function feedRows(db: Executor, rt: RuntimeContext, user: SessionUser, limit: number | null): Promise<FeedRow[]> {
  return queryRows<FeedRow>(db, notificationRows(user, await deadlineHorizon(db, rt, user), limit));
}

/** The bell: unread counts by kind and the newest notifications, unread first. Polled by the workbench. */
export async function listNotifications(rt: RuntimeContext, user: SessionUser): Promise<{ counts: NotificationCounts; items: Notification[] }> {
  const rows = await feedRows(rt.db, rt, user, NOTIFICATION_LIST_LIMIT);
  const first = rows[0];
  const counts: NotificationCounts = {
    unread: first?.unread ?? 0,
    new: first?.unread_new ?? 0,
    returned: first?.unread_returned ?? 0,
    deadline: first?.unread_deadline ?? 0,
    escalation: first?.unread_escalation ?? 0,
  };
  const items: Notification[] = [];
  for (const row of rows) {
    const { definition } = await publishedDefinition(rt.db, rt.registry, row.definition_id);
    items.push({
      id: `${row.kind}:${row.task_id}`,
      kind: row.kind,
      taskId: row.task_id,
      caseId: row.case_id,
      caseNo: row.case_no,
      processTitle: definition.title,
      stateTitle: definition.states[row.state]?.title ?? { 'zh-CN': row.state, en: row.state },
      post: row.post,
      at: iso(row.at),
      dueAt: iso(row.due_at),
      escalatedTo: row.escalated_to,
      read: row.read,
    });
  }
  return { counts, items };
}
