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

/** A batch sent to the bank over the exchange: waiting in the outbox, acknowledged, or reconciled by the bank's signed answer. */
export interface BankDelivery {
  state: 'sending' | 'delivered' | 'reconciled';
  bank: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface BatchDetail extends Batch {
  payments: Payment[];
  /** Null for a city without a bank connector (its batches go as the bank file). */
  bank: BankDelivery | null;
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
