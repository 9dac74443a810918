import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { bankConnectors, bankTransmissions, paymentBatches, payments } from '../db/schema/index.ts';
import { canonicalJson, type Envelope, type ExchangeContext, type ServiceHandlers } from '../exchange/index.ts';
import { BANK_RECONCILIATION } from './bank-connector.ts';
import { applyReconciliation } from './reconciliation.ts';

/** A line of the bank's reconciliation: one payment of the batch, paid or failed. */
const BankReconciliationLine = z
  .object({
    paymentNo: z.string().min(1).max(40),
    payeeCode: z.string().max(40),
    amountFen: z.number().int().positive(),
    result: z.enum(['paid', 'failed']),
    bankReference: z.string().max(100),
    message: z.string().max(500),
  })
  .strict();

/** The payload of `bank.reconciliation`: the batch it answers, its count and total, a line for every payment. */
export const BankReconciliation = z
  .object({
    batchNo: z.string().min(1).max(40),
    paymentCount: z.number().int().nonnegative(),
    totalFen: z.number().int().nonnegative(),
    lines: z.array(BankReconciliationLine).max(100_000),
  })
  .strict();
export type BankReconciliation = z.infer<typeof BankReconciliation>;

/** A refusal of the bank's reconciliation, naming the batch and why; the receiving transaction rolls back. */
function mismatch(batchNo: string, reason: string, more: Record<string, unknown> = {}): PlatformError {
  return new PlatformError('BANK_RECONCILIATION_MISMATCH', { details: { batchNo, reason, ...more } });
}

/** The batch the reconciliation answers, checked to be this city's, sent over the exchange, not yet reconciled, and to agree in count and total. */
async function batchAnswered(tx: Transaction, envelope: Envelope, rec: BankReconciliation) {
  const [connector] = await tx
    .select()
    .from(bankConnectors)
    .where(and(eq(bankConnectors.memberCode, envelope.receiver), eq(bankConnectors.bankMemberCode, envelope.sender)));
  if (!connector) throw mismatch(envelope.businessKey, 'not-this-city-bank');
  if (rec.batchNo !== envelope.businessKey) throw mismatch(envelope.businessKey, 'business-key');
  const [sent] = await tx
    .select()
    .from(bankTransmissions)
    .where(and(eq(bankTransmissions.cityCode, connector.cityCode), eq(bankTransmissions.batchNo, rec.batchNo), eq(bankTransmissions.receiver, envelope.sender)))
    .for('update');
  if (!sent) throw mismatch(rec.batchNo, 'unknown-batch');
  if (sent.reconciliationId) throw mismatch(rec.batchNo, 'already-reconciled');
  const [batch] = await tx.select().from(paymentBatches).where(and(eq(paymentBatches.cityCode, sent.cityCode), eq(paymentBatches.id, sent.batchId)));
  const lineTotal = rec.lines.reduce((sum, line) => sum + line.amountFen, 0);
  const expected = { paymentCount: batch!.paymentCount, totalFen: batch!.totalFen };
  if (rec.paymentCount !== expected.paymentCount || rec.totalFen !== expected.totalFen || rec.lines.length !== expected.paymentCount || lineTotal !== expected.totalFen) {
    throw mismatch(rec.batchNo, 'totals', { expected, stated: { paymentCount: rec.paymentCount, totalFen: rec.totalFen }, lines: { count: rec.lines.length, totalFen: lineTotal } });
  }
  const ofBatch = new Set((await tx.select({ paymentNo: payments.paymentNo }).from(payments).where(and(eq(payments.cityCode, sent.cityCode), eq(payments.batchId, sent.batchId)))).map((p) => p.paymentNo));
  const named = new Set(rec.lines.map((line) => line.paymentNo));
  if (named.size !== rec.lines.length || [...named].some((no) => !ofBatch.has(no))) throw mismatch(rec.batchNo, 'payments-not-of-batch');
  return sent;
}

/**
 * Applies the bank's signed reconciliation of a batch (service `bank.reconciliation`), in the
 * transaction that takes it into the inbox: the exchange has verified the signature; here the batch
 * must be one this city sent to this bank and not yet reconciled, the count and total must agree
 * with the batch, and every line must match a payment of it (number, payee code, amount), else
 * `BANK_RECONCILIATION_MISMATCH` and nothing is applied (nor the message kept). Each line is then
 * applied as an imported file's would be: paid and reconciled, or failed (to be paid again in a new batch).
 */
export async function applyBankReconciliation(ctx: ExchangeContext, tx: Transaction, envelope: Envelope): Promise<void> {
  const parsed = BankReconciliation.safeParse(envelope.payload);
  if (!parsed.success) throw mismatch(envelope.businessKey, 'malformed');
  const rec = parsed.data;
  const sent = await batchAnswered(tx, envelope, rec);
  const now = ctx.clock();
  const id = randomUUID();
  const lines = rec.lines.map((line, index) => ({ lineNo: index + 1, raw: canonicalJson(line), line }));
  const applied = await applyReconciliation(tx, ctx.cipher, sent.cityCode, { id, fileName: `exchange:${envelope.sender}:${envelope.messageId}`, fileSha256: envelope.payloadHash, lines }, `exchange:${envelope.sender}`, now);
  if (applied.unmatched.length > 0) {
    throw mismatch(rec.batchNo, 'lines', { unmatched: applied.unmatched.map((o) => ({ lineNo: o.lineNo, paymentNo: o.paymentNo, reason: o.reason })) });
  }
  await tx
    .update(bankTransmissions)
    .set({ reconciliationId: id, reconciliationMessageId: envelope.messageId, reconciledAt: now })
    .where(and(eq(bankTransmissions.cityCode, sent.cityCode), eq(bankTransmissions.batchId, sent.batchId)));
}

/** The exchange services the ledger handles as messages arrive: the bank's reconciliations. */
export function bankServiceHandlers(ctx: ExchangeContext): ServiceHandlers {
  return new Map([[BANK_RECONCILIATION, (tx: Transaction, envelope: Envelope) => applyBankReconciliation(ctx, tx, envelope)]]);
}
