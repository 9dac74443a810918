import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate, type Fund, type PayeeKind } from '../../engine/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import { AWAITING_ACCOUNT } from './ledger-items.ts';
import { bankConnectorOf, bankDeliveryOf, bankLineOf, sendBatchToBank } from './bank-connector.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { toCsv } from '../exports/index.ts';
import { queryRows, retryLostRace, type Transaction } from '../db/index.ts';
import { ledgerHistory, paymentBatches, payments } from '../db/schema/index.ts';
import { nextBatchNumber } from '../numbering/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

type BatchRow = typeof paymentBatches.$inferSelect;

/** The columns of the bank file, in order. */
const BANK_FILE_HEADER = ['payment_no', 'payee_kind', 'payee_code', 'account_name', 'account_no', 'bank', 'amount_fen'] as const;

function batchView(row: BatchRow) {
  return {
    id: row.id,
    batchNo: row.batchNo,
    fund: row.fund,
    status: row.status,
    paymentCount: row.paymentCount,
    totalFen: row.totalFen,
    issuedBy: row.issuedBy,
    issuedAt: row.issuedAt.toISOString(),
    sentBy: row.sentBy,
    sentAt: row.sentAt?.toISOString() ?? null,
    reconciledAt: row.reconciledAt?.toISOString() ?? null,
  };
}

/**
 * Approved items of a fund with no payment in flight or done: new ones, and those whose payments
 * all failed, with the number of the last failed payment and who imported its failure; with the
 * payee fixed at approval and, for the case's own person, the account on their record now.
 */
async function unpaidItems(tx: Transaction, cityCode: string, fund: Fund) {
  return queryRows<{
    id: string;
    id_number: string;
    id_number_index: string | null;
    person_name: string;
    item: string;
    period: string;
    amount_fen: string | number;
    payee_kind: PayeeKind;
    payee_code: string | null;
    payee_name: string | null;
    payee_account: string | null;
    payee_account_masked: string | null;
    payee_bank: string | null;
    person_account: string | null;
    person_account_masked: string | null;
    person_bank: string | null;
    failed_payment_no: string | null;
    failed_by: string | null;
  }>(
    tx,
    sql`SELECT i.id, i.id_number, i.id_number_index, i.person_name, i.item, i.period, i.amount_fen,
               i.payee_kind, i.payee_code, i.payee_name, i.payee_account, i.payee_account_masked, i.payee_bank,
               pe.payment_account AS person_account, pe.payment_account_masked AS person_account_masked, pe.payment_bank AS person_bank,
               f.payment_no AS failed_payment_no, f.actor_id AS failed_by
        FROM ledger_items i
        LEFT JOIN persons pe ON pe.city_code = i.city_code AND pe.id = i.person_id
        LEFT JOIN LATERAL (
          SELECT p.payment_no, h.actor_id FROM ledger_history h
          JOIN payments p ON p.city_code = h.city_code AND p.id = h.payment_id
          WHERE h.city_code = i.city_code AND h.item_id = i.id AND h.action = 'payment.failed'
          ORDER BY h.id DESC LIMIT 1
        ) f ON true
        WHERE i.city_code = ${cityCode} AND i.fund = ${fund}
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.city_code = i.city_code AND p.item_id = i.id AND p.status <> 'failed')
        ORDER BY i.approved_at, i.id
        FOR UPDATE OF i`,
  );
}

type UnpaidItem = Awaited<ReturnType<typeof unpaidItems>>[number];

/** Whether the item pays the case's own person (the payee code is empty). */
const paysOwnPerson = (item: UnpaidItem) => item.payee_kind === 'person' && item.payee_code === null;

/** The case's own person paid to the account on their record: the case collected none. */
const paysToRecordedAccount = (item: UnpaidItem) => paysOwnPerson(item) && item.payee_account === null;

/**
 * The payee as the payment keeps it, copied at issue: the case's own person (their sealed ID number
 * as code) with the account the case collected, else the one on their record now; any other payee
 * as it was fixed at approval, a person's ID number given its blind index for reconciliation.
 */
function payeeOfPayment(cipher: FieldCipher, item: UnpaidItem) {
  if (paysOwnPerson(item)) {
    const own = { payeeKind: 'person' as const, payeeCode: item.id_number, payeeCodeIndex: item.id_number_index, payeeName: item.person_name };
    if (paysToRecordedAccount(item)) return { ...own, payeeAccount: item.person_account, payeeAccountMasked: item.person_account_masked, payeeBank: item.person_bank };
    return { ...own, payeeAccount: item.payee_account, payeeAccountMasked: item.payee_account_masked, payeeBank: item.payee_bank };
  }
  const codeIndex = item.payee_kind === 'person' && item.payee_code !== null ? cipher.index(cipher.decrypt(item.payee_code)) : null;
  return { payeeKind: item.payee_kind, payeeCode: item.payee_code, payeeCodeIndex: codeIndex, payeeName: item.payee_name, payeeAccount: item.payee_account, payeeAccountMasked: item.payee_account_masked, payeeBank: item.payee_bank };
}

