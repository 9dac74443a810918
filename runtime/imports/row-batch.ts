import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Transaction } from '../db/index.ts';
import { importRows } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import type { CopiedBatch } from './copy-batch.ts';
import type { ImportJobRef, ImportKindSpec } from './import-kind.ts';

/**
 * Writes the next `size` staged rows of an import after row `cursor` one by one through the kind's
 * `commitRow` (rows that become cases go through the case transaction, not a copy), then deletes
 * them from the staging area, all in the batch's transaction: a failure rolls the whole batch back.
 */
export async function commitRowBatch(tx: Transaction, rt: RuntimeContext, spec: ImportKindSpec, job: ImportJobRef & { cursor: number }, size: number): Promise<CopiedBatch> {
  const inJob = and(eq(importRows.cityCode, job.cityCode), eq(importRows.jobId, job.id));
  const rows = await tx.select().from(importRows).where(and(inJob, gt(importRows.rowNo, job.cursor))).orderBy(asc(importRows.rowNo)).limit(size);
  if (rows.length === 0) return { rows: 0, first: null, last: null, ids: [] };
  const ids: string[] = [];
  for (const row of rows) {
    const id = await spec.commitRow!(tx, rt, job, row.values);
    if (id) ids.push(id);
  }
  const first = rows[0]!.rowNo;
  const last = rows[rows.length - 1]!.rowNo;
  await tx.delete(importRows).where(and(inJob, gt(importRows.rowNo, job.cursor), lte(importRows.rowNo, last)));
  return { rows: rows.length, first, last, ids };
}
