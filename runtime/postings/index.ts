export { publicPostings } from './public-postings.ts';
export { postingProjection, fillPublicPostings, publishedVacancy, renameEmployerPostings } from './posting-projection.ts';
export { searchWords, tsqueryLiteral, tsvectorLiteral } from './search-words.ts';
export { HOURS_A_MONTH } from './posting-row.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './posting-search.ts';
export { POSTED_WITHIN_DAYS } from './facet-counts.ts';
export { SITEMAP_LIMIT } from './posting-page.ts';
export * from './types.ts';
export { postingsPublishedBetween } from './posting-alerts.ts';
