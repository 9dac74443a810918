import { and, eq, isNotNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { FieldCipher } from '../crypto/index.ts';
import { normalIdNumber } from './personal-data.ts';
import { queryRows, type Database } from '../db/index.ts';
import { caseAttachments, cases, employers, exchangeInbox, exchangeKeys, exchangeOutbox, ledgerItems, payments, persons, reconciliationLines, users } from '../db/schema/index.ts';

const BATCH = 500;

/** A value still under another key than the primary: a prefix match on the key named in it. */
const notUnder = (column: SQLWrapper, primary: string): SQL => sql`${column} LIKE 'sm4ctr:v1:%' AND ${column} NOT LIKE ${`sm4ctr:v1:${primary}:%`}`;

/** A case's data (a flat object) holding a value under another key than the primary. */
const dataNotUnder = (data: string, primary: string): SQL =>
  sql`EXISTS (SELECT 1 FROM jsonb_each_text(${sql.raw(data)}) v WHERE v.value LIKE 'sm4ctr:v1:%' AND v.value NOT LIKE ${`sm4ctr:v1:${primary}:%`})`;

/**
 * What a rotation re-encrypted, per table; and how many performance records (append-only, so never
 * rewritten) still hold values under older keys: while there are any, those keys stay in the ring.
 */
export type RotationReport = Record<'persons' | 'employers' | 'ledgerItems' | 'payments' | 'reconciliationLines' | 'users' | 'exchangeKeys' | 'exchangeMessages' | 'cases' | 'attachments', number> & {
  historyUnderOlderKeys: number;
  reindexed?: number;
};

/**
 * Re-encrypts every stored personal value under the cipher's primary key (after a new key was
 * made primary in the key file): ID numbers (employers' legal representatives too), phones (emergency
 * contacts' and employers' contacts' too), social security card numbers, payment accounts and payees, bank lines, second-factor secrets, the exchange's private signing keys and the payloads of its messages. A batch at
 * a time, each in one transaction, so it can be stopped and run again; values already under the
 * primary key are left alone. Files attached to cases are re-encrypted the same way. With `reindex`, the blind indexes are recomputed too (after the
 * index key changed). The personal values of case data (a bank account) are re-encrypted in the
 * case and its snapshot; the performance records that hold them are append-only and keep theirs,
 * counted in `historyUnderOlderKeys` with the personal values of master-data histories. An old key may leave the key file only once this reports
 * nothing left under it, the history included.
 */
export async function reencryptAll(db: Database, cipher: FieldCipher, options: { reindex: boolean }): Promise<RotationReport> {
  const primary = cipher.ring.primary;
  const report: RotationReport = { persons: 0, employers: 0, ledgerItems: 0, payments: 0, reconciliationLines: 0, users: 0, exchangeKeys: 0, exchangeMessages: 0, cases: 0, attachments: 0, historyUnderOlderKeys: 0 };
  const again = (stored: string | null) => (stored === null ? null : cipher.encrypt(cipher.decrypt(stored)));
  const againData = <T extends Record<string, unknown>>(data: T): T =>
    Object.fromEntries(Object.entries(data).map(([field, value]) => [field, typeof value === 'string' && value.startsWith('sm4ctr:') ? again(value) : value])) as T;
  const loop = async (work: () => Promise<number>, into: Exclude<keyof RotationReport, 'reindexed' | 'historyUnderOlderKeys'>) => {
    for (let done = BATCH; done === BATCH; ) {
      done = await work();
      report[into] += done;
    }
  };

  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(persons)
          .where(
            sql`(${notUnder(persons.idNumber, primary)}) OR (${notUnder(persons.phone, primary)}) OR (${notUnder(persons.paymentAccount, primary)}) OR (${notUnder(persons.emergencyContactPhone, primary)}) OR (${notUnder(persons.socialSecurityCardNo, primary)})`,
          )
          .limit(BATCH)
          .for('update');
        for (const row of rows) {
          await tx
            .update(persons)
            .set({
              idNumber: again(row.idNumber)!,
              phone: again(row.phone),
              paymentAccount: again(row.paymentAccount),
              emergencyContactPhone: again(row.emergencyContactPhone),
              socialSecurityCardNo: again(row.socialSecurityCardNo),
            })
            .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.id)));
        }
        return rows.length;
      }),
    'persons',
  );
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ cityCode: employers.cityCode, id: employers.id, legalRep: employers.legalRepIdNumber, contactPhone: employers.contactPhone })
          .from(employers)
          .where(sql`(${notUnder(employers.legalRepIdNumber, primary)}) OR (${notUnder(employers.contactPhone, primary)})`)
          .limit(BATCH)
          .for('update');
        for (const row of rows) {
          await tx
            .update(employers)
            .set({ legalRepIdNumber: again(row.legalRep), contactPhone: again(row.contactPhone) })
            .where(and(eq(employers.cityCode, row.cityCode), eq(employers.id, row.id)));
        }
        return rows.length;
      }),
    'employers',
  );
  for (const table of [ledgerItems, payments] as const) {
    await loop(
      () =>
        db.transaction(async (tx) => {
          const rows = await tx
            .select({ cityCode: table.cityCode, id: table.id, idNumber: table.idNumber, payeeCode: table.payeeCode, payeeAccount: table.payeeAccount })
            .from(table)
            .where(sql`(${notUnder(table.idNumber, primary)}) OR (${notUnder(table.payeeCode, primary)}) OR (${notUnder(table.payeeAccount, primary)})`)
            .limit(BATCH)
            .for('update');
          // A payee code is sealed only when it is a person's ID number; an organisation's credit code stays as it is.
          const sealedAgain = (stored: string | null) => (stored !== null && FieldCipher.isEncrypted(stored) ? again(stored) : stored);
          for (const row of rows) {
            await tx
              .update(table)
              .set({ idNumber: again(row.idNumber)!, payeeCode: sealedAgain(row.payeeCode), payeeAccount: again(row.payeeAccount) })
              .where(and(eq(table.cityCode, row.cityCode), eq(table.id, row.id)));
          }
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
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select({ memberCode: exchangeKeys.memberCode, keyId: exchangeKeys.keyId, privateKey: exchangeKeys.privateKey }).from(exchangeKeys).where(notUnder(exchangeKeys.privateKey, primary)).limit(BATCH).for('update');
        for (const row of rows) await tx.update(exchangeKeys).set({ privateKey: again(row.privateKey) }).where(and(eq(exchangeKeys.memberCode, row.memberCode), eq(exchangeKeys.keyId, row.keyId)));
        return rows.length;
      }),
    'exchangeKeys',
  );
  for (const box of [exchangeOutbox, exchangeInbox]) {
    await loop(
      () =>
        db.transaction(async (tx) => {
          const rows = await tx.select({ seq: box.seq, payloadSealed: box.payloadSealed }).from(box).where(notUnder(box.payloadSealed, primary)).limit(BATCH).for('update');
          for (const row of rows) await tx.update(box).set({ payloadSealed: again(row.payloadSealed)! }).where(eq(box.seq, row.seq));
          return rows.length;
        }),
      'exchangeMessages',
    );
  }
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select().from(cases).where(dataNotUnder('cases.data', primary)).limit(BATCH).for('update');
        for (const row of rows) {
          const data = againData(row.data);
          await tx
            .update(cases)
            .set({ data, snapshot: { ...row.snapshot, context: { ...row.snapshot.context, data } } })
            .where(and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id)));
        }
        return rows.length;
      }),
    'cases',
  );
  // Files attached to cases: their content names its key in its first bytes.
  const prefix = FieldCipher.bytesPrefix(primary);
  await loop(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ cityCode: caseAttachments.cityCode, id: caseAttachments.id, content: caseAttachments.content })
          .from(caseAttachments)
          .where(sql`substring(${caseAttachments.content} from 1 for ${prefix.length}) <> ${prefix}`)
          .limit(BATCH)
          .for('update');
        for (const row of rows) {
          await tx
            .update(caseAttachments)
            .set({ content: cipher.encryptBytes(cipher.decryptBytes(row.content)) })
            .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.id, row.id)));
        }
        return rows.length;
      }),
    'attachments',
  );
  const [history] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM case_events WHERE ${dataNotUnder('case_events.data', primary)}`);
  // A record's history (append-only too) keeps the personal values of its changes under the key they were written with.
  const [changes] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM master_data_history WHERE (${notUnder(sql.raw('old_value'), primary)}) OR (${notUnder(sql.raw('new_value'), primary)})`,
  );
  report.historyUnderOlderKeys = Number(history?.n ?? 0) + Number(changes?.n ?? 0);
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
    // An employer's legal representative, compared with persons by the same index.
    const employerRows = await tx.select({ cityCode: employers.cityCode, id: employers.id, legalRep: employers.legalRepIdNumber }).from(employers).where(isNotNull(employers.legalRepIdNumber)).for('update');
    for (const row of employerRows) {
      await tx.update(employers).set({ legalRepIdNumberIndex: cipher.index(cipher.decrypt(row.legalRep!)) }).where(and(eq(employers.cityCode, row.cityCode), eq(employers.id, row.id)));
      count++;
    }
    const paidPersons = await tx.select({ cityCode: payments.cityCode, id: payments.id, code: payments.payeeCode }).from(payments).where(sql`${payments.payeeCodeIndex} IS NOT NULL`).for('update');
    for (const row of paidPersons) {
      await tx.update(payments).set({ payeeCodeIndex: cipher.index(normalIdNumber(cipher.decrypt(row.code!))) }).where(and(eq(payments.cityCode, row.cityCode), eq(payments.id, row.id)));
    }
    return count;
  });
}
