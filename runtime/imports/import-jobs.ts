import { and, desc, eq, inArray } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { importJobs, users } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

type JobRow = typeof importJobs.$inferSelect;

/** An import as the history and the screen show it: counts, progress, who uploaded and approved it, when. */
export function jobView(row: JobRow, names: ReadonlyMap<string, string> = new Map()) {
  const who = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? id });
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    fileType: row.fileType,
    status: row.status,
    mapping: row.mapping,
    templateId: row.templateId,
    totalRows: row.totalRows,
    acceptedRows: row.acceptedRows,
    warningRows: row.warningRows,
    errorRows: row.errorRows,
    commitTotal: row.commitTotal,
    committedRows: row.committedRows,
    skippedRows: row.skippedRows,
    failure: row.failure,
    uploadedBy: who(row.uploadedBy)!,
    uploadedAt: row.uploadedAt.toISOString(),
    approvedBy: who(row.approvedBy),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    committedAt: row.committedAt?.toISOString() ?? null,
    discardedBy: who(row.discardedBy),
    discardedAt: row.discardedAt?.toISOString() ?? null,
  };
}

/** The display names of the users an import names, read in one query. */
export async function namesOf(db: Executor, rows: readonly JobRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => [row.uploadedBy, row.approvedBy, row.discardedBy]).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((user) => [user.id, user.name]));
}

/** An import of the user's city, or NOT_FOUND. */
export async function jobInCity(db: Executor, user: SessionUser, id: string): Promise<JobRow> {
  const [row] = await db.select().from(importJobs).where(and(eq(importJobs.cityCode, requireCity(user)), eq(importJobs.id, id))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { import: id } });
  return row;
}

/** One import with its progress (the screen polls it while the commit runs). */
export async function getImport(rt: RuntimeContext, user: SessionUser, id: string) {
  const row = await jobInCity(rt.db, user, id);
  return jobView(row, await namesOf(rt.db, [row]));
}

/** The import history of the user's city, newest first: who uploaded, who approved, when, the counts. */
export async function importHistory(rt: RuntimeContext, user: SessionUser, query: { page: number; pageSize: number; kind?: string | undefined }) {
  const cityCode = requireCity(user);
  const where = and(eq(importJobs.cityCode, cityCode), query.kind ? eq(importJobs.kind, query.kind as JobRow['kind']) : undefined);
  const rows = await rt.db.select().from(importJobs).where(where).orderBy(desc(importJobs.uploadedAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const names = await namesOf(rt.db, rows);
  return { items: rows.map((row) => jobView(row, names)) };
}
