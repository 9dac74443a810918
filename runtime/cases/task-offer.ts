import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, posts, tasks } from '../db/schema/index.ts';
import { SUPERVISOR_POST } from '../organisation/supervisor-post.ts';
import type { CaseRow } from '../runtime-context.ts';

/** A task row as stored. */
export type TaskRow = typeof tasks.$inferSelect;

/** The claim a step was taken under, kept on its performance record. */
export interface TaskClaim {
  by: string;
  at: Date;
}

/**
 * The office a new task naming `post` is offered at: the nearest office that has the post, among
 * the case's own unit and the offices serving the units on its path. A street service point with
 * only a window sends its reviews to the district office; a district office with every post keeps
 * its own. The case's unit when no office has the post (nobody is offered the task, as before).
 */
export function officeOffering(post: string, at: { orgUnitId: string; orgPath: string }): SQL {
  const onPath = at.orgPath.split('/').filter(Boolean).map((id) => sql`${id}`);
  return sql`coalesce((SELECT office.id FROM ${posts} JOIN ${orgUnits} office ON office.id = ${posts.orgUnitId}
    WHERE ${posts.code} = ${post} AND (office.id = ${at.orgUnitId} OR office.parent_id IN (${sql.join(onPath, sql`, `)}))
    ORDER BY office.id = ${at.orgUnitId} DESC, length(office.path) DESC, office.id LIMIT 1), ${at.orgUnitId})`;
}

/** Whether the user holds `post` at the office a task is offered at. */
export function holdsPostAt(user: Pick<SessionUser, 'posts'>, post: string, officeId: string): boolean {
  return user.posts.some((held) => held.code === post && held.orgUnitId === officeId);
}

/**
 * Whether the user holds `post` at an office serving the org path: the reach of a supervisor's
 * post, and of the post an overdue task escalates to (a district office's 业务科长 oversees the
 * district's street service points).
 */
export function holdsPostOver(user: Pick<SessionUser, 'posts'>, post: string, orgPath: string): boolean {
  return user.posts.some((held) => held.code === post && orgPath.startsWith(held.servesPath));
}

/**
 * The post at which the user may take an open task: the post it was escalated to when the user
 * holds that (a supervisor taking an overdue task acts as the supervisor), else its own post when
 * the user has its role and holds the post at the office the task is offered at; null for a task
 * naming no post (its role alone decides, as before posts were enforced); undefined when the task
 * is not offered to the user.
 */
export function postForTask(user: Pick<SessionUser, 'role' | 'posts'>, task: Pick<TaskRow, 'role' | 'post' | 'orgUnitId' | 'escalatedTo'>): string | null | undefined {
  if (task.escalatedTo && user.posts.some((held) => held.code === task.escalatedTo)) return task.escalatedTo;
  if (user.role === task.role && (task.post === null || holdsPostAt(user, task.post, task.orgUnitId))) return task.post;
  return undefined;
}

/** The tasks offered to the user, as a filter: by role and post held at the office offering it, or escalated to a post held. */
export function offeredTo(user: SessionUser): SQL {
  const ownPosts = user.posts.map((held) => and(eq(tasks.post, held.code), eq(tasks.orgUnitId, held.orgUnitId))!);
  const byRole = and(eq(tasks.role, user.role), or(isNull(tasks.post), ...ownPosts))!;
  const held = user.posts.map((post) => post.code);
  return held.length ? or(byRole, inArray(tasks.escalatedTo, held))! : byRole;
}

/** The tasks under an office supervisor's post the user holds (of the unit the office serves), whoever they are offered to: those the user may reassign. */
export function supervisedBy(user: SessionUser): SQL {
  const offices = user.posts.filter((held) => held.code === SUPERVISOR_POST).map((held) => sql`${tasks.orgPath} LIKE ${`${held.servesPath}%`}`);
  return offices.length ? or(...offices)! : sql`false`;
}

/** Refuses a task not offered to the user, naming its post. Returns the post the user takes it at. */
export function requireOffered(user: SessionUser, task: TaskRow): string | null {
  const post = postForTask(user, task);
  if (post === undefined) throw new PlatformError('TASK_POST_REQUIRED', { details: { taskId: task.id, post: task.post, role: task.role } });
  return post;
}

/**
 * What a user's step on a case locked for it is taken under: the open task of its state, locked
 * too (so a claim waits for the step, and the step sees a claim made before it), must be offered
 * to the user and claimed by no one else. A user of another role than the task's is left to the
 * engine, which refuses the event by its roles. Returns the post to record the step at and the
 * claim it closes; a state without a task asks nothing.
 */
export async function taskForStep(tx: Executor, user: SessionUser, row: CaseRow): Promise<{ post: string | null | undefined; claim: TaskClaim | null }> {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, row.state), eq(tasks.status, 'open')))
    .limit(1)
    .for('update');
  if (!task) return { post: undefined, claim: null };
  const post = postForTask(user, task);
  if (post === undefined && task.role !== user.role) return { post: undefined, claim: null };
  if (post === undefined) throw new PlatformError('TASK_POST_REQUIRED', { details: { taskId: task.id, post: task.post, role: task.role } });
  if (task.claimedBy !== null && task.claimedBy !== user.id) throw new PlatformError('TASK_CLAIMED', { details: { taskId: task.id, claimedBy: task.claimedBy } });
  return { post, claim: task.claimedBy ? { by: task.claimedBy, at: task.claimedAt! } : null };
}
