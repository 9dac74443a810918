export { clientAddress } from './client-address.ts';
export { GENESIS_HASH, purgeAccessLog, recordAccess, RETENTION_DAYS, verifyAccessLog, type AccessActor, type AccessEntry, type ChainCheck, type RequestOrigin } from './access-log.ts';
export { checkAccessLog, searchAccessLog, type AccessQuery, type Auditor } from './access-search.ts';
