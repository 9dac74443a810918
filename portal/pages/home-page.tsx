/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { PostingSearchResult } from '../../runtime/postings/types.ts';
import { facetValueLabel } from '../labels.ts';
import { formatCount } from '../locale.ts';
import { queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';
import { Data, Layout } from './layout.tsx';
import { PostingCard } from './posting-card.tsx';
import { SearchForm } from './search-form.tsx';

/**
 * `/`: the keyword box, the districts with their counts, the links of other parts of the site
 * (`news`: the employment website's columns), the newest postings and the way to all of them.
 * It loads `/admin-links.js`, which sends an old workbench bookmark (`/#/cases/…`) on to `/admin/`.
 */
export const HomePage: FC<{ site: Site; newest: PostingSearchResult; news?: Child }> = ({ site, newest, news }) => {
  const { m, lang } = site;
  const districts = newest.facets.district.filter((entry) => entry.count > 0);
  return (
    <Layout site={site} head={{ title: m.homeTitle, description: m.homeDescription, path: '/', extra: <script src="/admin-links.js"></script> }}>
      <section class="panel" aria-labelledby="home-heading">
        <h1 id="home-heading">{m.homeHeading}</h1>
        <p>{m.homeIntro}</p>
        <SearchForm site={site} query={{}} />
      </section>
      {districts.length > 0 ? (
        <section class="panel" aria-labelledby="by-district">
          <h2 id="by-district">{m.browseByDistrict}</h2>
          <ul class="chips">
            {districts.map((entry) => (
              <li>
                <a class="chip" href={site.href('/jobs', queryParams({ district: entry.value }))}>
                  <Data site={site} text={facetValueLabel(lang, 'district', entry.value)} /> <span class="count">({formatCount(lang, entry.count)})</span>
                  <span class="sr-only"> {m.jobsCountHidden}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {news}
      <section aria-labelledby="newest">
        <h2 id="newest">{m.newestHeading}</h2>
        {newest.items.length > 0 ? (
          <ol class="results">
            {newest.items.map((posting) => (
              <PostingCard site={site} posting={posting} />
            ))}
          </ol>
        ) : (
          <p>{m.noJobsYet}</p>
        )}
        {newest.total > 0 ? (
          <p>
            <a href={site.href('/jobs')}>{m.allJobs(formatCount(lang, newest.total))}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
};
