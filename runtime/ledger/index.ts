export { recordLedgerItem, listLedgerItems } from './ledger-items.ts';
export { issueBatch, sendBatch, getBatch, listBatches, batchBankFile, requirePaymentRole } from './payment-batches.ts';
export { importReconciliation, RECONCILIATION_HEADER, type UnmatchedReason } from './reconciliation.ts';
