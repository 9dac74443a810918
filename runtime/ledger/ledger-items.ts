import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, type LedgerItem } from '../../engine/index.ts';
import type { EffectHandlers } from '../cases/index.ts';
import { isUniqueViolation, type Executor, type Transaction } from '../db/index.ts';
import { employers, ledgerHistory, ledgerItems, payments, persons } from '../db/schema/index.ts';
import { FieldCipher } from '../crypto/index.ts';
import { normalIdNumber, sealAccount } from '../privacy/index.ts';
import type { CaseRow } from '../runtime-context.ts';

/**
 * The payee columns of a ledger item. The case's own person (code null) is paid to the account the
 * case collected, kept now, else to the one on their record when a batch is issued. Any other payee is fixed now: a
 * person's ID number and every account encrypted; an employer must be one registered in the city,
 * else the step is refused (RULE_VIOLATION `payee-registered-employer`) and nothing is written.
 */
async function payeeColumns(tx: Transaction, cipher: FieldCipher, cityCode: string, payee: LedgerItem['payee']) {
  if (payee.kind === 'person' && payee.code === null && payee.account === null) return { payeeKind: 'person' as const };
  if (payee.kind === 'employer') {
    const code = payee.code?.trim().toUpperCase() ?? '';
    const [employer] = await tx.select({ id: employers.id }).from(employers).where(and(eq(employers.cityCode, cityCode), eq(employers.creditCode, code))).limit(1);
    if (!employer) {
      throw new PlatformError('RULE_VIOLATION', {
        message: { 'zh-CN': `收款单位 ${code} 不是本市已登记的用人单位`, en: `The payee ${code} is not an employer registered in the city` },
        details: { violations: [{ rule: 'payee-registered-employer', message: { 'zh-CN': '收款单位须为本市已登记的用人单位', en: 'The paid unit must be an employer registered in the city' } }], creditCode: code },
      });
    }
  }
  // Fields the definition marks personal reach the engine sealed: opened here, sealed again as the ledger keeps them.
  const clear = (value: string | null) => (value !== null && FieldCipher.isEncrypted(value) ? cipher.decrypt(value) : value);
  const { account, masked } = sealAccount(cipher, clear(payee.account));
  const code = clear(payee.code);
  const sealedCode = code === null ? null : payee.kind === 'person' ? cipher.encrypt(normalIdNumber(code)) : code.trim().toUpperCase();
  return { payeeKind: payee.kind, payeeCode: sealedCode, payeeName: payee.name, payeeAccount: account, payeeAccountMasked: masked, payeeBank: payee.bank };
}

/**
 * Writes an approved payment for the case's person, real-name, with its history row. The
 * database refuses the same item for the same period twice (whichever city or fund) and a
 * preparer approving their own item; both come back as typed errors.
 */
async function recordLedgerItem(tx: Transaction, cipher: FieldCipher, row: CaseRow, item: LedgerItem, now: Date): Promise<string> {
  const [person] = await tx
    .select({ idNumber: persons.idNumber, idNumberIndex: persons.idNumberIndex, name: persons.name })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  if (!person) throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'ledger.item', reason: 'payments go to persons' } });
  if (item.preparedBy === item.approvedBy) throw new PlatformError('MAKER_CHECKER_VIOLATION', { details: { ledgerItem: item.item, preparedBy: item.preparedBy } });
  const { payee, ...fields } = item;
  const payeeRow = await payeeColumns(tx, cipher, row.cityCode, payee);
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
      ...fields,
      ...payeeRow,
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
    details: { subsidyType: item.subsidyType, item: item.item, period: item.period, fund: item.fund, preparedBy: item.preparedBy, caseId: row.id, payeeKind: payee.kind },
  });
  return id;
}

/**
 * The ledger's part of the case transaction, registered at start-up: a step's approved payment is
 * written to the ledger, its payee's personal values sealed with the runtime's cipher.
 */
