/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { GuideCity, GuideListItem } from '../../runtime/guides/index.ts';
import { Data, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { CityPicker } from './city-picker.tsx';
import { cityQuery } from './guide-city.ts';
import { guideMessages } from './guide-messages.ts';

/** `/guides?city=`: the processes a city offers online, each linking to its guide, with the city picker. */
export const GuideListPage: FC<{ site: Site; city: GuideCity; cities: readonly GuideCity[]; items: readonly GuideListItem[] }> = ({ site, city, cities, items }) => {
  const g = guideMessages(site.lang);
  const query = cityQuery(city.code);
  return (
    <Layout site={site} head={{ title: `${g.listHeading(city.name)} - ${site.m.siteName}`, description: g.listDescription(city.name), path: '/guides', query }}>
      <section class="panel" aria-labelledby="guides-heading">
        <h1 id="guides-heading">
          <Data site={site} text={g.listHeading(city.name)} />
        </h1>
        <p>{g.listIntro}</p>
        <CityPicker site={site} path="/guides" cities={cities} current={city.code} />
      </section>
      {items.length > 0 ? (
        <ul class="results">
          {items.map((item) => (
            <li class="job">
              <h2>
                <a href={site.href(`/guides/${item.processId}`, query)}>{item.title[site.lang]}</a>
              </h2>
              <p class="meta">{item.subject === 'employer' ? g.forEmployer : g.forPerson}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="panel">{g.noGuides}</p>
      )}
    </Layout>
  );
};
