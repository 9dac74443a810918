export { start, step, readsFacts, factsRead, reschedule } from './step.ts';
export { migrate, MIGRATE_EVENT } from './migrate.ts';
export { builtInActions, builtInActionNames } from './built-in-actions.ts';
export type {
  Actor,
  CaseData,
  CaseContext,
  CaseSnapshot,
  PerformanceRecord,
  Effect,
  EventTimer,
  DeadlineMove,
  RescheduleInput,
  DefinitionVersion,
  MigrateInput,
  Fund,
  LedgerItem,
  RuleInput,
  GuardImplementation,
  ActionImplementation,
  Implementations,
  StartInput,
  StepInput,
  StepResult,
} from './step-types.ts';
