import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { notificationReads } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { feedRows, type NotificationKind } from './notification-feed.ts';

/** Which notifications to mark read: the ones named (`kind:taskId`, as listed), or every unread one. */
export type MarkRead = { ids: string[] } | { all: true };

/**
 * Marks notifications of the user read, in one transaction. A named one that is not among the
 * user's notifications now (another user's task, one closed meanwhile, a made-up id) refuses the
 * whole request with `NOT_FOUND`, writing nothing. Marking a read one again changes nothing.
 * Returns how many were newly marked.
 */
export async function markNotificationsRead(rt: RuntimeContext, user: SessionUser, request: MarkRead): Promise<{ marked: number }> {
  return rt.db.transaction(async (tx) => {
    const rows = await feedRows(tx, rt, user, null);
    const byId = new Map(rows.map((row) => [`${row.kind}:${row.task_id}`, row]));
    const chosen = 'all' in request ? rows.filter((row) => !row.read) : [...new Set(request.ids)].map((id) => byId.get(id));
    const missing = 'ids' in request ? request.ids.filter((id) => !byId.has(id)) : [];
    if (missing.length) throw new PlatformError('NOT_FOUND', { details: { notifications: missing } });
    const values = chosen
      .filter((row) => row !== undefined && !row.read)
      .map((row) => ({ userId: user.id, cityCode: row!.city_code, taskId: row!.task_id, kind: row!.kind as NotificationKind, readAt: rt.clock() }));
    if (values.length) await tx.insert(notificationReads).values(values).onConflictDoNothing();
    return { marked: values.length };
  });
}
