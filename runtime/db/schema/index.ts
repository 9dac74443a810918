export * from './organisation.ts';
export * from './master-data.ts';
export * from './work.ts';
export * from './ledger.ts';
export * from './assessment.ts';
export * from './calendar.ts';
export * from './access-log.ts';
export * from './packages.ts';
