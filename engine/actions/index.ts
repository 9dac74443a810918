/** What a definition's named guards and actions see (the actor, the case's data) and return (effects as data), and the built-in actions. */
export { builtInActions, builtInActionNames } from './built-in-actions.ts';
export { isBuiltInAction, paramProblem } from './built-in-params.ts';
export type {
  Actor,
  CaseData,
  CaseContext,
  PerformanceRecord,
  Effect,
  EventTimer,
  Fund,
  LedgerItem,
  Payee,
  PayeeKind,
  RuleInput,
  GuardImplementation,
  ActionImplementation,
  Implementations,
} from './action-types.ts';
