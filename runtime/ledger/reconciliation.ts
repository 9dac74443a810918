import { and, eq } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { isUniqueViolation, type Transaction } from '../db/index.ts';
import { ledgerHistory, paymentBatches, payments, reconciliationLines, reconciliations } from '../db/schema/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import { normalIdNumber } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { requireCity } from '../persons/index.ts';
import { closeReconciledBatches } from './payment-batches.ts';

/** The columns a bank's reconciliation file must have, in this order; `id_number` holds the payee's code (an organisation's credit code when one was paid). */
export const RECONCILIATION_HEADER = 'payment_no,id_number,amount_fen,result,bank_reference,message';

/** Why a line did not match a payment: the values the API documents. */
export const UNMATCHED_REASONS = ['malformed', 'unknown-payment', 'id-number-mismatch', 'amount-mismatch', 'unknown-result', 'not-awaiting-result'] as const;

/** Why a line did not match a payment. */
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** A reason as stored (text, written only from {@link UnmatchedReason}); a line stored without one was malformed. */
export function storedReason(reason: string | null): UnmatchedReason {
  return UNMATCHED_REASONS.find((known) => known === reason) ?? 'malformed';
}

interface LineOutcome {
  lineNo: number;
  raw: string;
  paymentNo: string | null;
  reason: UnmatchedReason | null;
  batchId?: string;
}

/**
 * Marking a payment failed opens the way to paying it again, so it needs a second person: whoever
 * imports the failure neither issued nor approved sending the payment's batch. Refused before
 * anything of the file is kept (the transaction rolls back).
 */
async function refuseOwnBatchFailed(tx: Transaction, cityCode: string, payment: { batchId: string; paymentNo: string }, actorId: string): Promise<void> {
  const [batch] = await tx
    .select({ batchNo: paymentBatches.batchNo, issuedBy: paymentBatches.issuedBy, sentBy: paymentBatches.sentBy })
    .from(paymentBatches)
    .where(and(eq(paymentBatches.cityCode, cityCode), eq(paymentBatches.id, payment.batchId)));
  const sameActorAs = batch?.issuedBy === actorId ? 'issue' : batch?.sentBy === actorId ? 'send' : null;
  if (!sameActorAs) return;
  throw new PlatformError('MAKER_CHECKER_VIOLATION', {
    message: {
      'zh-CN': '对账文件将款项标记为发放失败，导入人不能是该批次的生成人或审批发送人',
      en: 'A reconciliation file that marks payments failed must be imported by someone other than whoever issued or approved sending their batch',
    },
    details: { batch: batch!.batchNo, paymentNo: payment.paymentNo, sameActorAs },
  });
}

/** A line of a reconciliation: a CSV line's six fields, or a line of the bank's signed reconciliation message. */
export interface ReconciliationLine {
  paymentNo: string;
  /** The payee's code as the bank file gave it: a person's ID number or an organisation's credit code. */
  payeeCode: string;
  amountFen: number;
  result: string;
  bankReference: string;
  message: string;
}

/** The fields of a CSV line, or null when it is not six fields with an amount in digits. */
function parseCsvLine(raw: string): ReconciliationLine | null {
  const fields = raw.split(',').map((f) => f.trim());
  if (fields.length !== 6 || !/^\d+$/.test(fields[2]!)) return null;
  const [paymentNo, payeeCode, amount, result, bankReference, message] = fields as [string, string, string, string, string, string];
  return { paymentNo, payeeCode, amountFen: Number(amount), result, bankReference, message };
}

async function matchLine(tx: Transaction, cipher: FieldCipher, cityCode: string, lineNo: number, raw: string, line: ReconciliationLine | null, actorId: string, now: Date): Promise<LineOutcome> {
  if (!line) return { lineNo, raw, paymentNo: null, reason: 'malformed' };
  const { paymentNo, payeeCode: idNumber, result, bankReference, message } = line;
  const unmatched = (reason: UnmatchedReason): LineOutcome => ({ lineNo, raw, paymentNo, reason });
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.cityCode, cityCode), eq(payments.paymentNo, paymentNo)))
    .for('update');
  if (!payment) return unmatched('unknown-payment');
  // The second column is the payee's code as the bank file gave it: a person's ID number (matched by its blind index) or an organisation's credit code.
  const paysPerson = payment.payeeKind === null || payment.payeeKind === 'person';
  const matches = paysPerson ? (payment.payeeCodeIndex ?? payment.idNumberIndex) === cipher.index(normalIdNumber(idNumber)) : payment.payeeCode === idNumber.toUpperCase();
  if (!matches) return unmatched('id-number-mismatch');
  if (payment.amountFen !== line.amountFen) return unmatched('amount-mismatch');
  if (result !== 'paid' && result !== 'failed') return unmatched('unknown-result');
  if (payment.status !== 'sent') return unmatched('not-awaiting-result');
  if (result === 'failed') await refuseOwnBatchFailed(tx, cityCode, payment, actorId);

  const history = { cityCode, itemId: payment.itemId, paymentId: payment.id, batchId: payment.batchId, amountFen: payment.amountFen, actorId, at: now };
  if (result === 'paid') {
    await tx.update(payments).set({ status: 'reconciled', bankReference, updatedAt: now }).where(and(eq(payments.cityCode, cityCode), eq(payments.id, payment.id)));
    await tx.insert(ledgerHistory).values([
      { ...history, action: 'payment.paid', details: { bankReference } },
      { ...history, action: 'payment.reconciled', details: { lineNo } },
    ]);
  } else {
    await tx.update(payments).set({ status: 'failed', failureReason: message || null, bankReference, updatedAt: now }).where(and(eq(payments.cityCode, cityCode), eq(payments.id, payment.id)));
    await tx.insert(ledgerHistory).values({ ...history, action: 'payment.failed', details: { bankReference, message, lineNo } });
  }
  return { lineNo, raw, paymentNo, reason: null, batchId: payment.batchId };
}

