/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { postingFacets, type FacetCount, type PostingFacet, type PostingQuery, type PostingSearchResult } from '../../runtime/postings/types.ts';
import { facetValueLabel } from '../labels.ts';
import { formatCount } from '../locale.ts';
import { facetValue, queryParams, withFacet } from '../search-query.ts';
import type { Site } from '../site.ts';
import { Data } from './layout.tsx';

/** Values shown at once in a facet; the others wait behind a "more" switch. */
const SHOWN = 8;

/** One facet value as a link with its count: choosing it narrows the search, choosing the chosen one takes it off. */
const FacetLink: FC<{ site: Site; query: PostingQuery; facet: PostingFacet; entry: FacetCount }> = ({ site, query, facet, entry }) => {
  const { m, lang } = site;
  const chosen = facetValue(query, facet) === entry.value;
  const label = facetValueLabel(lang, facet, entry.value);
  const target = withFacet(query, facet, chosen ? undefined : entry.value);
  return (
    <li>
      <a class="chip" href={site.href('/jobs', queryParams(target))} aria-current={chosen ? 'true' : undefined} rel="nofollow">
        <Data site={site} text={label} /> <span class="count">({formatCount(lang, entry.count)})</span>
        <span class="sr-only"> {chosen ? m.chosenHint : m.jobsCountHidden}</span>
      </a>
    </li>
  );
};

/**
 * Whether a facet value is offered: the occupation facet counts major groups (`2`) and the groups
 * below them (`2-06`) together; the groups below are offered once their major group is chosen.
 */
function shownValue(facet: PostingFacet, value: string, chosen: string | undefined): boolean {
  if (facet !== 'occupation' || !value.includes('-')) return true;
  return chosen !== undefined && value.startsWith(`${chosen.split('-')[0]}-`);
}

/**
 * The facets beside a search, each a disclosure (`<details>`, no script) of links with counts. A facet
 * opens when it narrows the search, and the district facet always: it is the one most asked for.
 */
export const Facets: FC<{ site: Site; query: PostingQuery; result: PostingSearchResult }> = ({ site, query, result }) => {
  const { m } = site;
  return (
    <>
      {postingFacets.map((facet) => {
        const chosen = facetValue(query, facet);
        const counted = result.facets[facet].filter((entry) => (entry.count > 0 && shownValue(facet, entry.value, chosen)) || entry.value === chosen);
        const entries = chosen === undefined || counted.some((entry) => entry.value === chosen) ? counted : [{ value: chosen, count: 0 }, ...counted];
        if (entries.length === 0) return null;
        const [shown, rest] = [entries.slice(0, SHOWN), entries.slice(SHOWN)];
        return (
          <details class="facet" open={chosen !== undefined || facet === 'district'}>
            <summary>{m.facetTitles[facet]}</summary>
            <ul class="chips">
              {shown.map((entry) => (
                <FacetLink site={site} query={query} facet={facet} entry={entry} />
              ))}
            </ul>
            {rest.length > 0 ? (
              <details>
                <summary>{m.moreValues(rest.length)}</summary>
                <ul class="chips">
                  {rest.map((entry) => (
                    <FacetLink site={site} query={query} facet={facet} entry={entry} />
                  ))}
                </ul>
              </details>
            ) : null}
          </details>
        );
      })}
    </>
  );
};
