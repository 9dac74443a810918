import { and, eq, sql } from 'drizzle-orm';
import { ledgerItems, payments, persons, reconciliationLines } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { sealIdNumber, sealPhone } from './personal-data.ts';

const BATCH = 500;
const plain = (column: typeof persons.idNumber | typeof ledgerItems.idNumber | typeof payments.idNumber) => sql`${column} NOT LIKE 'sm4ctr:%'`;

/**
 * Encrypts the personal data written before encryption at rest (an installation upgraded from
 * an earlier version): ID numbers and phones of persons, ID numbers of ledger items and payments,
 * with their blind indexes and masked forms, and the bank's reconciliation lines. A batch at a time, each in one transaction, so a
 * start interrupted half-way carries on where it stopped. Returns how many rows of each it sealed.
 */
export async function encryptPlaintextRows(rt: RuntimeContext): Promise<{ persons: number; ledgerItems: number; payments: number; reconciliationLines: number }> {
  const counts = { persons: 0, ledgerItems: 0, payments: 0, reconciliationLines: 0 };
  for (;;) {
    const sealed = await rt.db.transaction(async (tx) => {
      const rows = await tx.select({ cityCode: persons.cityCode, id: persons.id, idNumber: persons.idNumber, phone: persons.phone }).from(persons).where(plain(persons.idNumber)).limit(BATCH).for('update');
      for (const row of rows) {
        await tx.update(persons).set({ ...sealIdNumber(rt.cipher, row.idNumber), ...sealPhone(rt.cipher, row.phone) }).where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.id)));
      }
      return rows.length;
    });
    counts.persons += sealed;
    if (sealed < BATCH) break;
  }
  for (const table of [ledgerItems, payments] as const) {
    for (;;) {
      const sealed = await rt.db.transaction(async (tx) => {
        const rows = await tx.select({ cityCode: table.cityCode, id: table.id, idNumber: table.idNumber }).from(table).where(plain(table.idNumber)).limit(BATCH).for('update');
        for (const row of rows) {
          const { idNumber, idNumberIndex } = sealIdNumber(rt.cipher, row.idNumber);
          await tx.update(table).set({ idNumber, idNumberIndex }).where(and(eq(table.cityCode, row.cityCode), eq(table.id, row.id)));
        }
        return rows.length;
      });
      counts[table === ledgerItems ? 'ledgerItems' : 'payments'] += sealed;
      if (sealed < BATCH) break;
    }
  }
  // Reconciliation lines, as the bank sent them, hold ID numbers too.
  for (;;) {
    const sealed = await rt.db.transaction(async (tx) => {
      const rows = await tx.select().from(reconciliationLines).where(sql`${reconciliationLines.raw} NOT LIKE 'sm4ctr:%'`).limit(BATCH).for('update');
      for (const row of rows) {
        await tx
          .update(reconciliationLines)
          .set({ raw: rt.cipher.encrypt(row.raw) })
          .where(and(eq(reconciliationLines.cityCode, row.cityCode), eq(reconciliationLines.reconciliationId, row.reconciliationId), eq(reconciliationLines.lineNo, row.lineNo)));
      }
      return rows.length;
    });
    counts.reconciliationLines += sealed;
    if (sealed < BATCH) break;
  }
  return counts;
}
