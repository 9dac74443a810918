export { evaluateCel, celHolds, celSyntaxError, factsNamedIn, type ConditionScope } from './cel-condition.ts';
