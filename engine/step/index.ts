export { start, step, readsFacts, reschedule } from './step.ts';
export type { CaseSnapshot, DeadlineMove, RescheduleInput, StartInput, StepInput, StepResult } from './step-types.ts';
