import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { auditLog, importJobs, importRows } from '../db/schema/index.ts';
import { describeError, log } from '../log/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { copyBatch } from './copy-batch.ts';
import { commitRowBatch } from './row-batch.ts';
import { importKind } from './import-kinds.ts';
import { getImport, jobInCity } from './import-jobs.ts';

/** Rows written per transaction. */
export const COMMIT_BATCH = 1000;

/** Imports whose commit runs in this process, so a second request does not run it twice here (the job's row lock guards other processes). */
const running = new Map<string, Promise<void>>();

/**
 * Writes the next batch of an approved import in one transaction: the staged rows after the
 * cursor into the target table, or as cases through the kind's `commitRow` (marked with the
 * import; rows registered meanwhile skipped), those
 * staging rows deleted, the cursor and counts moved, the batch audited. The job's row is locked
 * first, so two runners never write one batch. Returns false when nothing is left: the import is
 * then committed.
 */
async function commitBatch(rt: RuntimeContext, cityCode: string, jobId: string, batchSize: number): Promise<boolean> {
  return rt.db.transaction(async (tx) => {
    const where = and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, jobId));
    const [job] = await tx.select().from(importJobs).where(where).for('update');
    if (!job || job.status !== 'approved') return false;
    const now = rt.clock();
    const spec = importKind(job.kind, rt.registry);
    const batch = spec.target
      ? await copyBatch(tx, spec.target, { cityCode, id: jobId, cursor: job.cursor, orgUnitId: job.orgUnitId, createdBy: job.uploadedBy }, batchSize, now)
      : await commitRowBatch(tx, rt, spec, job, batchSize);
    if (batch.rows === 0) {
      await tx.update(importJobs).set({ status: 'committed', committedAt: now, failure: null }).where(where);
      await tx.delete(importRows).where(and(eq(importRows.cityCode, cityCode), eq(importRows.jobId, jobId)));
      await tx.insert(auditLog).values({ cityCode, actorId: job.approvedBy, action: 'import.committed', target: jobId, details: { kind: job.kind, committed: job.committedRows, skipped: job.skippedRows }, at: now });
      return false;
    }
    const skipped = batch.rows - batch.ids.length;
    await tx.update(importJobs).set({ cursor: batch.last!, committedRows: job.committedRows + batch.ids.length, skippedRows: job.skippedRows + skipped, failure: null }).where(where);
    await tx.insert(auditLog).values({ cityCode, actorId: job.approvedBy, action: `import.${job.kind}.created`, target: jobId, details: { rows: [batch.first, batch.last], created: batch.ids, skipped }, at: now });
    return true;
  });
}

/**
 * Runs an approved import's commit to the end, batch by batch. A batch that fails rolls back whole
 * (never a half-written row); the error's code is kept on the import, the batches before stay
 * committed, and `resumeImport` carries on after the last one. Never rejects.
 */
export function commitImport(rt: RuntimeContext, cityCode: string, jobId: string, options: { batchSize?: number } = {}): Promise<void> {
  const current = running.get(jobId);
  if (current) return current;
  const run = (async () => {
    try {
      while (await commitBatch(rt, cityCode, jobId, options.batchSize ?? COMMIT_BATCH));
    } catch (error) {
      const code = error instanceof PlatformError ? error.code : 'INTERNAL_ERROR';
      log.error('import.commit-failed', { import: jobId, ...describeError(error) });
      await rt.db.update(importJobs).set({ failure: code }).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, jobId))).catch(() => undefined);
    } finally {
      running.delete(jobId);
    }
  })();
  running.set(jobId, run);
  return run;
}

/** Whether the import still has its commit running in this process. */
export function isCommitting(jobId: string): boolean {
  return running.has(jobId);
}

/**
 * A reviewer approves a dry run: not the uploader (`MAKER_CHECKER_VIOLATION`, nothing changed), and
 * only an import awaiting approval (`IMPORT_NOT_PENDING`). The approval is audited, and the commit
 * starts at once in the background; the import shows its progress.
 */
export async function approveImport(rt: RuntimeContext, user: SessionUser, id: string) {
  const cityCode = requireCity(user);
  await rt.db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, id))).for('update');
    if (!job) throw new PlatformError('NOT_FOUND', { details: { import: id } });
    if (job.uploadedBy === user.id) {
      throw new PlatformError('MAKER_CHECKER_VIOLATION', { message: { 'zh-CN': '上传人不能审核本人上传的导入', en: 'The uploader may not approve their own import' }, details: { import: id } });
    }
    if (job.status !== 'validated') throw new PlatformError('IMPORT_NOT_PENDING', { details: { import: id, status: job.status } });
    const now = rt.clock();
    await tx.update(importJobs).set({ status: 'approved', approvedBy: user.id, approvedAt: now }).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, id)));
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'import.approve', target: id, details: { kind: job.kind, rows: job.commitTotal }, at: now });
  });
  void commitImport(rt, cityCode, id);
  return getImport(rt, user, id);
}

/** Carries on with an approved import whose commit stopped (a failure, a restart): from the batch after the last committed one. */
export async function resumeImport(rt: RuntimeContext, user: SessionUser, id: string) {
  const job = await jobInCity(rt.db, user, id);
  if (job.status !== 'approved') throw new PlatformError('IMPORT_NOT_PENDING', { details: { import: id, status: job.status } });
  if (!isCommitting(id)) await rt.db.update(importJobs).set({ failure: null }).where(and(eq(importJobs.cityCode, job.cityCode), eq(importJobs.id, id)));
  void commitImport(rt, job.cityCode, id);
  return getImport(rt, user, id);
}

/** Discards a dry run not yet approved: its staging rows are deleted (its findings stay in the history), audited. */
export async function discardImport(rt: RuntimeContext, user: SessionUser, id: string) {
  const cityCode = requireCity(user);
  await rt.db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, id))).for('update');
    if (!job) throw new PlatformError('NOT_FOUND', { details: { import: id } });
    if (job.status !== 'validated') throw new PlatformError('IMPORT_NOT_PENDING', { details: { import: id, status: job.status } });
    const now = rt.clock();
    await tx.update(importJobs).set({ status: 'discarded', discardedBy: user.id, discardedAt: now }).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.id, id)));
    await tx.delete(importRows).where(and(eq(importRows.cityCode, cityCode), eq(importRows.jobId, id)));
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'import.discard', target: id, details: { kind: job.kind }, at: now });
  });
  return getImport(rt, user, id);
}
