import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate, type LocalizedText } from '../../engine/index.ts';
import { orgUnits, posts } from '../db/schema/index.ts';
import { parametersInForce, processesInForce } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { offersOnline, serviceGuide, type GuideOffice, type ServiceGuide } from './guide-model.ts';

/** A city the platform serves: its 6-digit code and name. */
export interface GuideCity {
  code: string;
  name: string;
}

/** A process offered online, as the list of guides shows it. */
export interface GuideListItem {
  processId: string;
  title: LocalizedText;
  subject: 'person' | 'employer';
}

/** The service guides of the public site, read from the published definitions in force for a city. */
export interface ServiceGuides {
  /** The cities the platform serves, by code. */
  cities(): Promise<GuideCity[]>;
  /** The processes offered online in a city, by title; undefined for a city the platform does not serve. */
  list(cityCode: string): Promise<GuideListItem[] | undefined>;
  /** A process's guide in a city; undefined for an unknown city or a process not offered online there. */
  guide(cityCode: string, processId: string): Promise<ServiceGuide | undefined>;
}

const CITY_CODE = /^\d{6}$/;

/**
 * The guides, read afresh on every call: the definition in force for the city (the ministry's,
 * replaced by the province's and the city's published overlays as `processesInForce` decides) is
 * one query, so a published overlay changes the guide the moment it commits, with no cache to clear.
 */
export function serviceGuides(rt: RuntimeContext): ServiceGuides {
  async function cities(): Promise<GuideCity[]> {
    const rows = await rt.db.select({ code: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.kind, 'city')).orderBy(asc(orgUnits.id));
    return rows;
  }

  async function cityRow(cityCode: string) {
    if (!CITY_CODE.test(cityCode)) return undefined;
    const [row] = await rt.db
      .select({ code: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, cityCode), eq(orgUnits.kind, 'city')))
      .limit(1);
    return row;
  }

  async function offered(path: string, processId?: string) {
    return (await processesInForce(rt.db, path, processId)).filter((p) => offersOnline(p.definition));
  }

  return {
    cities,
    async list(cityCode) {
      const city = await cityRow(cityCode);
      if (!city) return undefined;
      return (await offered(city.path))
        .map((p) => ({ processId: p.processId, title: p.definition.title, subject: p.definition.subject }))
        .sort((a, b) => a.title['zh-CN'].localeCompare(b.title['zh-CN'], 'zh-CN'));
    },
    async guide(cityCode, processId) {
      const city = await cityRow(cityCode);
      if (!city) return undefined;
      const [process] = await offered(city.path, processId);
      if (!process) return undefined;
      const offices: GuideOffice[] = await rt.db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(eq(orgUnits.kind, 'office'), eq(orgUnits.cityCode, city.code)))
        .orderBy(asc(orgUnits.id));
      const codes = [...new Set(Object.values(process.definition.states).flatMap((s) => (s.task?.post ? [s.task.post] : [])))];
      const postRows = codes.length
        ? await rt.db
            .select({ code: posts.code, name: posts.name, nameEn: posts.nameEn })
            .from(posts)
            .innerJoin(orgUnits, eq(orgUnits.id, posts.orgUnitId))
            .where(and(eq(orgUnits.cityCode, city.code), inArray(posts.code, codes)))
            .orderBy(asc(orgUnits.id))
        : [];
      // The city office's name for a post first (its id sorts first), then a district's.
      const postNames = new Map<string, LocalizedText>();
      for (const row of postRows) if (!postNames.has(row.code)) postNames.set(row.code, { 'zh-CN': row.name, en: row.nameEn });
      const parameters = await parametersInForce(rt.db, rt.registry, process.pluginId, city.path, chinaDate(rt.clock()));
      return serviceGuide(process, { city: { code: city.code, name: city.name }, offices, postNames, parameters });
    },
  };
}
