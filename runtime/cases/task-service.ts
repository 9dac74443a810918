import { and, asc, count, eq, inArray, isNotNull, isNull, lt, ne, type SQL } from 'drizzle-orm';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { cases, tasks, users } from '../db/schema/index.ts';
import { SUPERVISOR_POST } from '../organisation/supervisor-post.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { channelOf } from './case-search.ts';
import { subjectsOf } from './subjects.ts';
import { holdsPostOver, offeredTo, supervisedBy } from './task-offer.ts';

/** Which tasks by their claim: those the user claimed, those others claimed, those nobody claimed. */
export type ClaimFilter = 'mine' | 'others' | 'unclaimed';

const byClaim = (user: SessionUser): Record<ClaimFilter, SQL> => ({
  mine: eq(tasks.claimedBy, user.id),
  others: and(isNotNull(tasks.claimedBy), ne(tasks.claimedBy, user.id))!,
  unclaimed: isNull(tasks.claimedBy),
});

/**
 * The user's inbox: open tasks offered to the user in the user's subtree (the user's role, and
 * the task's post held in its jurisdiction when it names one), plus overdue tasks escalated to a
 * post the user holds (the supervisor's), earliest deadline first, each with who claimed it.
 * `overdue` keeps only tasks past their deadline; `mine` only those of the user's posts; `claim`
 * those claimed by the user, by others, or by nobody; `supervised` lists instead every task of the
 * offices where the user is the supervisor, to reassign them.
 */
export async function listTasks(
  rt: RuntimeContext,
  user: SessionUser,
  query: { overdue?: boolean | undefined; mine?: boolean | undefined; claim?: ClaimFilter | undefined; supervised?: boolean | undefined; page: number; pageSize: number },
) {
  const now = rt.clock();
  const held = user.posts.map((post) => post.code);
  const filters: SQL[] = [eq(tasks.status, 'open'), query.supervised ? supervisedBy(user) : offeredTo(user), inSubtree(tasks.orgPath, user)];
  if (query.overdue) filters.push(lt(tasks.dueAt, now));
  if (query.mine && held.length) filters.push(inArray(tasks.post, held));
  if (query.claim) filters.push(byClaim(user)[query.claim]);
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db
      .select({
        task: tasks,
        caseNo: cases.caseNo,
        definitionId: cases.definitionId,
        subjectId: cases.subjectId,
        subjectType: cases.subjectType,
        version: cases.version,
        importedFrom: cases.importedFrom,
        createdBy: cases.createdBy,
        openedByAccount: cases.openedByAccount,
        nationalApplicationNo: cases.nationalApplicationNo,
        exchangeMessageId: cases.exchangeMessageId,
        claimantName: users.displayName,
      })
      .from(tasks)
      .innerJoin(cases, and(eq(cases.cityCode, tasks.cityCode), eq(cases.id, tasks.caseId)))
      .leftJoin(users, eq(users.id, tasks.claimedBy))
      .where(where)
      .orderBy(asc(tasks.dueAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(tasks).where(where),
  ]);
  const subjects = await subjectsOf(rt.db, rows);
  const items = [];
  for (const row of rows) {
    const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
    const escalateTo = definition.states[row.task.state]?.task?.escalateTo ?? SUPERVISOR_POST;
    const { claimedBy, claimedAt, orgPath } = row.task;
    items.push({
      id: row.task.id,
      caseId: row.task.caseId,
      caseNo: row.caseNo,
      caseVersion: row.version,
      // How the case came in: an online application is marked as such in the inbox.
      channel: channelOf(row),
      processId: definition.id,
      processTitle: definition.title,
      state: row.task.state,
      stateTitle: definition.states[row.task.state]?.title ?? { 'zh-CN': row.task.state, en: row.task.state },
      role: row.task.role,
      post: row.task.post,
      subject: subjects.get(row.subjectId) ?? null,
      openedAt: row.task.openedAt.toISOString(),
      dueAt: row.task.dueAt.toISOString(),
      dueProvisional: row.task.dueProvisional,
      overdue: row.task.dueAt < now,
      escalatedTo: row.task.escalatedTo,
      claimedBy: claimedBy ? { id: claimedBy, name: row.claimantName ?? '' } : null,
      claimedAt: claimedAt?.toISOString() ?? null,
      mayReassign: [SUPERVISOR_POST, escalateTo, row.task.escalatedTo].some((post) => post !== null && holdsPostOver(user, post, orgPath)),
    });
  }
  return { items, total: Number(total?.value ?? 0) };
}
