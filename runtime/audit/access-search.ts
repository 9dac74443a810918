import { and, count, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { chinaDayEnd, chinaDayStart } from '../../engine/index.ts';
import { accessLog, orgUnits } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { recordAccess, verifyAccessLog, type AccessActor, type RequestOrigin } from './access-log.ts';

/** What an auditor searches the access log by: who, what was done, to what, when (China dates). */
export interface AccessQuery {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Who audits: the auditor as the log names them, and the path of the org unit whose subtree they may read. */
export interface Auditor {
  actor: AccessActor;
  orgPath: string;
}

/**
 * 审计: the access log of the auditor's subtree (entries of users sitting there, and sign-in
 * attempts no account could be named for), newest first, a page at a time. The search itself is
 * recorded, so who looked at the log is in the log.
 */
export async function searchAccessLog(rt: RuntimeContext, auditor: Auditor, query: AccessQuery, origin: RequestOrigin) {
  const conditions: SQL[] = [or(isNull(accessLog.orgUnitId), sql`${accessLog.orgUnitId} IN (SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${orgUnits.path} LIKE ${`${auditor.orgPath}%`})`)!];
  if (query.actor) conditions.push(or(eq(accessLog.actorId, query.actor), eq(accessLog.actorName, query.actor))!);
  if (query.action) conditions.push(eq(accessLog.action, query.action));
  if (query.targetType) conditions.push(eq(accessLog.targetType, query.targetType));
  if (query.targetId) conditions.push(eq(accessLog.targetId, query.targetId));
  if (query.from) conditions.push(gte(accessLog.at, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(accessLog.at, chinaDayEnd(query.to)));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(accessLog).where(where).orderBy(desc(accessLog.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(accessLog).where(where),
  ]);
  await recordAccess(rt.db, { actor: auditor.actor, action: 'audit.search', origin, at: rt.clock(), details: { ...query } });
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: Number(total?.value ?? 0),
  };
}

/** Walks the whole chain (an auditor's check): whether it holds, over how many rows, where it breaks. Recorded. */
export async function checkAccessLog(rt: RuntimeContext, auditor: AccessActor, origin: RequestOrigin) {
  const result = await verifyAccessLog(rt.db);
  await recordAccess(rt.db, { actor: auditor, action: 'audit.verify', origin, at: rt.clock(), details: { ...result } });
  return result;
}
