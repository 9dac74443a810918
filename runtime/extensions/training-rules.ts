import type { GuardImplementation } from '../../engine/index.ts';

/**
 * The claimed amount is at most the catalogue rate of the trained level: parameters
 * `rateLevel1Fen` (一级／高级技师) to `rateLevel5Fen` (五级／初级工). A level without a rate
 * in force refuses the claim rather than paying without a ceiling.
 *
 * @deprecated Since extension catalogue 2 the standard package says this in CEL
 * (`parameters['rateLevel' + string(int(data.level)) + 'Fen']`); kept for cases running on
 * definitions published before.
 */
export const withinCatalogueRate: GuardImplementation = ({ data, parameters }) => {
  const { level, amountFen } = data;
  if (typeof level !== 'number' || typeof amountFen !== 'number') return false;
  const rate = parameters[`rateLevel${level}Fen`];
  return typeof rate === 'number' && amountFen <= rate;
};
