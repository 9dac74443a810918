import type { Answer } from '../../../client/index.ts';

export { FUNDS, type Fund } from '../funds/figures.ts';

/** A payment batch as the API gives it; amounts in fen, times ISO, `issuedBy` / `sentBy` user ids. */
export type Batch = Answer<'/api/payment-batches', 'get'>['items'][number];

/** A batch with its payments and, over the exchange, its delivery to the bank (`GET /api/payment-batches/{id}`). */
export type BatchDetail = Answer<'/api/payment-batches/{id}', 'get'>;

export type Payment = BatchDetail['payments'][number];

/** A batch sent to the bank over the exchange: waiting in the outbox, acknowledged, or reconciled by the bank's signed answer. */
export type BankDelivery = NonNullable<BatchDetail['bank']>;

/** A batch as issued, with the approved items held out of it for want of a payment account. */
export type IssuedBatch = Answer<'/api/payment-batches', 'post'>;

export type BatchStatus = Batch['status'];
export type PaymentStatus = Payment['status'];
export type PayeeKind = Payment['payee']['kind'];

/** What importing the bank's file matched, and the lines it could not. */
export type ReconciliationResult = Answer<'/api/reconciliations', 'post'>;

/** A past reconciliation import (`GET /api/reconciliations`). */
export type ReconciliationSummary = Answer<'/api/reconciliations', 'get'>['items'][number];

/** One past import with its unmatched lines; the lines themselves hold ID numbers and are not sent. */
export type ReconciliationDetail = Answer<'/api/reconciliations/{id}', 'get'>;

/** The file name the bank file is saved under: the batch number, nothing a file system refuses. */
export function bankFileName(batch: Pick<Batch, 'batchNo'>): string {
  return `bank-file_${batch.batchNo.replace(/[^\w.-]/g, '_')}.csv`;
}