/**
 * Imports a bank reconciliation file (CSV with {@link RECONCILIATION_HEADER}) in one
 * transaction: each line that matches a sent payment by number, ID number and amount marks
 * it paid and, the amount agreeing, reconciled at once (both steps are in the history), or failed (to be re-issued in a new batch). Every line is stored;
 * lines that match nothing are reported with the reason, never dropped. A file is imported
 * once (by its SHA-256). A file that marks any payment failed is refused as a whole when its
 * importer issued or sent that payment's batch.
 */
export async function importReconciliation(rt: RuntimeContext, user: SessionUser, input: { fileName: string; content: string }) {
  const cityCode = requireCity(user);
  const lines = input.content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== RECONCILIATION_HEADER) {
    throw new PlatformError('BAD_REQUEST', {
      message: { 'zh-CN': `对账文件首行应为：${RECONCILIATION_HEADER}`, en: `The first line of the file must be: ${RECONCILIATION_HEADER}` },
      details: { header: lines[0] ?? '' },
    });
  }
  const now = rt.clock();
  const id = randomUUID();
  const fileSha256 = createHash('sha256').update(input.content).digest('hex');
  try {
    return await rt.db.transaction(async (tx) => {
      const numbered = lines.flatMap((raw, index) => (index === 0 || raw.trim() === '' ? [] : [{ lineNo: index + 1, raw, line: parseCsvLine(raw) }]));
      const applied = await applyReconciliation(tx, rt.cipher, cityCode, { id, fileName: input.fileName, fileSha256, lines: numbered }, user.id, now);
      return { id, lineCount: applied.lineCount, matchedCount: applied.matchedCount, unmatched: applied.unmatched.map((o) => ({ lineNo: o.lineNo, raw: o.raw, reason: o.reason })) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new PlatformError('DUPLICATE_RECORD', { message: { 'zh-CN': '该对账文件已导入', en: 'This reconciliation file has already been imported' }, details: { fileSha256 }, cause: error });
    throw error;
  }
}

/** What applying a reconciliation came to: the lines, those matched, the unmatched ones with their reason, the batches they touched. */
export interface AppliedReconciliation {
  lineCount: number;
  matchedCount: number;
  unmatched: { lineNo: number; raw: string; paymentNo: string | null; reason: UnmatchedReason }[];
  batchIds: string[];
}

/**
 * Applies a reconciliation's lines in the caller's transaction, as an import does: each line that
 * matches a sent payment marks it paid and reconciled, or failed; every line is stored (encrypted,
 * it holds an ID number) with the reconciliation's row, and batches with nothing left awaiting the
 * bank are closed. The bank connector calls it with the lines of a signed message.
 */
export async function applyReconciliation(
  tx: Transaction,
  cipher: FieldCipher,
  cityCode: string,
  input: { id: string; fileName: string; fileSha256: string; lines: readonly { lineNo: number; raw: string; line: ReconciliationLine | null }[] },
  actorId: string,
  now: Date,
): Promise<AppliedReconciliation> {
  const outcomes: LineOutcome[] = [];
  for (const { lineNo, raw, line } of input.lines) outcomes.push(await matchLine(tx, cipher, cityCode, lineNo, raw, line, actorId, now));
  const unmatched = outcomes.filter((o) => o.reason !== null);
  await tx.insert(reconciliations).values({
    cityCode,
    id: input.id,
    fileName: input.fileName,
    fileSha256: input.fileSha256,
    lineCount: outcomes.length,
    matchedCount: outcomes.length - unmatched.length,
    unmatchedCount: unmatched.length,
    importedBy: actorId,
    importedAt: now,
  });
  if (outcomes.length > 0) {
    await tx.insert(reconciliationLines).values(
      // A line holds an ID number: kept encrypted like every other.
      outcomes.map((o) => ({ cityCode, reconciliationId: input.id, lineNo: o.lineNo, raw: cipher.encrypt(o.raw), paymentNo: o.paymentNo, status: o.reason ? ('unmatched' as const) : ('matched' as const), reason: o.reason })),
    );
  }
  const batchIds = [...new Set(outcomes.flatMap((o) => (o.batchId ? [o.batchId] : [])))];
  await closeReconciledBatches(tx, cityCode, batchIds, now);
  return {
    lineCount: outcomes.length,
    matchedCount: outcomes.length - unmatched.length,
    unmatched: unmatched.map((o) => ({ lineNo: o.lineNo, raw: o.raw, paymentNo: o.paymentNo, reason: o.reason! })),
    batchIds,
  };
}
