/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { GuideCity } from '../../runtime/guides/index.ts';
import type { Site } from '../site.ts';
import { guideMessages } from './guide-messages.ts';

/**
 * The city a guide is for: a plain GET form that reloads the same page with `?city=`, so choosing
 * works without script. Shown only where the platform serves more than one city.
 */
export const CityPicker: FC<{ site: Site; path: string; cities: readonly GuideCity[]; current: string }> = ({ site, path, cities, current }) => {
  if (cities.length < 2) return null;
  const g = guideMessages(site.lang);
  return (
    <form class="search-form" method="get" action={site.href(path)} aria-label={g.cityChoice}>
      <div class="field">
        <label for="city">{g.cityLabel}</label>
        <select id="city" name="city">
          {cities.map((city) => (
            <option value={city.code} selected={city.code === current} lang="zh-CN">
              {city.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{g.cityButton}</button>
    </form>
  );
};