/** Why items were held out of a batch: their person has no payment account on record yet. */
function awaitingAccountOf(held: readonly UnpaidItem[]) {
  return {
    count: held.length,
    message: AWAITING_ACCOUNT,
    items: held.map((item) => ({ itemId: item.id, personName: item.person_name, item: item.item, period: item.period, amountFen: Number(item.amount_fen) })),
  };
}

/**
 * Paying a failed payment again needs a second person: the issuer of the batch that re-issues it
 * is not whoever imported its failure. The whole batch is refused, naming the failed payments.
 */
function refuseOwnFailuresPaidAgain(items: readonly UnpaidItem[], user: SessionUser, fund: Fund): void {
  const own = items.filter((item) => item.failed_by === user.id);
  if (own.length === 0) return;
  throw new PlatformError('MAKER_CHECKER_VIOLATION', {
    message: {
      'zh-CN': '批次将重新发放失败款项，生成人不能是导入该失败对账结果的人员',
      en: 'A batch that pays failed payments again must be issued by someone other than whoever imported their failure',
    },
    details: { fund, sameActorAs: 'import', failedPayments: own.map((item) => item.failed_payment_no) },
  });
}

/**
 * Issues a payment batch of one fund: every approved item not yet paid or in flight, including
 * items whose earlier payment failed (re-issued here in a new batch). An item paying the case's
 * own person who has no payment account on record is held out and reported (`awaitingAccount`);
 * a later batch takes it once the account is recorded. Refused when there is nothing to pay, and
 * when the issuer imported the failure of a payment it would pay again.
 */
export async function issueBatch(rt: RuntimeContext, user: SessionUser, input: { fund: Fund }) {
  const cityCode = requireCity(user);
  const now = rt.clock();
  // Issued twice at once: the loser runs again and finds the winner's payments (nothing left to pay).
  const batch = await retryLostRace(() => rt.db.transaction(async (tx) => {
    const unpaid = await unpaidItems(tx, cityCode, input.fund);
    const held = unpaid.filter((item) => paysToRecordedAccount(item) && item.person_account === null);
    const items = unpaid.filter((item) => !held.includes(item));
    if (items.length === 0) throw new PlatformError('NOTHING_TO_PAY', { details: { fund: input.fund, ...(held.length > 0 ? { awaitingAccount: awaitingAccountOf(held) } : {}) } });
    refuseOwnFailuresPaidAgain(items, user, input.fund);
    const day = chinaDate(now).replaceAll('-', '');
    const batchNo = await nextBatchNumber(tx, cityCode, day);
    const batchId = randomUUID();
    const totalFen = items.reduce((sum, item) => sum + Number(item.amount_fen), 0);
    const [row] = await tx
      .insert(paymentBatches)
      .values({ cityCode, id: batchId, batchNo, fund: input.fund, status: 'issued', paymentCount: items.length, totalFen, issuedBy: user.id, issuedAt: now })
      .returning();
    for (const [index, item] of items.entries()) {
      const paymentId = randomUUID();
      const amountFen = Number(item.amount_fen);
      await tx.insert(payments).values({
        cityCode,
        id: paymentId,
        paymentNo: `${batchNo}${String(index + 1).padStart(5, '0')}`,
        itemId: item.id,
        batchId,
        idNumber: item.id_number,
        idNumberIndex: item.id_number_index,
        personName: item.person_name,
        ...payeeOfPayment(rt.cipher, item),
        amountFen,
        status: 'issued',
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(ledgerHistory).values({ cityCode, itemId: item.id, paymentId, batchId, action: 'payment.issued', amountFen, actorId: user.id, at: now, details: { batchNo } });
    }
    return { row: row!, held };
  }));
  return { ...batchView(batch.row), awaitingAccount: awaitingAccountOf(batch.held) };
}

async function lockedBatch(tx: Transaction, cityCode: string, id: string): Promise<BatchRow> {
  const [batch] = await tx
    .select()
    .from(paymentBatches)
    .where(and(eq(paymentBatches.cityCode, cityCode), eq(paymentBatches.id, id)))
    .for('update');
  if (!batch) throw new PlatformError('NOT_FOUND', { details: { batch: id } });
  return batch;
}

/**
 * Approves sending an issued batch to the bank: by a reviewer who did not issue it. Where the city
 * is connected to its bank over the exchange, the batch goes as a signed message written in this
 * same transaction (no batch marked sent without its message, no message without the batch marked),
 * and `bank` shows its delivery; else the bank file carries it.
 */
export async function sendBatch(rt: RuntimeContext, user: SessionUser, id: string) {
  const cityCode = requireCity(user);
  const now = rt.clock();
  const batch = await rt.db.transaction(async (tx) => {
    const batch = await lockedBatch(tx, cityCode, id);
    if (batch.status !== 'issued') throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { batch: id, status: batch.status, event: 'send' } });
    if (batch.issuedBy === user.id) throw new PlatformError('MAKER_CHECKER_VIOLATION', { details: { batch: id, sameActorAs: 'issue' } });
    const sent = await tx
      .update(payments)
      .set({ status: 'sent', updatedAt: now })
      .where(and(eq(payments.cityCode, cityCode), eq(payments.batchId, id), eq(payments.status, 'issued')))
      .returning();
    for (const payment of sent) {
      await tx.insert(ledgerHistory).values({ cityCode, itemId: payment.itemId, paymentId: payment.id, batchId: id, action: 'payment.sent', amountFen: payment.amountFen, actorId: user.id, at: now, details: {} });
    }
    const [updated] = await tx
      .update(paymentBatches)
      .set({ status: 'sent', sentBy: user.id, sentAt: now })
      .where(and(eq(paymentBatches.cityCode, cityCode), eq(paymentBatches.id, id)))
      .returning();
    const connector = await bankConnectorOf(tx, cityCode);
    if (connector) await sendBatchToBank(rt, tx, connector, updated!, sent);
    return updated!;
  });
  return { ...batchView(batch), bank: await bankDeliveryOf(rt.db, cityCode, id) };
}

