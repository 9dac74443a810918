export { ledgerEffects, listLedgerItems } from './ledger-items.ts';
export { issueBatch, sendBatch, getBatch, listBatches, batchBankFile } from './payment-batches.ts';
export { importReconciliation, RECONCILIATION_HEADER, type UnmatchedReason } from './reconciliation.ts';
