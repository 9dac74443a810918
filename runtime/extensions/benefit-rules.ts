import type { GuardImplementation } from '../../engine/index.ts';

/** Insured months from which a person is eligible at all (one year, Unemployment Insurance Regulations art. 14). */
const eligibleFromMonths = 12;
/** The longest a person may draw benefit, an earlier spell's unused months included (art. 17). */
export const maximumBenefitMonths = 24;

/** Benefit months by cumulative insured months, longest first: 10+ years 24, 5 to 10 years 18, 1 to 5 years 12. */
const durationTable: readonly { fromContributionMonths: number; benefitMonths: number }[] = [
  { fromContributionMonths: 120, benefitMonths: 24 },
  { fromContributionMonths: 60, benefitMonths: 18 },
  { fromContributionMonths: eligibleFromMonths, benefitMonths: 12 },
];

/**
 * The months of benefit a person is entitled to: 12 for one to under five insured years, 18
 * for five to under ten, 24 for ten or more, plus the unused months of an earlier spell,
 * at most 24 in all. Under one insured year there is no entitlement, carried-over months or not.
 */
export function entitlementMonths(contributionMonths: number, carriedOverMonths: number): number {
  const tier = durationTable.find((row) => contributionMonths >= row.fromContributionMonths);
  if (!tier) return 0;
  return Math.min(maximumBenefitMonths, tier.benefitMonths + Math.max(0, carriedOverMonths));
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/**
 * The approved months equal the entitlement worked out from the application's insured
 * months and carried-over months: the reviewer confirms the figure, never chooses it.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (the duration
 * table in the rule itself); kept for cases running on definitions published before.
 */
export const monthsMatchEntitlement: GuardImplementation = ({ data }) => {
  const contributionMonths = wholeNumber(data['contributionMonths']);
  const carriedOverMonths = wholeNumber(data['carriedOverMonths']);
  const months = wholeNumber(data['months']);
  if (contributionMonths === undefined || carriedOverMonths === undefined || months === undefined) return false;
  return months > 0 && months === entitlementMonths(contributionMonths, carriedOverMonths);
};
