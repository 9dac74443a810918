export * from './organisation.ts';
export * from './master-data.ts';
export * from './work.ts';
export * from './ledger.ts';
export * from './assessment.ts';
export * from './calendar.ts';
export * from './access-log.ts';
export * from './packages.ts';
export * from './institutions.ts';
export * from './imports.ts';
export * from './task-assignments.ts';
<<<<<<< HEAD
export * from './documents.ts';
=======
export * from './notifications.ts';
>>>>>>> i16-notify
