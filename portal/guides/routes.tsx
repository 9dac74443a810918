/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ServiceGuides } from '../../runtime/guides/index.ts';
import { langPrefix, langs } from '../locale.ts';
import { NotFoundPage } from '../pages/notice-pages.tsx';
import { page } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import { chooseCity, cityQuery } from './guide-city.ts';
import { GuideListPage } from './guide-list-page.tsx';
import { GuidePage } from './guide-page.tsx';

/** What the guide routes take from the portal app. */
export interface GuideRouteDeps {
  guides: ServiceGuides;
  siteOf: (c: Context<PortalEnv>) => Site;
}

/**
 * The service guides (办事指南): `/guides?city=` lists the processes a city offers online,
 * `/guides/{processId}?city=` shows one, in zh-CN and under `/en`. Each request reads the definitions
 * in force, so a city's published overlay shows at once; the portal sends pages with `no-cache`.
 */
export function addGuideRoutes(app: Hono<PortalEnv>, { guides, siteOf }: GuideRouteDeps): void {
  for (const lang of langs) {
    const prefix = langPrefix(lang);
    app.get(`${prefix}/guides`, async (c) => {
      const site = siteOf(c);
      const cities = await guides.cities();
      const city = chooseCity(cities, c.req.query('city'));
      const items = city ? await guides.list(city.code) : undefined;
      if (!city || !items) return page(c, <NotFoundPage site={site} path="/guides" />, 404);
      return page(c, <GuideListPage site={site} city={city} cities={cities} items={items} />);
    });
    app.get(`${prefix}/guides/:processId`, async (c) => {
      const site = siteOf(c);
      const processId = c.req.param('processId');
      const cities = await guides.cities();
      const city = chooseCity(cities, c.req.query('city'));
      const guide = city ? await guides.guide(city.code, processId) : undefined;
      if (!guide) return page(c, <NotFoundPage site={site} path={`/guides/${processId}`} />, 404);
      return page(c, <GuidePage site={site} guide={guide} cities={cities} />);
    });
  }
}

/** The guides' addresses for the sitemap: each city's list and each guide offered there (without the language prefix). */
export async function guideSitemapPaths(guides: ServiceGuides): Promise<string[]> {
  const paths: string[] = [];
  for (const city of await guides.cities()) {
    const query = cityQuery(city.code).toString();
    paths.push(`/guides?${query}`);
    for (const item of (await guides.list(city.code)) ?? []) paths.push(`/guides/${item.processId}?${query}`);
  }
  return paths;
}
