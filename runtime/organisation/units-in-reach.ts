import { and, asc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A unit of the tree as a picker shows it, with whether it has children to load when opened. */
export interface UnitNode {
  id: string;
  name: string;
  kind: string;
  hasChildren: boolean;
}

/** At most this many units answer a search: enough to pick from, a nudge to type more when a city has thousands. */
export const UNITS_FOUND_LIMIT = 50;

// Qualified by hand: drizzle names a column of a one-table select without its table, which the subquery would take for its own.
const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = org_units.id)`;

/** The columns of a {@link UnitNode}, selected from `org_units`. */
export const unitNodeColumns = { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, hasChildren };

/** The units `where` picks, as tree nodes, offices first (one level of the tree, loaded as it is opened). */
export function unitNodes(db: Executor, where: SQL | undefined): Promise<UnitNode[]> {
  return db.select(unitNodeColumns).from(orgUnits).where(where).orderBy(sql`${orgUnits.kind} <> 'office'`, asc(orgUnits.id));
}

/**
 * The units of the user's subtree whose name holds `q` or whose code (division code, or an
 * office's) starts with it, at most {@link UNITS_FOUND_LIMIT}: a picker's search, where a city has
 * thousands of units not yet loaded. The unit with that very code comes first, then the higher
 * levels (shorter codes).
 */
export function unitsFound(db: Executor, user: SessionUser, q: string): Promise<UnitNode[]> {
  const escaped = q.replace(/[%_\\]/g, '\\$&');
  return db
    .select(unitNodeColumns)
    .from(orgUnits)
    .where(and(inSubtree(orgUnits.path, user), or(ilike(orgUnits.name, `%${escaped}%`), like(orgUnits.id, `${escaped}%`))))
    .orderBy(sql`${orgUnits.id} <> ${q}`, sql`length(${orgUnits.id})`, asc(orgUnits.id))
    .limit(UNITS_FOUND_LIMIT);
}

/**
 * The org units a user's work reaches, for filtering by office: without `parent` or `q`, the unit
 * at the top of the user's jurisdiction (for a user at an office, the unit the office serves); with
 * `parent`, its children within reach, offices first; with `q`, the units in reach whose name holds
 * it or whose code starts with it (the unit with that very code first). A unit out of reach is never
 * listed, so a `parent` out of reach has no children.
 */
export async function unitsInReach(rt: RuntimeContext, user: SessionUser, query: { parent?: string | undefined; q?: string | undefined }): Promise<{ items: UnitNode[] }> {
  if (query.q) return { items: await unitsFound(rt.db, user, query.q) };
  const level = query.parent ? eq(orgUnits.parentId, query.parent) : eq(orgUnits.path, user.jurisdictionPath);
  return { items: await unitNodes(rt.db, and(inSubtree(orgUnits.path, user), level)) };
}
