import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, type LedgerItem } from '../../engine/index.ts';
import type { EffectHandlers } from '../cases/index.ts';
import { isUniqueViolation, type Executor, type Transaction } from '../db/index.ts';
import { ledgerHistory, ledgerItems, payments, persons } from '../db/schema/index.ts';
import type { CaseRow } from '../runtime-context.ts';

/**
 * Writes an approved payment for the case's person, real-name, with its history row. The
 * database refuses the same item for the same period twice (whichever city or fund) and a
 * preparer approving their own item; both come back as typed errors.
 */
async function recordLedgerItem(tx: Transaction, row: CaseRow, item: LedgerItem, now: Date): Promise<string> {
  const [person] = await tx
    .select({ idNumber: persons.idNumber, idNumberIndex: persons.idNumberIndex, name: persons.name })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  if (!person) throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'ledger.item', reason: 'payments go to persons' } });
  if (item.preparedBy === item.approvedBy) throw new PlatformError('MAKER_CHECKER_VIOLATION', { details: { ledgerItem: item.item, preparedBy: item.preparedBy } });
  const id = randomUUID();
  try {
    await tx.insert(ledgerItems).values({
      cityCode: row.cityCode,
      id,
      personId: row.subjectId,
      // The person's sealed ID number, as it is: the blind index keeps an item once per person nationwide.
      idNumber: person.idNumber,
      idNumberIndex: person.idNumberIndex,
      personName: person.name,
      ...item,
      caseId: row.id,
      approvedAt: now,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PlatformError('DUPLICATE_RECORD', {
      message: { 'zh-CN': '该人员本期已享受同一补贴或待遇，不得重复发放', en: 'The person has already been granted this item for this period' },
      details: { item: item.item, period: item.period, fund: item.fund },
      cause: error,
    });
  }
  await tx.insert(ledgerHistory).values({
    cityCode: row.cityCode,
    itemId: id,
    action: 'item.approved',
    amountFen: item.amountFen,
    actorId: item.approvedBy,
    at: now,
    details: { subsidyType: item.subsidyType, item: item.item, period: item.period, fund: item.fund, preparedBy: item.preparedBy, caseId: row.id },
  });
  return id;
}

/** The ledger's part of the case transaction, registered at start-up: a step's approved payment is written to the ledger. */
export const ledgerEffects: Pick<EffectHandlers, 'ledger.item'> = {
  'ledger.item': {
    apply: async (tx, row, effect, { now }) => {
      await recordLedgerItem(tx, row, effect.item, now);
    },
  },
};

/** Ledger items of the user's city for a person or a case, each with its latest payment's status. */
export async function listLedgerItems(db: Executor, cityCode: string, filter: { personId?: string | undefined; caseId?: string | undefined }) {
  const conditions: SQL[] = [eq(ledgerItems.cityCode, cityCode)];
  if (filter.personId) conditions.push(eq(ledgerItems.personId, filter.personId));
  if (filter.caseId) conditions.push(eq(ledgerItems.caseId, filter.caseId));
  const rows = await db
    .select({
      item: ledgerItems,
      paymentStatus: sql<(typeof payments.$inferSelect)['status'] | null>`(SELECT p.status FROM payments p WHERE p.city_code = ledger_items.city_code AND p.item_id = ledger_items.id ORDER BY p.created_at DESC, p.payment_no DESC LIMIT 1)`,
    })
    .from(ledgerItems)
    .where(and(...conditions))
    .orderBy(asc(ledgerItems.approvedAt));
  return rows.map(({ item, paymentStatus }) => ({
    id: item.id,
    personId: item.personId,
    personName: item.personName,
    subsidyType: item.subsidyType,
    item: item.item,
    period: item.period,
    fund: item.fund,
    amountFen: item.amountFen,
    caseId: item.caseId,
    preparedBy: item.preparedBy,
    approvedBy: item.approvedBy,
    approvedAt: item.approvedAt.toISOString(),
    paymentStatus: paymentStatus ?? ('unpaid' as const),
  }));
}
