export { vacancyMatches } from './vacancy-matches.ts';
export { SEEKER_MATCH_LIMIT, seekerMatches } from './seeker-matches.ts';
