export { ledgerEffects, listLedgerItems } from './ledger-items.ts';
export { issueBatch, sendBatch, getBatch, listBatches, batchBankFile } from './payment-batches.ts';
export { importReconciliation, RECONCILIATION_HEADER, type UnmatchedReason } from './reconciliation.ts';
export { getReconciliation, listReconciliations } from './reconciliation-history.ts';
export { exportFundStatistics, fundStatistics, FUND_STATISTICS_HEADER, type FundStatisticsQuery } from './fund-statistics.ts';
