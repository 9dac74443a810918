import type { Implementations } from '../../engine/index.ts';
import { monthsMatchEntitlement } from './benefit-rules.ts';
import { emitDifficultyEnded } from './difficulty-actions.ts';
import { meetsAgeOfCategory, validUntilWithinValidity, visitNotInFuture } from './difficulty-rules.ts';
import { periodHasBegun } from './insurance-subsidy-rules.ts';
import { noDisabilityRequirement, noEthnicityRequirement, noHepatitisBRequirement, noReligionRequirement, noRuralHukouRequirement, noSexRequirement, validityWithinLimit, validUntilNotPast } from './posting-rules.ts';
import { businessOperatedMinMonths, businessStartedWithinMaxAge, quarterWithinLoanTerm } from './start-up-rules.ts';
import { withinCatalogueRate } from './training-rules.ts';
import { periodNotBeforePlacement, periodNotInFuture, withinSubsidyTerm } from './welfare-post-rules.ts';
import { withinWorkingAge } from './working-age.ts';

/**
 * The version of the runtime's extension point: the named guards and actions below and the
 * engine's CEL standard library (`celLibrary`: days, ages, months, working days, the
 * statutory retirement month). A package whose manifest asks for a later version
 * (`extensions` in plugin.json) is refused at load, so a package never runs against guards or
 * functions it was not written for. Raise it when a guard or function is added or its meaning
 * changes; a meaning never changes within a version.
 *
 * - 1: the named guards and actions.
 * - 2: the CEL standard library; the date, age and number guards deprecated in its favour.
 * - 3: the screenings of vacancy texts for disability and religious belief.
 */
export const EXTENSIONS_VERSION = 3;

/**
 * The named TypeScript guards and actions that packages call by name: the one place process
 * packages reach code. Packages themselves are data (plugin.json and flow JSON); what they name
 * here is checked when they load (`verify` reports an unknown name). Guards are pure: they read
 * the step's data, form, facts, parameters and time.
 *
 * What the CEL standard library can say is said in CEL: only the screening of vacancy texts
 * against phrase lists is live here. The deprecated guards stay, unchanged in meaning, for
 * cases running on definitions published before version 2, which still name them.
 */
export const standardExtensions: Implementations = {
  guards: {
    // Deprecated (version 2): ages and the statutory retirement age, now CEL.
    withinWorkingAge,
    meetsAgeOfCategory,
    // Deprecated (version 2): dates of the step's form against the day of the step or a validity limit, now CEL.
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
    // Deprecated (version 2): entitlements and terms, now CEL.
    monthsMatchEntitlement,
    withinSubsidyTerm,
    withinCatalogueRate,
    // Screening of vacancy texts (就业促进法 arts. 3, 27-31): phrase lists, not a condition.
    noSexRequirement,
    noEthnicityRequirement,
    noHepatitisBRequirement,
    noRuralHukouRequirement,
    // Since version 3.
    noDisabilityRequirement,
    noReligionRequirement,
  },
  actions: { emitDifficultyEnded },
};

export { personSubjectOf, type PersonSubject } from './subject.ts';
export { entitlementMonths, maximumBenefitMonths } from './benefit-rules.ts';
export { DEFAULT_MAX_VALIDITY_DAYS } from './posting-rules.ts';
export { restrictivePhrases, type ProtectedGround } from './posting-screening.ts';
