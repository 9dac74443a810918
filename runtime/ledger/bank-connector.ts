import { and, eq } from 'drizzle-orm';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { bankConnectors, bankTransmissions, exchangeOutbox, type paymentBatches, type payments } from '../db/schema/index.ts';
import { sendMessage, type ExchangeContext } from '../exchange/index.ts';
import { openValue } from '../privacy/index.ts';

/** The exchange service of a payment batch sent to the bank, and of the bank's reconciliation of it. */
export const BANK_PAYMENT_BATCH = 'bank.payment-batch';
export const BANK_RECONCILIATION = 'bank.reconciliation';

type PaymentRow = typeof payments.$inferSelect;
type BatchRow = typeof paymentBatches.$inferSelect;

/** A payment as the bank takes it: the payee's code and account number in the clear, the amount in fen. */
export interface BankPaymentLine {
  paymentNo: string;
  payeeKind: string;
  /** A person's ID number, an organisation's credit code. */
  payeeCode: string;
  accountName: string;
  accountNo: string;
  bank: string;
  amountFen: number;
}

/**
 * A payment as the bank file and the bank's message carry it: the sealed ID number or payee code and
 * account opened here, only into what goes to the bank (never logged). A payment issued before
 * payees were recorded names its person, with no account.
 */
export function bankLineOf(cipher: FieldCipher, p: PaymentRow): BankPaymentLine {
  const kind = p.payeeKind ?? 'person';
  const code = p.payeeCode === null ? openValue(cipher, p.idNumber) : kind === 'person' ? openValue(cipher, p.payeeCode) : p.payeeCode;
  return { paymentNo: p.paymentNo, payeeKind: kind, payeeCode: code ?? '', accountName: p.payeeName ?? p.personName, accountNo: openValue(cipher, p.payeeAccount) ?? '', bank: p.payeeBank ?? '', amountFen: p.amountFen };
}

/** Connects a city to its bank: the exchange member (served here) that sends its batches, and the bank's member. Both must be registered. */
export async function connectBank(db: Executor, connector: { cityCode: string; member: string; bank: string }): Promise<void> {
  await db
    .insert(bankConnectors)
    .values({ cityCode: connector.cityCode, memberCode: connector.member, bankMemberCode: connector.bank })
    .onConflictDoUpdate({ target: bankConnectors.cityCode, set: { memberCode: connector.member, bankMemberCode: connector.bank } });
}

/** The city's bank connector, if it has one (else its batches go by the bank file). */
export async function bankConnectorOf(db: Executor, cityCode: string) {
  const [row] = await db.select().from(bankConnectors).where(eq(bankConnectors.cityCode, cityCode));
  return row;
}

/**
 * Sends a batch being marked sent to the bank, in the transaction that marks it: one signed message
 * (`bank.payment-batch`, business key the batch number, message id the batch id) in the outbox, and
 * the batch's transmission row, whose key refuses a second sending in the database. The exchange
 * delivers it with its retries.
 */
export async function sendBatchToBank(ctx: ExchangeContext, tx: Transaction, connector: { memberCode: string; bankMemberCode: string }, batch: BatchRow, rows: readonly PaymentRow[]): Promise<void> {
  const lines = [...rows].sort((a, b) => a.paymentNo.localeCompare(b.paymentNo)).map((p) => bankLineOf(ctx.cipher, p));
  const payload = { batchId: batch.id, batchNo: batch.batchNo, fund: batch.fund, currency: 'CNY', paymentCount: batch.paymentCount, totalFen: batch.totalFen, payments: lines };
  const { envelope } = await sendMessage(ctx, { sender: connector.memberCode, receiver: connector.bankMemberCode, service: BANK_PAYMENT_BATCH, businessKey: batch.batchNo, messageId: batch.id, payload }, tx);
  await tx.insert(bankTransmissions).values({ cityCode: batch.cityCode, batchId: batch.id, batchNo: batch.batchNo, sender: envelope.sender, receiver: envelope.receiver, messageId: envelope.messageId, sentAt: new Date(envelope.sentAt) });
}

/**
 * Where a batch sent over the exchange is: `sending` (in the outbox: attempts, last failure, next attempt), `undeliverable`
 * (given up as a dead letter: the city's administrator puts it back once the cause is mended), `delivered` (the bank
 * acknowledged), `reconciled`; null for a batch not sent this way.
 */
export async function bankDeliveryOf(db: Executor, cityCode: string, batchId: string) {
  const [row] = await db
    .select({ t: bankTransmissions, status: exchangeOutbox.status, attempts: exchangeOutbox.attempts, lastError: exchangeOutbox.lastError, nextAttemptAt: exchangeOutbox.nextAttemptAt, deliveredAt: exchangeOutbox.deliveredAt })
    .from(bankTransmissions)
    .innerJoin(exchangeOutbox, and(eq(exchangeOutbox.sender, bankTransmissions.sender), eq(exchangeOutbox.messageId, bankTransmissions.messageId)))
    .where(and(eq(bankTransmissions.cityCode, cityCode), eq(bankTransmissions.batchId, batchId)));
  if (!row) return null;
  const state = row.t.reconciliationId ? 'reconciled' : row.status === 'delivered' ? 'delivered' : row.status === 'dead' ? 'undeliverable' : 'sending';
  return {
    state: state as 'sending' | 'undeliverable' | 'delivered' | 'reconciled',
    bank: row.t.receiver,
    messageId: row.t.messageId,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    reconciliationId: row.t.reconciliationId,
  };
}
