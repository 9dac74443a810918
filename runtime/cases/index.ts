export { startCase, sendEvent, getCase, getCaseRow, listCases } from './case-service.ts';
export { caseHistory } from './case-history.ts';
export { linkedCases } from './linked-cases.ts';
export { listTasks } from './task-service.ts';
export { createStepper } from './case-stepper.ts';
export { caseEffects, subjectEffects } from './case-effects.ts';
export type { EffectHandler, EffectHandlers } from './apply-effects.ts';
export { StepWrites } from './step-writes.ts';
