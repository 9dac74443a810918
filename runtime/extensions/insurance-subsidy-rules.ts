import { chinaDate, type GuardImplementation } from '../../engine/index.ts';

/**
 * A month may be claimed once it has begun in China time: contributions for a month are paid
 * in that month, so a later month has nothing to verify yet.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL (`monthOf`,
 * `chinaDay`); kept for cases running on definitions published before.
 */
export const periodHasBegun: GuardImplementation = ({ form, now }) => {
  const period = form['period'];
  return typeof period === 'string' && period <= chinaDate(now).slice(0, 7);
};
