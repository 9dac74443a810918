import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases, outbox } from '../db/schema/index.ts';
import type { Cause, RuntimeContext } from '../runtime-context.ts';
import { deliver } from './coordination.ts';

/**
 * Delivers one outbox event again, by id: what a retry or a recovery worker calls. Because
 * every delivery is claimed first, an event already delivered changes nothing. Returns the
 * number of cases stepped or opened.
 */
export async function deliverOutboxEvent(tx: Transaction, rt: RuntimeContext, cityCode: string, outboxId: number): Promise<number> {
  const [found] = await tx
    .select({ event: outbox, caseNo: cases.caseNo, processId: cases.processId })
    .from(outbox)
    .innerJoin(cases, and(eq(cases.cityCode, outbox.cityCode), eq(cases.id, outbox.caseId)))
    .where(and(eq(outbox.cityCode, cityCode), eq(outbox.id, outboxId)))
    .limit(1);
  if (!found) throw new PlatformError('NOT_FOUND', { details: { outboxId } });
  const { event } = found;
  const cause: Cause = { event: event.event, caseId: event.caseId, caseNo: found.caseNo, processId: found.processId, outboxId };
  const emitted = { id: event.id, cityCode, event: event.event, subjectId: event.subjectId, payload: event.payload };
  return deliver(tx, rt, emitted, cause, 1);
}
