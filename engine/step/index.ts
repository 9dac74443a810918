export { start, step, readsFacts } from './step.ts';
export { builtInActions, builtInActionNames } from './built-in-actions.ts';
export type {
  Actor,
  CaseData,
  CaseContext,
  CaseSnapshot,
  PerformanceRecord,
  Effect,
  EventTimer,
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
