export { ledgerEffects, listLedgerItems } from './ledger-items.ts';
export { issueBatch, sendBatch, getBatch, listBatches, batchBankFile } from './payment-batches.ts';
export { applyReconciliation, importReconciliation, RECONCILIATION_HEADER, UNMATCHED_REASONS, type ReconciliationLine, type UnmatchedReason } from './reconciliation.ts';
export { getReconciliation, listReconciliations } from './reconciliation-history.ts';
export { exportFundStatistics, fundStatistics, FUND_STATISTICS_HEADER, type FundStatisticsQuery } from './fund-statistics.ts';
export { BANK_PAYMENT_BATCH, BANK_RECONCILIATION, bankConnectorOf, bankDeliveryOf, connectBank, type BankPaymentLine } from './bank-connector.ts';
export { applyBankReconciliation, BankReconciliation, bankServiceHandlers } from './bank-reconciliation.ts';
