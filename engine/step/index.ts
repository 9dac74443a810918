export { start, step, readsFacts, factsRead, reschedule } from './step.ts';
export { migrate, MIGRATE_EVENT } from './migrate.ts';
export type { CaseSnapshot, DeadlineMove, RescheduleInput, DefinitionVersion, MigrateInput, StartInput, StepInput, StepResult } from './step-types.ts';
