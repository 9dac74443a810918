export type { Database, DatabaseHandle, Executor, Transaction, Backend } from './database.ts';
export { openPglite } from './pglite/index.ts';
export { openPostgres } from './postgres/index.ts';
export { openScratchPostgres } from './postgres/scratch-database.ts';
export * as schema from './schema/index.ts';
export { openDatabase } from './open-database.ts';
export { queryRows } from './query-rows.ts';
export { sqlState, isUniqueViolation } from './errors.ts';
export { codeOrNamePrefix } from './search.ts';
