import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { inSubtree, jurisdictionSql, type Role, type SessionUser } from '../auth/index.ts';
import { orgUnits, posts, tasks, userPosts, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A colleague a task may be handed or reassigned to, with the posts they hold. */
export interface Colleague {
  id: string;
  name: string;
  role: string;
  orgUnitId: string;
  posts: { code: string; name: string }[];
}

/**
 * The active caseworkers and reviewers in the user's subtree with their posts, or, for a task
 * (`task`), only those who may take it: of its role, its post held at the office offering it,
 * the task in their own subtree. What the hand-over and reassignment pickers offer.
 */
export async function listColleagues(rt: RuntimeContext, user: SessionUser, query: { task?: string | undefined }): Promise<{ items: Colleague[] }> {
  const filters: SQL[] = [eq(users.active, true), inArray(users.role, ['caseworker', 'reviewer']), inSubtree(orgUnits.path, user)];
  if (rt.config.mode === 'production') filters.push(eq(users.demo, false));
  if (query.task) {
    const [task] = await rt.db.select().from(tasks).where(and(eq(tasks.id, query.task), inSubtree(tasks.orgPath, user)));
    if (!task) throw new PlatformError('NOT_FOUND', { details: { task: query.task } });
    // The task in the colleague's subtree: an office's staff reach the unit the office serves.
    filters.push(eq(users.role, task.role as Role), sql`${task.orgPath} LIKE ${jurisdictionSql(orgUnits)} || '%'`);
    if (task.post !== null) {
      // Holders of the task's post at the office offering it.
      filters.push(sql`EXISTS (SELECT 1 FROM ${userPosts} JOIN ${posts} ON ${posts.id} = ${userPosts.postId}
        WHERE ${userPosts.userId} = ${users.id} AND ${posts.code} = ${task.post} AND ${posts.orgUnitId} = ${task.orgUnitId})`);
    }
  }
  const rows = await rt.db
    .select({
      id: users.id,
      name: users.displayName,
      role: users.role,
      orgUnitId: users.orgUnitId,
      posts: sql<{ code: string; name: string }[]>`coalesce((SELECT json_agg(json_build_object('code', ${posts.code}, 'name', ${posts.name}) ORDER BY ${posts.code})
        FROM ${userPosts} JOIN ${posts} ON ${posts.id} = ${userPosts.postId} WHERE ${userPosts.userId} = ${users.id}), '[]'::json)`,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(...filters))
    .orderBy(asc(users.displayName))
    .limit(200);
  return { items: rows };
}
