import { and, asc, count, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { cases, tasks } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { subjectsOf } from './subjects.ts';

/**
 * The user's inbox: open tasks for the user's role in the user's subtree, plus overdue tasks
 * escalated to the user's post (the supervisor's), earliest deadline first. `overdue` keeps
 * only tasks past their deadline; `mine` only those of the user's post.
 */
export async function listTasks(rt: RuntimeContext, user: SessionUser, query: { overdue?: boolean | undefined; mine?: boolean | undefined; page: number; pageSize: number }) {
  const now = rt.clock();
  const held = user.posts.map((post) => post.code);
  const forUser = held.length ? or(eq(tasks.role, user.role), inArray(tasks.escalatedTo, held))! : eq(tasks.role, user.role);
  const filters: SQL[] = [eq(tasks.status, 'open'), forUser, inSubtree(tasks.orgPath, user)];
  if (query.overdue) filters.push(lt(tasks.dueAt, now));
  if (query.mine && held.length) filters.push(inArray(tasks.post, held));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db
      .select({ task: tasks, caseNo: cases.caseNo, definitionId: cases.definitionId, subjectId: cases.subjectId, subjectType: cases.subjectType, version: cases.version })
      .from(tasks)
      .innerJoin(cases, and(eq(cases.cityCode, tasks.cityCode), eq(cases.id, tasks.caseId)))
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
    items.push({
      id: row.task.id,
      caseId: row.task.caseId,
      caseNo: row.caseNo,
      caseVersion: row.version,
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
    });
  }
  return { items, total: Number(total?.value ?? 0) };
}
