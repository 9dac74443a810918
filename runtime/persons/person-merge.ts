import { and, eq, inArray, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { queryRows, type Transaction } from '../db/index.ts';
import { auditLog, cases, ledgerItems, nationwideStatuses, persons } from '../db/schema/index.ts';
import { changedFields, recordChanges } from '../master-history/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { personView } from './person-service.ts';
import { requireCity } from './require-city.ts';

type PersonRow = typeof persons.$inferSelect;

/**
 * What would make the merge wrong, checked under the two rows' locks before anything moves: an active
 * case of one process on both records (two registrations of one person), a ledger item of the
 * duplicate that the kept ID number already has for the same item and period (nationwide, any city:
 * the same thing paid twice), a nationwide status of the duplicate that another city holds for the kept ID number.
 */
async function refusals(tx: Transaction, cityCode: string, kept: PersonRow, duplicate: PersonRow) {
  const overlap = await queryRows<{ process_id: string }>(
    tx,
    sql`SELECT DISTINCT d.process_id FROM cases d
        JOIN cases k ON k.city_code = d.city_code AND k.process_id = d.process_id AND k.subject_type = 'person' AND k.subject_id = ${kept.id} AND k.status = 'active' AND k.exclusive
        WHERE d.city_code = ${cityCode} AND d.subject_type = 'person' AND d.subject_id = ${duplicate.id} AND d.status = 'active' AND d.exclusive`,
  );
  if (overlap.length > 0) throw new PlatformError('MERGE_REFUSED', { details: { problem: 'active-cases', processes: overlap.map((row) => row.process_id) } });
  const doubles = await queryRows<{ id: string; item: string; period: string }>(
    tx,
    sql`SELECT d.id, d.item, d.period FROM ledger_items d
        JOIN ledger_items k ON k.id_number_index = ${kept.idNumberIndex} AND k.item = d.item AND k.period = d.period
        WHERE d.city_code = ${cityCode} AND d.person_id = ${duplicate.id}`,
  );
  if (doubles.length > 0) throw new PlatformError('MERGE_DOUBLE_PAYMENT', { details: { items: doubles.map(({ id, item, period }) => ({ itemId: id, item, period })) } });
  const held = await tx.select().from(nationwideStatuses).where(inArray(nationwideStatuses.idNumberIndex, [kept.idNumberIndex!, duplicate.idNumberIndex!]));
  const ours = held.filter((row) => row.idNumberIndex === duplicate.idNumberIndex && row.cityCode === cityCode);
  const keptHeld = new Map(held.filter((row) => row.idNumberIndex === kept.idNumberIndex).map((row) => [row.statusKey, row]));
  const elsewhere = ours.filter((row) => keptHeld.get(row.statusKey) && keptHeld.get(row.statusKey)!.cityCode !== cityCode);
  if (elsewhere.length > 0) throw new PlatformError('MERGE_REFUSED', { details: { problem: 'nationwide-status', statuses: elsewhere.map((row) => row.statusKey) } });
  return { statuses: ours, keptHeld };
}

/**
 * Merges a duplicate record of a person (registered twice, e.g. once under a mistyped ID number) into
 * the kept one, for a stated reason, in one transaction: the duplicate's cases (with their tasks,
 * timers and records, which follow the case) and ledger items (re-keyed to the kept ID number, so the
 * once-only key guards them) move to the kept record, with its nationwide statuses, statuses, refusals
 * and certificate number where the kept one has none. The duplicate is not deleted: it is marked
 * merged, pointing to the kept one. Both histories and the audit log say so. Refused, with nothing
 * written, when the merge would give one person two active cases of a process or a double payment.
 */
export async function mergePersons(rt: RuntimeContext, user: SessionUser, keptId: string, input: { duplicateId: string; reason: string }) {
  const cityCode = requireCity(user);
  if (keptId === input.duplicateId) throw new PlatformError('MERGE_REFUSED', { details: { problem: 'same-record' } });
  const now = rt.clock();
  const reason = input.reason.trim();
  return rt.db.transaction(async (tx) => {
    const rows = await tx.select().from(persons).where(and(eq(persons.cityCode, cityCode), inArray(persons.id, [keptId, input.duplicateId]))).orderBy(persons.id).for('update');
    const kept = rows.find((row) => row.id === keptId);
    const duplicate = rows.find((row) => row.id === input.duplicateId);
    if (!kept || !duplicate) throw new PlatformError('NOT_FOUND', { details: { person: kept ? input.duplicateId : keptId } });
    for (const row of [kept, duplicate]) if (row.mergedInto) throw new PlatformError('RECORD_MERGED', { details: { person: row.id, mergedInto: row.mergedInto } });
    const { statuses, keptHeld } = await refusals(tx, cityCode, kept, duplicate);

    const movedCases = await tx
      .update(cases)
      .set({ subjectId: kept.id, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(and(eq(cases.cityCode, cityCode), eq(cases.subjectType, 'person'), eq(cases.subjectId, duplicate.id)))
      .returning({ id: cases.id });
    const movedItems = await tx
      .update(ledgerItems)
      .set({ personId: kept.id, idNumber: kept.idNumber, idNumberIndex: kept.idNumberIndex, personName: kept.name })
      .where(and(eq(ledgerItems.cityCode, cityCode), eq(ledgerItems.personId, duplicate.id)))
      .returning({ id: ledgerItems.id });
    for (const status of statuses) {
      const where = and(eq(nationwideStatuses.idNumberIndex, duplicate.idNumberIndex!), eq(nationwideStatuses.statusKey, status.statusKey));
      if (keptHeld.has(status.statusKey)) await tx.delete(nationwideStatuses).where(where);
      else await tx.update(nationwideStatuses).set({ idNumberIndex: kept.idNumberIndex!, updatedAt: now }).where(where);
    }

    const keptAfter = {
      statuses: { ...duplicate.statuses, ...kept.statuses },
      unjustifiedRefusals: kept.unjustifiedRefusals + duplicate.unjustifiedRefusals,
      certificateNo: kept.certificateNo ?? duplicate.certificateNo,
    };
    const [keptRow] = await tx.update(persons).set({ ...keptAfter, updatedAt: now }).where(and(eq(persons.cityCode, cityCode), eq(persons.id, kept.id))).returning();
    const [duplicateRow] = await tx
      .update(persons)
      .set({ statuses: {}, mergedInto: kept.id, mergedAt: now, updatedAt: now })
      .where(and(eq(persons.cityCode, cityCode), eq(persons.id, duplicate.id)))
      .returning();

    const asText = (row: Pick<PersonRow, 'statuses' | 'unjustifiedRefusals' | 'certificateNo'>) => ({
      statuses: JSON.stringify(row.statuses),
      unjustifiedRefusals: String(row.unjustifiedRefusals),
      certificateNo: row.certificateNo,
    });
    const subject = (id: string) => ({ cityCode, subjectType: 'person' as const, subjectId: id, kind: 'merge' as const, reason });
    await recordChanges(tx, rt.cipher, user, now, subject(kept.id), [{ field: 'mergedFrom', from: null, to: duplicate.id }, ...changedFields(asText(kept), asText(keptAfter), {})]);
    await recordChanges(tx, rt.cipher, user, now, subject(duplicate.id), [{ field: 'mergedInto', from: null, to: kept.id }, ...changedFields(asText(duplicate), asText({ ...duplicate, statuses: {} }), {})]);
    const moved = { cases: movedCases.map((row) => row.id), ledgerItems: movedItems.map((row) => row.id), nationwideStatuses: statuses.map((row) => row.statusKey) };
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'person.merge', target: kept.id, details: { duplicate: duplicate.id, reason, ...moved }, at: now });
    return { kept: personView(rt, keptRow!, { full: false }), duplicate: personView(rt, duplicateRow!, { full: false }), moved };
  });
}
