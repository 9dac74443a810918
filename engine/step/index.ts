export { start, step, readsFacts, factsRead, reschedule } from './step.ts';
export { migrate, MIGRATE_EVENT } from './migrate.ts';
export { importCase, IMPORT_EVENT } from './import-case.ts';
export type { ImportCaseInput, CaseSnapshot, DeadlineMove, RescheduleInput, DefinitionVersion, MigrateInput, StartInput, StepInput, StepResult } from './step-types.ts';
export { timerCount } from './timers.ts';
