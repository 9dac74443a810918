import { addMonths, chinaDate, isDay, quarterBounds, type GuardImplementation } from '../../engine/index.ts';

function monthsParameter(parameters: Readonly<Record<string, unknown>>, id: string): number | undefined {
  const value = parameters[id];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The business was registered no more than `maxBusinessAgeMonths` months before today (China time).
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`addMonths`,
 * `chinaDay`); kept for cases running on definitions published before.
 */
export const businessStartedWithinMaxAge: GuardImplementation = ({ data, parameters, now }) => {
  const started = data['businessStartDate'];
  const months = monthsParameter(parameters, 'maxBusinessAgeMonths');
  return isDay(started) && months !== undefined && addMonths(started, months) >= chinaDate(now);
};

/**
 * The business has operated at least `minOperatingMonths` months by today (China time); with
 * the parameter at 0 this only refuses a registration date in the future.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`addMonths`,
 * `chinaDay`); kept for cases running on definitions published before.
 */
export const businessOperatedMinMonths: GuardImplementation = ({ data, parameters, now }) => {
  const started = data['businessStartDate'];
  const months = monthsParameter(parameters, 'minOperatingMonths');
  return isDay(started) && months !== undefined && addMonths(started, months) <= chinaDate(now);
};

/**
 * The claimed quarter overlaps the loan term: it ends on or after the disbursement and starts
 * before the term (disbursement plus `termMonths`) runs out. Interest is subsidised within
 * the contracted term only.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL
 * (`quarterFirstDay`, `quarterLastDay`, `addMonths`); kept for cases running on definitions
 * published before.
 */
export const quarterWithinLoanTerm: GuardImplementation = ({ data }) => {
  const quarter = typeof data['period'] === 'string' ? quarterBounds(data['period']) : undefined;
  const disbursedOn = data['disbursedOn'];
  const termMonths = data['termMonths'];
  if (!quarter || !isDay(disbursedOn) || typeof termMonths !== 'number') return false;
  return quarter.last >= disbursedOn && quarter.first < addMonths(disbursedOn, termMonths);
};
