/** Numbers that run per city (case, certificate and payment batch numbers), from the row-locked `counters` table. */
export { nextBatchNumber, nextCaseNumber, nextCertificateNumber } from './counters.ts';
