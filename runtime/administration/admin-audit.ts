import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/index.ts';
import { retryLostRace, type Executor } from '../db/index.ts';
import { auditLog } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** One administrative change: what was done, to which user, unit, post or exchange wiring, and what changed. */
export interface AdminChange {
  action: string;
  targetType: 'user' | 'org-unit' | 'post' | 'exchange-member' | 'exchange-service' | 'exchange-message';
  target: string;
  cityCode: string | null;
  details: Record<string, unknown>;
}

/** Writes the change to the audit trail in the change's own transaction: no change without its record. */
export async function auditChange(tx: Executor, admin: SessionUser, change: AdminChange, at: Date): Promise<void> {
  await tx.insert(auditLog).values({ cityCode: change.cityCode, actorId: admin.id, action: change.action, target: change.target, details: change.details, at });
}

/** Adds the committed change to the hash-chained access log, where the auditor searches who did what. */
export async function logChange(rt: RuntimeContext, admin: SessionUser, change: AdminChange, origin: RequestOrigin, at: Date): Promise<void> {
  await recordAccess(rt.db, { actor: actorOfUser(admin), action: change.action, target: { type: change.targetType, id: change.target }, details: change.details, origin, at });
}

/**
 * Runs an administrative change in one transaction (once more after a race lost), its records
 * written by `note` in that transaction, then adds them to the access log once it committed.
 */
export async function administer<T>(rt: RuntimeContext, admin: SessionUser, origin: RequestOrigin, work: (tx: Executor, note: (change: AdminChange) => Promise<void>, at: Date) => Promise<T>): Promise<T> {
  const at = rt.clock();
  let changes: AdminChange[] = [];
  const result = await retryLostRace(() => {
    changes = [];
    return rt.db.transaction((tx) =>
      work(
        tx,
        async (change) => {
          changes.push(change);
          await auditChange(tx, admin, change, at);
        },
        at,
      ),
    );
  });
  for (const change of changes) await logChange(rt, admin, change, origin, at);
  return result;
}
