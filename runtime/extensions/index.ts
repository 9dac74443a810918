import type { Implementations } from '../../engine/index.ts';
import { monthsMatchEntitlement } from './benefit-rules.ts';
import { emitDifficultyEnded } from './difficulty-actions.ts';
import { meetsAgeOfCategory, validUntilWithinValidity, visitNotInFuture } from './difficulty-rules.ts';
import { periodHasBegun } from './insurance-subsidy-rules.ts';
import { noEthnicityRequirement, noHepatitisBRequirement, noRuralHukouRequirement, noSexRequirement, validityWithinLimit, validUntilNotPast } from './posting-rules.ts';
import { businessOperatedMinMonths, businessStartedWithinMaxAge, quarterWithinLoanTerm } from './start-up-rules.ts';
import { withinCatalogueRate } from './training-rules.ts';
import { periodNotBeforePlacement, periodNotInFuture, withinSubsidyTerm } from './welfare-post-rules.ts';
import { withinWorkingAge } from './working-age.ts';

/**
 * The version of the runtime's extension catalogue. A package whose manifest asks for a later
 * version (`extensions` in plugin.json) is refused at load, so a package never runs against
 * guards it was not written for. Raise it when a guard is added or its meaning changes; a
 * guard's meaning never changes within a version.
 */
export const EXTENSIONS_VERSION = 1;

/**
 * The named TypeScript guards and actions that rules too involved for a CEL condition call by
 * name: the one place process packages reach code. Packages themselves are data (plugin.json
 * and flow JSON); what they name here is checked when they load (`verify` reports an unknown
 * name). Guards are pure: they read the step's data, form, facts, parameters and time.
 */
export const standardExtensions: Implementations = {
  guards: {
    // Ages and the statutory retirement age (人社部发〔2024〕94号).
    withinWorkingAge,
    meetsAgeOfCategory,
    // Dates of the step's form against the day of the step or a validity limit.
    validUntilWithinValidity,
    visitNotInFuture,
    periodHasBegun,
    validityWithinLimit,
    validUntilNotPast,
    periodNotBeforePlacement,
    periodNotInFuture,
    businessStartedWithinMaxAge,
    businessOperatedMinMonths,
    quarterWithinLoanTerm,
    // Entitlements and terms.
    monthsMatchEntitlement,
    withinSubsidyTerm,
    withinCatalogueRate,
    // Screening of vacancy texts (就业促进法 arts. 27, 28, 30, 31).
    noSexRequirement,
    noEthnicityRequirement,
    noHepatitisBRequirement,
    noRuralHukouRequirement,
  },
  actions: { emitDifficultyEnded },
};

export { ageOn, hasReachedRetirement, retirementRule, statutoryRetirement, type Retirement, type RetirementCategory } from './retirement-age.ts';
export { personSubjectOf, retirementCategoryOf, type PersonSubject } from './subject.ts';
export { addMonths, isDate, monthIndex, quarterBounds } from './calendar-months.ts';
export { entitlementMonths, maximumBenefitMonths } from './benefit-rules.ts';
export { DEFAULT_MAX_VALIDITY_DAYS } from './posting-rules.ts';
export { restrictivePhrases, type ProtectedGround } from './posting-screening.ts';