/** A batch with its payments. */
export async function getBatch(rt: RuntimeContext, user: SessionUser, id: string) {
  const cityCode = requireCity(user);
  const [batch] = await rt.db.select().from(paymentBatches).where(and(eq(paymentBatches.cityCode, cityCode), eq(paymentBatches.id, id)));
  if (!batch) throw new PlatformError('NOT_FOUND', { details: { batch: id } });
  const rows = await rt.db.select().from(payments).where(and(eq(payments.cityCode, cityCode), eq(payments.batchId, id))).orderBy(asc(payments.paymentNo));
  return {
    ...batchView(batch),
    bank: await bankDeliveryOf(rt.db, cityCode, id),
    payments: rows.map((p) => ({
      id: p.id,
      paymentNo: p.paymentNo,
      itemId: p.itemId,
      personName: p.personName,
      payee: { kind: p.payeeKind ?? 'person', name: p.payeeName ?? p.personName, accountMasked: p.payeeAccountMasked, bank: p.payeeBank },
      amountFen: p.amountFen,
      status: p.status,
      failureReason: p.failureReason,
      bankReference: p.bankReference,
    })),
  };
}

/**
 * The file for the bank: one line per payment: payment number, payee kind, payee code (a person's
 * ID number in the clear, an organisation's credit code), account name, account number in the
 * clear, bank, amount in fen; every cell neutralised against spreadsheet formulas. The download is
 * recorded in the access log before the file leaves. A payment issued before payees were recorded
 * names its person, with no account.
 */
export async function batchBankFile(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin): Promise<string> {
  const cityCode = requireCity(user);
  const rows = await rt.db.select().from(payments).where(and(eq(payments.cityCode, cityCode), eq(payments.batchId, id))).orderBy(asc(payments.paymentNo));
  if (rows.length === 0) throw new PlatformError('NOT_FOUND', { details: { batch: id } });
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'bank-file', target: { type: 'payment-batch', id }, origin, at: rt.clock(), details: { payments: rows.length } });
  const lines = rows.map((p) => {
    const line = bankLineOf(rt.cipher, p);
    return [line.paymentNo, line.payeeKind, line.payeeCode, line.accountName, line.accountNo, line.bank, line.amountFen];
  });
  return toCsv([BANK_FILE_HEADER, ...lines], { forPeople: false });
}

/** The city's batches, newest first. */
export async function listBatches(rt: RuntimeContext, user: SessionUser, query: { page: number; pageSize: number }) {
  const cityCode = requireCity(user);
  const rows = await rt.db
    .select()
    .from(paymentBatches)
    .where(eq(paymentBatches.cityCode, cityCode))
    .orderBy(desc(paymentBatches.issuedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(batchView) };
}

/** Marks batches reconciled once none of their payments is still awaiting the bank. */
export async function closeReconciledBatches(tx: Transaction, cityCode: string, batchIds: readonly string[], now: Date): Promise<void> {
  if (batchIds.length === 0) return;
  await tx
    .update(paymentBatches)
    .set({ status: 'reconciled', reconciledAt: now })
    .where(
      and(
        eq(paymentBatches.cityCode, cityCode),
        inArray(paymentBatches.id, [...batchIds]),
        eq(paymentBatches.status, 'sent'),
        sql`NOT EXISTS (SELECT 1 FROM payments p WHERE p.city_code = ${cityCode} AND p.batch_id = payment_batches.id AND p.status = 'sent')`,
      ),
    );
}

