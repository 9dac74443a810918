/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { PostingQuery, PostingSearchResult, PostingSort } from '../../runtime/postings/types.ts';
import { facetValueLabel } from '../labels.ts';
import { fillText, formatCount } from '../locale.ts';
import { activeFilters, queryParams, withFacet } from '../search-query.ts';
import type { Site } from '../site.ts';
import { Facets } from './facets.tsx';
import { Data, Layout, fill } from './layout.tsx';
import { Pager } from './pager.tsx';
import { PostingCard } from './posting-card.tsx';
import { SearchForm } from './search-form.tsx';

interface SearchProps {
  site: Site;
  query: PostingQuery;
  result: PostingSearchResult;
}

/** The keyword and each filter of a search, each with the link that takes it off. */
const ActiveFilters: FC<SearchProps> = ({ site, query }) => {
  const { m, lang } = site;
  const filters = activeFilters(query);
  if (!query.q && filters.length === 0) return null;
  return (
    <section aria-labelledby="active-heading">
      <h2 id="active-heading" class="sr-only">
        {m.activeFiltersHeading}
      </h2>
      <ul class="chips">
        {query.q ? (
          <li>
            <a class="chip remove" href={site.href('/jobs', queryParams({ ...query, q: undefined, page: undefined }))} aria-label={m.removeFilter(fillText(m.keywordChip, { q: query.q }))}>
              {fill(m.keywordChip, { q: <Data site={site} text={query.q} /> })}
            </a>
          </li>
        ) : null}
        {filters.map(({ facet, value }) => {
          const label = facetValueLabel(lang, facet, value);
          return (
            <li>
              <a class="chip remove" href={site.href('/jobs', queryParams(withFacet(query, facet, undefined)))} aria-label={m.removeFilter(fillText(m.filterChip, { facet: m.facetTitles[facet], value: label }))}>
                {fill(m.filterChip, { facet: m.facetTitles[facet], value: <Data site={site} text={label} /> })}
              </a>
            </li>
          );
        })}
        <li>
          <a class="chip" href={site.href('/jobs')}>
            {m.clearAll}
          </a>
        </li>
      </ul>
    </section>
  );
};

/** The orders a search can take, as links; the current one is marked. */
const SortLinks: FC<SearchProps> = ({ site, query }) => {
  const { m } = site;
  const current = query.sort ?? 'relevance';
  const names: Record<PostingSort, string> = { relevance: m.sortRelevance, date: m.sortDate, salary: m.sortSalary };
  return (
    <p class="sort">
      <span>{m.sortLabel}:</span>
      {(Object.keys(names) as PostingSort[]).map((sort) => (
        <a href={site.href('/jobs', queryParams({ ...query, sort: sort === 'relevance' ? undefined : sort, page: undefined }))} aria-current={sort === current ? 'true' : undefined} rel="nofollow">
          {names[sort]}
        </a>
      ))}
    </p>
  );
};

/** Why a search found nothing, and what to try: other words, fewer filters, or back to the first page. */
const EmptyResult: FC<SearchProps & { pages: number }> = ({ site, query, result, pages }) => {
  const { m, lang } = site;
  const filters = activeFilters(query);
  if (result.total > 0) {
    return (
      <div class="panel">
        <p>{m.emptyPastEnd(pages)}</p>
        <p>
          <a href={site.href('/jobs', queryParams({ ...query, page: undefined }))}>{m.backToFirst}</a>
        </p>
      </div>
    );
  }
  return (
    <div class="panel" id="empty-result">
      <h3>{m.emptyHeading}</h3>
      {!query.q && filters.length === 0 ? <p>{m.emptyNothing}</p> : null}
      {query.q ? <p>{fill(m.emptyKeyword, { q: <Data site={site} text={query.q} /> })}</p> : null}
      {filters.length > 0 ? <p>{m.emptyFilters}</p> : null}
      <ul>
        {query.q ? <li>{m.emptyTryWords}</li> : null}
        {filters.length > 0 ? (
          <li>
            {m.emptyTryFilters}{' '}
            {filters.map(({ facet, value }) => (
              <>
                <a href={site.href('/jobs', queryParams(withFacet(query, facet, undefined)))}>
                  {fill(m.removeFilterText, { filter: fill(m.filterChip, { facet: m.facetTitles[facet], value: <Data site={site} text={facetValueLabel(lang, facet, value)} /> }) })}
                </a>{' '}
              </>
            ))}
          </li>
        ) : null}
        {query.q || filters.length > 0 ? (
          <li>
            <a href={site.href('/jobs')}>{m.clearAll}</a>
          </li>
        ) : null}
      </ul>
    </div>
  );
};

/**
 * `/jobs`: a GET search with its keyword box, the filters chosen (each removable), the facets with
 * their counts, the order, the results with their count, pages, and the same search as an Atom feed;
 * `save` is the way to keep it (a signed-in citizen's saved search, from the applications' routes).
 */
export const SearchPage: FC<SearchProps & { save?: Child }> = ({ site, query, result, save }) => {
  const { m, lang } = site;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const heading = query.q ? fillText(m.searchTitleWithKeyword, { q: query.q }) : m.searchHeading;
  const feed = site.href('/jobs/feed.atom', queryParams({ ...query, page: undefined }));
  const extra = (
    <>
      <link rel="alternate" type="application/atom+xml" title={m.subscribeFeed} href={feed} />
      {result.page > 1 ? <link rel="prev" href={site.href('/jobs', queryParams({ ...query, page: result.page - 1 }))} /> : null}
      {result.page < pages ? <link rel="next" href={site.href('/jobs', queryParams({ ...query, page: result.page + 1 }))} /> : null}
    </>
  );
  return (
    <Layout site={site} head={{ title: `${heading} - ${m.siteName}`, description: m.homeDescription, path: '/jobs', query: queryParams(query), extra }}>
      <h1>{query.q ? fill(m.searchTitleWithKeyword, { q: <Data site={site} text={query.q} /> }) : m.searchHeading}</h1>
      <div class="panel">
        <SearchForm site={site} query={query} />
      </div>
      <ActiveFilters site={site} query={query} result={result} />
      <p class="count-line" id="result-count">
        {m.resultCount(formatCount(lang, result.total))}
      </p>
      <div class="search-layout">
        <aside class="panel" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{m.filtersHeading}</h2>
          <Facets site={site} query={query} result={result} />
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" class="sr-only">
            {m.resultsHeading}
          </h2>
          <SortLinks site={site} query={query} result={result} />
          {result.items.length > 0 ? (
            <ol class="results">
              {result.items.map((posting) => (
                <PostingCard site={site} posting={posting} />
              ))}
            </ol>
          ) : (
            <EmptyResult site={site} query={query} result={result} pages={pages} />
          )}
          <Pager site={site} query={query} page={result.page} pages={pages} />
          <p>
            <a href={feed} type="application/atom+xml">
              {m.subscribeFeed}
            </a>
          </p>
          {save}
        </section>
      </div>
    </Layout>
  );
};
