import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { reconciliationLines, reconciliations, users } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import { storedReason } from './reconciliation.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** One past import, as the list shows it. */
export interface ReconciliationSummary {
  id: string;
  fileName: string;
  importedAt: string;
  importedBy: { id: string; name: string };
  lineCount: number;
  matchedCount: number;
  unmatchedCount: number;
}

// Who imported a file: its `imported_by` is the user's id as text.
const importer = eq(sql`${users.id}::text`, reconciliations.importedBy);

const columns = {
  id: reconciliations.id,
  fileName: reconciliations.fileName,
  importedAt: reconciliations.importedAt,
  importedById: reconciliations.importedBy,
  importedByName: users.displayName,
  lineCount: reconciliations.lineCount,
  matchedCount: reconciliations.matchedCount,
  unmatchedCount: reconciliations.unmatchedCount,
};

function summary(row: { id: string; fileName: string; importedAt: Date; importedById: string; importedByName: string | null; lineCount: number; matchedCount: number; unmatchedCount: number }): ReconciliationSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    importedAt: row.importedAt.toISOString(),
    importedBy: { id: row.importedById, name: row.importedByName ?? row.importedById },
    lineCount: row.lineCount,
    matchedCount: row.matchedCount,
    unmatchedCount: row.unmatchedCount,
  };
}

/** The city's imported reconciliation files, newest first: when, who, which file, how many lines matched. */
export async function listReconciliations(rt: RuntimeContext, user: SessionUser, paging: { page: number; pageSize: number }) {
  const cityCode = requireCity(user);
  const rows = await rt.db
    .select(columns)
    .from(reconciliations)
    .leftJoin(users, importer)
    .where(eq(reconciliations.cityCode, cityCode))
    .orderBy(desc(reconciliations.importedAt), asc(reconciliations.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return { items: rows.map(summary) };
}

/**
 * One past import with its unmatched lines: the line's number in the file, the payment number it
 * named (none when malformed) and why it matched nothing. The line itself is not sent (it holds an
 * ID number, kept encrypted). Another city's import is not found.
 */
export async function getReconciliation(rt: RuntimeContext, user: SessionUser, id: string) {
  const cityCode = requireCity(user);
  const [row] = await rt.db
    .select(columns)
    .from(reconciliations)
    .leftJoin(users, importer)
    .where(and(eq(reconciliations.cityCode, cityCode), eq(reconciliations.id, id)));
  if (!row) throw new PlatformError('NOT_FOUND', { details: { reconciliation: id } });
  const lines = await rt.db
    .select({ lineNo: reconciliationLines.lineNo, paymentNo: reconciliationLines.paymentNo, reason: reconciliationLines.reason })
    .from(reconciliationLines)
    .where(and(eq(reconciliationLines.cityCode, cityCode), eq(reconciliationLines.reconciliationId, id), eq(reconciliationLines.status, 'unmatched')))
    .orderBy(asc(reconciliationLines.lineNo));
  return { ...summary(row), unmatched: lines.map((line) => ({ lineNo: line.lineNo, paymentNo: line.paymentNo, reason: storedReason(line.reason) })) };
}
