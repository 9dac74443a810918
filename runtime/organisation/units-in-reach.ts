import { and, asc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A unit of the tree as a picker shows it, with whether it has children to load when opened. */
export interface UnitNode {
  id: string;
  name: string;
  kind: string;
  hasChildren: boolean;
}

/** At most this many units answer a search: enough to pick from, a nudge to type more. */
export const UNITS_FOUND_LIMIT = 50;

// Qualified by hand: drizzle names a column of a one-table select without its table, which the subquery would take for its own.
const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = org_units.id)`;

/**
 * The org units a user's work reaches, for filtering by office: without `parent` or `q`, the unit
 * at the top of the user's jurisdiction (for a user at an office, the unit the office serves); with
 * `parent`, its children within reach, offices first; with `q`, the units in reach whose name holds
 * it or whose code starts with it (the unit with that very code first). A unit out of reach is never
 * listed, so a `parent` out of reach has no children.
 */
export async function unitsInReach(rt: RuntimeContext, user: SessionUser, query: { parent?: string | undefined; q?: string | undefined }): Promise<{ items: UnitNode[] }> {
  const select = { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, hasChildren };
  const filters: SQL[] = [inSubtree(orgUnits.path, user)];
  if (query.q) {
    const escaped = query.q.replace(/[%_\\]/g, '\\$&');
    filters.push(or(ilike(orgUnits.name, `%${escaped}%`), like(orgUnits.id, `${escaped}%`))!);
    const items = await rt.db
      .select(select)
      .from(orgUnits)
      .where(and(...filters))
      .orderBy(sql`${orgUnits.id} <> ${query.q}`, sql`length(${orgUnits.id})`, asc(orgUnits.id))
      .limit(UNITS_FOUND_LIMIT);
    return { items };
  }
  filters.push(query.parent ? eq(orgUnits.parentId, query.parent) : eq(orgUnits.path, user.jurisdictionPath));
  const items = await rt.db
    .select(select)
    .from(orgUnits)
    .where(and(...filters))
    .orderBy(sql`${orgUnits.kind} <> 'office'`, asc(orgUnits.id));
  return { items };
}
