import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SessionUser } from './session-user.ts';

/**
 * Rows whose org path lies in the user's subtree: the unit itself and everything below it, or for
 * a user at an office, everything of the unit the office serves.
 */
export function inSubtree(orgPath: AnyColumn, user: SessionUser): SQL {
  return sql`${orgPath} LIKE ${`${user.jurisdictionPath}%`}`;
}

/**
 * Rows of the cities the user may see: the user's own city, or for a province or ministry
 * user every city in their subtree. Master data (persons, employers) is held per city.
 */
export function inVisibleCities(cityCode: AnyColumn, user: SessionUser): SQL {
  if (user.orgUnit.cityCode) return sql`${cityCode} = ${user.orgUnit.cityCode}`;
  return sql`${cityCode} IN (SELECT city_code FROM org_units WHERE kind = 'city' AND path LIKE ${`${user.jurisdictionPath}%`})`;
}
