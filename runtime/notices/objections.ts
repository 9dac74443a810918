import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { PlatformError, isPlatformError, type Actor } from '../../engine/index.ts';
import { maskPhone, type FieldError } from '../../forms/index.ts';
import { retryLostRace, type Executor } from '../db/index.ts';
import { cases, noticeObjections, publicNotices } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { readObjection } from './objection-input.ts';

/** Objections one address may send in {@link THROTTLE_MINUTES}, to any notice. */
export const OBJECTIONS_PER_ADDRESS = 5;
export const THROTTLE_MINUTES = 60;

function objectionActor(orgUnit: string): Actor {
  return { id: 'system', name: '公示异议（网站）', role: 'system', post: null, orgUnit };
}

async function refuseWhenThrottled(db: Executor, addressIndex: string | null, now: Date): Promise<void> {
  if (addressIndex === null) return;
  const since = new Date(now.getTime() - THROTTLE_MINUTES * 60_000);
  const [row] = await db
    .select({ sent: count() })
    .from(noticeObjections)
    .where(and(eq(noticeObjections.addressIndex, addressIndex), gt(noticeObjections.receivedAt, since)));
  if ((row?.sent ?? 0) >= OBJECTIONS_PER_ADDRESS) throw new PlatformError('NOTICE_OBJECTION_THROTTLED', { details: { retryAfterSeconds: THROTTLE_MINUTES * 60 } });
}

/**
 * An objection (异议) sent from a notice's page: checked by the objection form's schema
 * (`FORM_INVALID` with each failing field), throttled per address, then, in one transaction that
 * locks the case, refused with `NOTICE_CLOSED` unless the notice is still up (its period not over,
 * the case still in its state), and otherwise kept (name and phone sealed) and sent to the case as
 * the notice's objection event by the system: the case leaves the notice for a new verification,
 * which takes the notice off the site in the same step. Returns the objection's id.
 */
export async function objectToNotice(rt: RuntimeContext, noticeId: string, body: Record<string, unknown>, address: string | null): Promise<string> {
  const read = readObjection(body);
  if ('fields' in read) throw new PlatformError('FORM_INVALID', { details: { form: 'objection', fields: read.fields } });
  const { input } = read;
  const addressIndex = address ? rt.cipher.index(`notice-objection:${address}`) : null;
  return retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      const now = rt.clock();
      await refuseWhenThrottled(tx, addressIndex, now);
      const [notice] = await tx.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
      if (!notice) throw new PlatformError('NOTICE_CLOSED', { details: { noticeId } });
      const [row] = await tx.select().from(cases).where(and(eq(cases.cityCode, notice.cityCode), eq(cases.id, notice.caseId))).for('update');
      // Read again under the case's lock: a step that ended the period before the lock was taken has deleted it.
      const [still] = await tx.select({ endsAt: publicNotices.endsAt }).from(publicNotices).where(and(eq(publicNotices.id, noticeId), eq(publicNotices.caseId, notice.caseId)));
      if (!row || !still || still.endsAt <= now || row.state !== notice.state) throw new PlatformError('NOTICE_CLOSED', { details: { noticeId } });
      const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
      const declared = definition.states[row.state]?.publicNotice;
      if (!declared) throw new PlatformError('NOTICE_CLOSED', { details: { noticeId } });
      const id = randomUUID();
      await tx.insert(noticeObjections).values({
        cityCode: row.cityCode,
        id,
        caseId: row.id,
        noticeId,
        name: rt.cipher.encrypt(input.name),
        phone: rt.cipher.encrypt(input.phone),
        phoneMasked: maskPhone(input.phone),
        reason: input.reason,
        addressIndex,
        receivedAt: now,
      });
      const objection = `公示异议 ${id.slice(0, 8)}：${input.reason}`.slice(0, 500);
      await rt.stepper.step(tx, rt, row, { event: { type: declared.objection, data: { objection } }, actor: objectionActor(row.orgUnitId), cause: null });
      return id;
    }),
  );
}

/** What became of an objection sent from the public site: sent to the case, refused (the notice over, too many from the address), or fields to correct. */
export type ObjectionOutcome = { sent: string } | { refused: 'closed' | 'throttled' } | { invalid: FieldError[] };

/** {@link objectToNotice} for the public site, its refusals as outcomes to render. */
export async function sendObjection(rt: RuntimeContext, noticeId: string, body: Record<string, unknown>, address: string | null): Promise<ObjectionOutcome> {
  try {
    return { sent: await objectToNotice(rt, noticeId, body, address) };
  } catch (error) {
    if (isPlatformError(error, 'NOTICE_CLOSED')) return { refused: 'closed' };
    if (isPlatformError(error, 'NOTICE_OBJECTION_THROTTLED')) return { refused: 'throttled' };
    if (isPlatformError(error, 'FORM_INVALID')) return { invalid: (error.details as { fields?: FieldError[] } | undefined)?.fields ?? [] };
    throw error;
  }
}

/** One objection as the case page shows it to those who handle the case: who sent it (opened), when, and why. */
export interface CaseObjection {
  id: string;
  receivedAt: string;
  name: string;
  phone: string;
  reason: string;
}

/** The objections sent to a case's notices, oldest first, name and phone opened: for a caller that has checked the reader's reach. */
export async function objectionsOfCase(rt: RuntimeContext, cityCode: string, caseId: string): Promise<CaseObjection[]> {
  const rows = await rt.db
    .select()
    .from(noticeObjections)
    .where(and(eq(noticeObjections.cityCode, cityCode), eq(noticeObjections.caseId, caseId)))
    .orderBy(asc(noticeObjections.receivedAt));
  return rows.map((row) => ({ id: row.id, receivedAt: row.receivedAt.toISOString(), name: rt.cipher.decrypt(row.name), phone: rt.cipher.decrypt(row.phone), reason: row.reason }));
}
