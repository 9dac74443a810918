import { chinaDate, type GuardImplementation } from '../../engine/index.ts';
import { addMonths, isDate, quarterBounds } from './calendar-months.ts';

function monthsParameter(parameters: Readonly<Record<string, unknown>>, id: string): number | undefined {
  const value = parameters[id];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The business was registered no more than `maxBusinessAgeMonths` months before today (China time). */
export const businessStartedWithinMaxAge: GuardImplementation = ({ data, parameters, now }) => {
  const started = data['businessStartDate'];
  const months = monthsParameter(parameters, 'maxBusinessAgeMonths');
  return isDate(started) && months !== undefined && addMonths(started, months) >= chinaDate(now);
};

/**
 * The business has operated at least `minOperatingMonths` months by today (China time); with
 * the parameter at 0 this only refuses a registration date in the future.
 */
export const businessOperatedMinMonths: GuardImplementation = ({ data, parameters, now }) => {
  const started = data['businessStartDate'];
  const months = monthsParameter(parameters, 'minOperatingMonths');
  return isDate(started) && months !== undefined && addMonths(started, months) <= chinaDate(now);
};

/**
 * The claimed quarter overlaps the loan term: it ends on or after the disbursement and starts
 * before the term (disbursement plus `termMonths`) runs out. Interest is subsidised within
 * the contracted term only.
 */
export const quarterWithinLoanTerm: GuardImplementation = ({ data }) => {
  const quarter = typeof data['period'] === 'string' ? quarterBounds(data['period']) : undefined;
  const disbursedOn = data['disbursedOn'];
  const termMonths = data['termMonths'];
  if (!quarter || !isDate(disbursedOn) || typeof termMonths !== 'number') return false;
  return quarter.last >= disbursedOn && quarter.first < addMonths(disbursedOn, termMonths);
};
