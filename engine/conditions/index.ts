export { evaluateCel, celHolds, celSyntaxError, type ConditionScope } from './cel-condition.ts';
