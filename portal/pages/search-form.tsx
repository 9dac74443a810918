/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PostingQuery } from '../../runtime/postings/types.ts';
import { activeFilters } from '../search-query.ts';
import type { Site } from '../site.ts';

/**
 * The keyword box: a plain GET form to the search, so it works without script. The filters and
 * the order already chosen ride along as hidden fields: a new keyword narrows the same search.
 */
export const SearchForm: FC<{ site: Site; query: PostingQuery }> = ({ site, query }) => {
  const { m } = site;
  return (
    <form class="search-form" role="search" method="get" action={site.href('/jobs')}>
      <div class="field">
        <label for="q">{m.searchLabel}</label>
        <input type="search" id="q" name="q" value={query.q ?? ''} placeholder={m.searchPlaceholder} maxlength={50} autocomplete="off" />
      </div>
      {activeFilters(query).map(({ facet, value }) => (
        <input type="hidden" name={facet} value={value} />
      ))}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <button type="submit">{m.searchButton}</button>
    </form>
  );
};
