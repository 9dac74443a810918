export { statutoryRetirement, hasReachedRetirement, ageOn, retirementRule, type RetirementCategory, type Retirement } from './retirement-age.ts';
export { personSubjectOf, retirementCategoryOf, type PersonSubject } from './subject.ts';
export { withinWorkingAge } from './working-age.ts';
export { addMonths, isDate, monthIndex, quarterBounds } from './calendar-months.ts';
