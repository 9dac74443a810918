export { evaluateCel, celHolds, celProblems, factsNamedIn, type CelProblem, type ConditionScope } from './cel-condition.ts';
export { celLibrary, type CelFunction } from './cel-library.ts';
export {
  hasReachedRetirement,
  isRetirementCategory,
  retirementCategoryOf,
  retirementDay,
  retirementRule,
  statutoryRetirement,
  type Retirement,
  type RetirementCategory,
} from './retirement-age.ts';
