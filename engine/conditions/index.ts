export { evaluateCel, celSyntaxError, type ConditionScope } from './cel-condition.ts';
