import { and, asc, eq, type SQL } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { inSubtree, userById, type SessionUser } from '../auth/index.ts';
import { retryLostRace, type Transaction } from '../db/index.ts';
import { cases, taskAssignments, tasks } from '../db/schema/index.ts';
import { SUPERVISOR_POST } from '../organisation/supervisor-post.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { holdsPostAt, holdsPostOver, requireOffered, type TaskRow } from './task-offer.ts';

/** Who holds a task after a claim, release, hand-over or reassignment. */
export interface TaskHolder {
  id: string;
  caseId: string;
  post: string | null;
  claimedBy: { id: string; name: string } | null;
  claimedAt: string | null;
}

type Action = (typeof taskAssignments.$inferInsert)['action'];

/** Open tasks in the user's subtree matching `where`, locked for the change, in one order so two changes never deadlock. */
async function lockTasks(tx: Transaction, user: SessionUser, where: SQL): Promise<TaskRow[]> {
  return tx.select().from(tasks).where(and(where, inSubtree(tasks.orgPath, user))).orderBy(asc(tasks.id)).for('update');
}

/** The open task by id, locked; out of scope is 404, a closed task `TASK_NOT_OPEN`. */
async function lockTask(tx: Transaction, user: SessionUser, id: string): Promise<TaskRow> {
  const [task] = await lockTasks(tx, user, eq(tasks.id, id));
  if (!task) throw new PlatformError('NOT_FOUND', { details: { task: id } });
  if (task.status !== 'open') throw new PlatformError('TASK_NOT_OPEN', { details: { taskId: id } });
  return task;
}

/** Writes the claim's change on the task and its append-only record, in the caller's transaction. */
async function assign(tx: Transaction, task: TaskRow, change: { action: Action; to: SessionUser | null; by: SessionUser; reason?: string | undefined; now: Date }): Promise<TaskHolder> {
  const { action, to, by, now } = change;
  await tx.insert(taskAssignments).values({ cityCode: task.cityCode, taskId: task.id, caseId: task.caseId, action, fromUser: task.claimedBy, toUser: to?.id ?? null, byUser: by.id, post: task.post, reason: change.reason ?? null, at: now });
  await tx.update(tasks).set({ claimedBy: to?.id ?? null, claimedAt: to ? now : null }).where(and(eq(tasks.cityCode, task.cityCode), eq(tasks.id, task.id)));
  return { id: task.id, caseId: task.caseId, post: task.post, claimedBy: to ? { id: to.id, name: to.displayName } : null, claimedAt: to ? now.toISOString() : null };
}

function holderOf(task: TaskRow, user: SessionUser): TaskHolder {
  return { id: task.id, caseId: task.caseId, post: task.post, claimedBy: { id: user.id, name: user.displayName }, claimedAt: task.claimedAt?.toISOString() ?? null };
}

/** Refuses unless the user holds the task's claim: someone else's is `TASK_CLAIMED`, none `TASK_NOT_CLAIMED`. */
function requireClaimant(user: SessionUser, task: TaskRow): void {
  if (task.claimedBy === user.id) return;
  throw new PlatformError(task.claimedBy ? 'TASK_CLAIMED' : 'TASK_NOT_CLAIMED', { details: { taskId: task.id, claimedBy: task.claimedBy } });
}

/**
 * Whether the user may reassign the task: a holder of the supervisor's post at an office serving
 * its place, or of the post it escalates to (its definition's `escalateTo`, or the one it was
 * escalated to).
 */
async function supervises(tx: Transaction, rt: RuntimeContext, user: SessionUser, task: TaskRow): Promise<boolean> {
  if (holdsPostOver(user, SUPERVISOR_POST, task.orgPath)) return true;
  if (task.escalatedTo && holdsPostOver(user, task.escalatedTo, task.orgPath)) return true;
  const [row] = await tx.select({ definitionId: cases.definitionId }).from(cases).where(and(eq(cases.cityCode, task.cityCode), eq(cases.id, task.caseId)));
  const escalateTo = row ? (await publishedDefinition(tx, rt.registry, row.definitionId)).definition.states[task.state]?.task?.escalateTo : undefined;
  return escalateTo !== undefined && holdsPostOver(user, escalateTo, task.orgPath);
}

/** Whether a colleague may take the task: active, of its role, its post held at the office offering it, the task in their subtree. */
function mayTake(colleague: SessionUser, task: TaskRow): boolean {
  return task.orgPath.startsWith(colleague.jurisdictionPath) && colleague.role === task.role && (task.post === null || holdsPostAt(colleague, task.post, task.orgUnitId));
}

