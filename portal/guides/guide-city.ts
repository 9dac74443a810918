import type { GuideCity } from '../../runtime/guides/index.ts';

/**
 * The city a guide page is for, from its `?city=` (a query parameter rather than a path segment:
 * the picker is a plain GET form, which writes one without script, and `/guides` keeps one address
 * per language). Without one: the signed-in visitor's city when known, else the first city the
 * platform serves by code, which in GB/T 2260 is the provincial capital (福州市 350100 in Fujian)
 * and, on a platform for one city, that city. A code the platform does not serve is `undefined`
 * (the page answers 404), so that a mistyped address is not shown another city's guide.
 */
export function chooseCity(cities: readonly GuideCity[], asked: string | undefined, preferred?: string): GuideCity | undefined {
  if (asked !== undefined) return cities.find((city) => city.code === asked);
  return cities.find((city) => city.code === preferred) ?? cities[0];
}

/** The query naming a city, for links that keep it. */
export function cityQuery(code: string): URLSearchParams {
  return new URLSearchParams({ city: code });
}