export function ledgerEffects(cipher: FieldCipher): Pick<EffectHandlers, 'ledger.item'> {
  return {
    'ledger.item': {
      apply: async (tx, row, effect, { now }) => {
        await recordLedgerItem(tx, cipher, row, effect.item, now);
      },
    },
  };
}

/** Why an approved item is not in a batch yet: the case's person has no payment account on record. */
export const AWAITING_ACCOUNT = {
  'zh-CN': '已审批，待登记收款账户后发放',
  en: 'Approved; paid once a payment account is recorded',
} as const;

/** Who ledger items may be asked for: the person they were approved for, the case, or the employer paid. */
export interface LedgerItemFilter {
  personId?: string | undefined;
  caseId?: string | undefined;
  /** Items paid to the employer (a subsidy for the people it hired or placed), by its credit code as the payee. */
  employerId?: string | undefined;
}

/**
 * Ledger items of the user's city for a person, a case or an employer paid, each with its latest
 * payment's status, whether it is held for want of the person's account (`awaitingAccount`, with a
 * note) and its payee: kind, name and the account masked, never in the clear. The case's own person
 * is shown with the account of their last payment, or the one on their record now. An employer not
 * registered in the city has no items.
 */
export async function listLedgerItems(db: Executor, cityCode: string, filter: LedgerItemFilter) {
  const conditions: SQL[] = [eq(ledgerItems.cityCode, cityCode)];
  if (filter.personId) conditions.push(eq(ledgerItems.personId, filter.personId));
  if (filter.caseId) conditions.push(eq(ledgerItems.caseId, filter.caseId));
  if (filter.employerId) {
    const paidTo = db.select({ creditCode: employers.creditCode }).from(employers).where(and(eq(employers.cityCode, cityCode), eq(employers.id, filter.employerId)));
    conditions.push(eq(ledgerItems.payeeKind, 'employer'), inArray(ledgerItems.payeeCode, paidTo));
  }
  const latest = (column: string) =>
    sql.raw(`(SELECT p.${column} FROM payments p WHERE p.city_code = ledger_items.city_code AND p.item_id = ledger_items.id ORDER BY p.created_at DESC, p.payment_no DESC LIMIT 1)`);
  const rows = await db
    .select({
      item: ledgerItems,
      paymentStatus: sql<(typeof payments.$inferSelect)['status'] | null>`${latest('status')}`,
      paidAccountMasked: sql<string | null>`${latest('payee_account_masked')}`,
      personAccountMasked: persons.paymentAccountMasked,
    })
    .from(ledgerItems)
    .leftJoin(persons, and(eq(persons.cityCode, ledgerItems.cityCode), eq(persons.id, ledgerItems.personId)))
    .where(and(...conditions))
    .orderBy(asc(ledgerItems.approvedAt));
  return rows.map(({ item, paymentStatus, paidAccountMasked, personAccountMasked }) => {
    const ownPerson = item.payeeKind === 'person' && item.payeeCode === null;
    // The case's own person to the account on their record: the case collected none.
    const toRecordedAccount = ownPerson && item.payeeAccountMasked === null;
    const awaitingAccount = paymentStatus === null && toRecordedAccount && personAccountMasked === null;
    return {
      id: item.id,
      personId: item.personId,
      personName: item.personName,
      subsidyType: item.subsidyType,
      item: item.item,
      period: item.period,
      fund: item.fund,
      amountFen: item.amountFen,
      caseId: item.caseId,
      payee: {
        kind: item.payeeKind,
        name: ownPerson ? item.personName : item.payeeName,
        accountMasked: toRecordedAccount ? (paidAccountMasked ?? personAccountMasked ?? null) : item.payeeAccountMasked,
        bank: toRecordedAccount ? null : item.payeeBank,
      },
      preparedBy: item.preparedBy,
      approvedBy: item.approvedBy,
      approvedAt: item.approvedAt.toISOString(),
      paymentStatus: paymentStatus ?? ('unpaid' as const),
      awaitingAccount,
      ...(awaitingAccount ? { note: AWAITING_ACCOUNT } : {}),
    };
  });
}