/** The colleague named, read before the change's transaction (an account changes rarely; PGlite has one connection). */
async function colleague(rt: RuntimeContext, id: string): Promise<SessionUser> {
  const found = await userById(rt, id);
  if (!found) throw new PlatformError('TASK_ASSIGNEE_INVALID', { details: { assignee: id } });
  return found;
}

function change<T>(rt: RuntimeContext, work: (tx: Transaction, now: Date) => Promise<T>): Promise<T> {
  return retryLostRace(() => rt.db.transaction((tx) => work(tx, rt.clock())));
}

/** Takes a task offered to the user: only the claimant may step it until it is released or reassigned. Claiming one's own claim again changes nothing. */
export function claimTask(rt: RuntimeContext, user: SessionUser, id: string): Promise<TaskHolder> {
  return change(rt, async (tx, now) => {
    const task = await lockTask(tx, user, id);
    requireOffered(user, task);
    if (task.claimedBy === user.id) return holderOf(task, user);
    if (task.claimedBy) throw new PlatformError('TASK_CLAIMED', { details: { taskId: id, claimedBy: task.claimedBy } });
    return assign(tx, task, { action: 'claim', to: user, by: user, now });
  });
}

/** Gives a claimed task back to its post. */
export function releaseTask(rt: RuntimeContext, user: SessionUser, id: string): Promise<TaskHolder> {
  return change(rt, async (tx, now) => {
    const task = await lockTask(tx, user, id);
    requireClaimant(user, task);
    return assign(tx, task, { action: 'release', to: null, by: user, now });
  });
}

/** Hands a task the user holds (or an unclaimed one offered to them) to a colleague who may take it. */
export async function handOverTask(rt: RuntimeContext, user: SessionUser, id: string, input: { to: string; reason?: string | undefined }): Promise<TaskHolder> {
  const to = await colleague(rt, input.to);
  return change(rt, async (tx, now) => {
    const task = await lockTask(tx, user, id);
    requireOffered(user, task);
    if (task.claimedBy !== null) requireClaimant(user, task);
    if (to.id === user.id || !mayTake(to, task)) throw new PlatformError('TASK_ASSIGNEE_INVALID', { details: { taskId: id, assignee: input.to, post: task.post, role: task.role } });
    return assign(tx, task, { action: 'handover', to, by: user, reason: input.reason, now });
  });
}

/** A supervisor gives a task, claimed or not, to a colleague who may take it. */
export async function reassignTask(rt: RuntimeContext, user: SessionUser, id: string, input: { to: string; reason?: string | undefined }): Promise<TaskHolder> {
  const to = await colleague(rt, input.to);
  return change(rt, async (tx, now) => {
    const task = await lockTask(tx, user, id);
    if (!(await supervises(tx, rt, user, task))) throw new PlatformError('TASK_SUPERVISOR_REQUIRED', { details: { taskId: id } });
    if (!mayTake(to, task)) throw new PlatformError('TASK_ASSIGNEE_INVALID', { details: { taskId: id, assignee: input.to, post: task.post, role: task.role } });
    if (task.claimedBy === to.id) return holderOf(task, to);
    return assign(tx, task, { action: 'reassign', to, by: user, reason: input.reason, now });
  });
}

/**
 * A supervisor gives every open task one user has claimed (of one post, when named) to another,
 * as when someone is away: all of them or, if any is not the supervisor's or the other may not
 * take it, none (the refusal lists those tasks).
 */
export async function reassignAll(rt: RuntimeContext, user: SessionUser, input: { from: string; to: string; post?: string | undefined; reason?: string | undefined }) {
  const to = await colleague(rt, input.to);
  return change(rt, async (tx, now) => {
    const filters = [eq(tasks.status, 'open'), eq(tasks.claimedBy, input.from)];
    if (input.post) filters.push(eq(tasks.post, input.post));
    const held = await lockTasks(tx, user, and(...filters)!);
    const notSupervised: string[] = [];
    for (const task of held) if (!(await supervises(tx, rt, user, task))) notSupervised.push(task.id);
    if (notSupervised.length) throw new PlatformError('TASK_SUPERVISOR_REQUIRED', { details: { taskIds: notSupervised } });
    const refused = held.filter((task) => to.id === input.from || !mayTake(to, task)).map((task) => task.id);
    if (refused.length) throw new PlatformError('TASK_ASSIGNEE_INVALID', { details: { taskIds: refused, assignee: input.to } });
    const items: TaskHolder[] = [];
    for (const task of held) items.push(await assign(tx, task, { action: 'reassign', to, by: user, reason: input.reason, now }));
    return { reassigned: items.length, items };
  });
}
