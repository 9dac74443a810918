export { statutoryRetirement, hasReachedRetirement, ageOn, retirementRule, type RetirementCategory, type Retirement } from './retirement-age.ts';
