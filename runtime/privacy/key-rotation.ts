import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { FieldCipher } from '../crypto/index.ts';
import type { Database } from '../db/index.ts';
import { ledgerItems, payments, persons, reconciliationLines, users } from '../db/schema/index.ts';

const BATCH = 500;

/** A value still under another key than the primary: a prefix match on the key named in it. */
const notUnder = (column: SQLWrapper, primary: string): SQL => sql`${column} LIKE 'sm4ctr:v1:%' AND ${column} NOT LIKE ${`sm4ctr:v1:${primary}:%`}`;

/** What a rotation re-encrypted, per table. */
export type RotationReport = Record<'persons' | 'ledgerItems' | 'payments' | 'reconciliationLines' | 'users', number> & { reindexed?: number };

/**
 * Re-encrypts every stored personal value under the cipher's primary key (after a new key was
 * made primary in the key file): ID numbers, phones, bank lines, second-factor secrets. A batch at
 * a time, each in one transaction, so it can be stopped and run again; values already under the
 * primary key are left alone. With `reindex`, the blind indexes are recomputed too (after the
 * index key changed). The old key may leave the key file once this reports nothing left under it.
 */
export async function reencryptAll(db: Database, cipher: FieldCipher, options: { reindex: boolean }): Promise<RotationReport> {
  const primary = cipher.ring.primary;
  const report: RotationReport = { persons: 0, ledgerItems: 0, payments: 0, reconciliationLines: 0, users: 0 };
  const again = (stored: string | null) => (stored === null ? null : cipher.encrypt(cipher.decrypt(stored)));
  const loop = async (work: () => Promise<number>, into: keyof RotationReport) => {
    for (let done = BATCH; done === BATCH; ) {
      done = await work();
      report[into] += done;
    }
  };

  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select().from(persons).where(sql`(${notUnder(persons.idNumber, primary)}) OR (${notUnder(persons.phone, primary)})`).limit(BATCH).for('update');
        for (const row of rows) {
          await tx
            .update(persons)
            .set({ idNumber: again(row.idNumber)!, phone: again(row.phone) })
            .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.id)));
        }
        return rows.length;
      }),
    'persons',
  );
  for (const table of [ledgerItems, payments] as const) {
    await loop(
      () =>
        db.transaction(async (tx) => {
          const rows = await tx.select({ cityCode: table.cityCode, id: table.id, idNumber: table.idNumber }).from(table).where(notUnder(table.idNumber, primary)).limit(BATCH).for('update');
          for (const row of rows) await tx.update(table).set({ idNumber: again(row.idNumber)! }).where(and(eq(table.cityCode, row.cityCode), eq(table.id, row.id)));
          return rows.length;
        }),
      table === ledgerItems ? 'ledgerItems' : 'payments',
    );
  }
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select().from(reconciliationLines).where(notUnder(reconciliationLines.raw, primary)).limit(BATCH).for('update');
        for (const row of rows) {
          await tx
            .update(reconciliationLines)
            .set({ raw: again(row.raw)! })
            .where(and(eq(reconciliationLines.cityCode, row.cityCode), eq(reconciliationLines.reconciliationId, row.reconciliationId), eq(reconciliationLines.lineNo, row.lineNo)));
        }
        return rows.length;
      }),
    'reconciliationLines',
  );
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select({ id: users.id, secret: users.totpSecret }).from(users).where(notUnder(users.totpSecret, primary)).limit(BATCH).for('update');
        for (const row of rows) await tx.update(users).set({ totpSecret: again(row.secret) }).where(eq(users.id, row.id));
        return rows.length;
      }),
    'users',
  );
  if (options.reindex) report.reindexed = await reindex(db, cipher);
  return report;
}

/**
 * Recomputes every blind index under the current index key, in one transaction (the unique keys
 * hold throughout: a new index never equals another row's old one but by chance of 2^-256).
 */
async function reindex(db: Database, cipher: FieldCipher): Promise<number> {
  return db.transaction(async (tx) => {
    let count = 0;
    for (const table of [persons, ledgerItems, payments] as const) {
      const rows = await tx.select({ cityCode: table.cityCode, id: table.id, idNumber: table.idNumber }).from(table).for('update');
      for (const row of rows) {
        await tx.update(table).set({ idNumberIndex: cipher.index(cipher.decrypt(row.idNumber)) }).where(and(eq(table.cityCode, row.cityCode), eq(table.id, row.id)));
        count++;
      }
    }
    return count;
  });
}
