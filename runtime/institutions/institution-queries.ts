import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { inVisibleCities, type SessionUser } from '../auth/index.ts';
import { codeOrNamePrefix } from '../db/index.ts';
import { auditLog, institutions, users, type InstitutionKind, type InstitutionStatus } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { institutionView } from './institution-input.ts';

/** The filters of the registry's list. */
export interface InstitutionQuery {
  /** Exact credit code or the start of the name. */
  q?: string | undefined;
  kind?: InstitutionKind | undefined;
  status?: InstitutionStatus | undefined;
  /** Only those qualified on this day (valid from ≤ day ≤ valid until). */
  validOn?: string | undefined;
  /** Only those whose scope covers this occupation code (the code itself or a group above it). */
  occupation?: string | undefined;
  page: number;
  pageSize: number;
}

/** The scope covers `code` when it lists the code or one of its groups (`4-03` covers `4-03-02-01`). */
function coversOccupation(code: string): SQL {
  const groups = code.split('-').map((_, i, parts) => parts.slice(0, i + 1).join('-'));
  return or(...groups.map((group) => sql`${institutions.occupations} @> ${JSON.stringify([group])}::jsonb`))!;
}

/** Institutions in the cities the user sees, newest first, with the filters asked for. */
export async function findInstitutions(rt: RuntimeContext, user: SessionUser, query: InstitutionQuery) {
  const q = query.q?.trim();
  const filters: SQL[] = [inVisibleCities(institutions.cityCode, user)];
  if (q) filters.push(or(codeOrNamePrefix(institutions.creditCode, institutions.name, q), eq(institutions.licenceNo, q))!);
  if (query.kind) filters.push(eq(institutions.kind, query.kind));
  if (query.status) filters.push(eq(institutions.status, query.status));
  if (query.validOn) filters.push(sql`${institutions.validFrom} <= ${query.validOn} AND ${query.validOn} <= ${institutions.validUntil}`);
  if (query.occupation) filters.push(coversOccupation(query.occupation));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(institutions).where(where).orderBy(desc(institutions.createdAt), asc(institutions.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(institutions).where(where),
  ]);
  return { items: rows.map(institutionView), total: Number(total?.value ?? 0) };
}

/**
 * One entry of an institution's history, as the register writes it to the audit log (registration,
 * correction, status change): the log's row is typed as any action with any details, so it is named here.
 */
type InstitutionHistoryEntry = { actorId: string | null; actorName: string | null; at: string } & (
  | { action: 'institution.register'; details: Record<string, unknown> }
  | { action: 'institution.update'; details: { changes: Record<string, { from: unknown; to: unknown }>; reason: string } }
  | { action: 'institution.status'; details: { from: InstitutionStatus; to: InstitutionStatus; reason: string } }
);

/** One institution the user sees, with its history (registration, corrections, status changes: who, when, what, why), oldest first. */
export async function getInstitution(rt: RuntimeContext, user: SessionUser, id: string) {
  const [row] = await rt.db.select().from(institutions).where(and(eq(institutions.id, id), inVisibleCities(institutions.cityCode, user)));
  if (!row) throw new PlatformError('NOT_FOUND', { details: { institution: id } });
  const history = await rt.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, actorName: users.displayName, details: auditLog.details, at: auditLog.at })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.target, id), eq(auditLog.cityCode, row.cityCode), like(auditLog.action, 'institution.%')))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return { ...institutionView(row), history: history.map((entry) => ({ ...entry, at: entry.at.toISOString() }) as InstitutionHistoryEntry) };
}
