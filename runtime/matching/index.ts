export { vacancyMatches } from './vacancy-matches.ts';
