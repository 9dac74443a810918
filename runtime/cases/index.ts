export { startCase, sendEvent, getCase, getCaseRow, listCases } from './case-service.ts';
export { caseHistory } from './case-history.ts';
export { linkedCases } from './linked-cases.ts';
export { listTasks } from './task-service.ts';
export { deliverOutboxEvent, rescheduleInTransaction, stepInTransaction, type CaseRow } from './case-transaction.ts';
