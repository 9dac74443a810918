import type { Localized } from '../api.ts';
import type { Fund } from '../funds/figures.ts';

export { FUNDS, type Fund } from '../funds/figures.ts';

export type BatchStatus = 'issued' | 'sent' | 'reconciled';
export type PaymentStatus = 'issued' | 'sent' | 'paid' | 'failed' | 'reconciled';
export type PayeeKind = 'person' | 'employer' | 'institution' | 'bank';
export type UnmatchedReason = 'malformed' | 'unknown-payment' | 'id-number-mismatch' | 'amount-mismatch' | 'unknown-result' | 'not-awaiting-result';

/** A payment batch as the API gives it; amounts in fen, times ISO, `issuedBy` / `sentBy` user ids. */
export interface Batch {
  id: string;
  batchNo: string;
  fund: Fund;
  status: BatchStatus;
  paymentCount: number;
  totalFen: number;
  issuedBy: string;
  issuedAt: string;
  sentBy: string | null;
  sentAt: string | null;
  reconciledAt: string | null;
}

export interface Payment {
  id: string;
  paymentNo: string;
  itemId: string;
  personName: string;
  payee: { kind: PayeeKind; name: string | null; accountMasked: string | null; bank: string | null };
  amountFen: number;
  status: PaymentStatus;
  failureReason: string | null;
  bankReference: string | null;
}

export interface BatchDetail extends Batch {
  payments: Payment[];
}

/** Approved items held out of a batch: their person has no payment account on record. */
export interface AwaitingAccount {
  count: number;
  message: Localized;
  items: { itemId: string; personName: string; item: string; period: string; amountFen: number }[];
}

export interface IssuedBatch extends Batch {
  awaitingAccount: AwaitingAccount;
}

export interface ReconciliationResult {
  id: string;
  lineCount: number;
  matchedCount: number;
  unmatched: { lineNo: number; reason: UnmatchedReason }[];
}

/** A past reconciliation import (`GET /reconciliations`). */
export interface ReconciliationSummary {
  id: string;
  fileName: string;
  importedAt: string;
  importedBy: { id: string; name: string };
  lineCount: number;
  matchedCount: number;
  unmatchedCount: number;
}

/** One past import with its unmatched lines (`GET /reconciliations/{id}`); the lines themselves hold ID numbers and are not sent. */
export interface ReconciliationDetail extends ReconciliationSummary {
  unmatched: { lineNo: number; paymentNo: string | null; reason: UnmatchedReason }[];
}

/** The file name the bank file is saved under: the batch number, nothing a file system refuses. */
export function bankFileName(batch: Pick<Batch, 'batchNo'>): string {
  return `bank-file_${batch.batchNo.replace(/[^\w.-]/g, '_')}.csv`;
}
