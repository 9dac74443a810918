import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/index.ts';
import { orgUnits, posts, userPosts, users } from '../db/schema/index.ts';
import { unitNodeColumns, unitNodes, unitsFound, type UnitNode } from '../organisation/units-in-reach.ts';
import { standardPosts } from '../seed/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { unitInReach } from './admin-scope.ts';

/** A unit in the tree, with whether it has children to load when expanded. */
export type OrgNode = UnitNode;

/** A post with the users who hold it. */
export interface PostView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  holders: { id: string; username: string; displayName: string; active: boolean }[];
}

/** An office with its posts. */
export interface OfficeView {
  id: string;
  name: string;
  posts: PostView[];
}

/**
 * One level of the tree, loaded as it is expanded (a city has thousands of villages): the children
 * of `parentId`, offices first; without a parent, the administrator's own unit.
 */
export async function childUnits(rt: RuntimeContext, admin: SessionUser, parentId: string | undefined): Promise<{ items: OrgNode[] }> {
  if (!parentId) return { items: await rt.db.select(unitNodeColumns).from(orgUnits).where(eq(orgUnits.id, admin.orgUnit.id)) };
  const parent = await unitInReach(rt.db, admin, parentId);
  return { items: await unitNodes(rt.db, eq(orgUnits.parentId, parent.id)) };
}

/** The units of the administrator's subtree whose name holds `q` or whose code starts with it: the unit picker's search. */
export async function findUnits(rt: RuntimeContext, admin: SessionUser, q: string): Promise<{ items: OrgNode[] }> {
  return { items: await unitsFound(rt.db, admin, q) };
}

/** The posts of the given offices with their holders, by office. */
async function postsOf(rt: RuntimeContext, officeIds: readonly string[]): Promise<Map<string, PostView[]>> {
  const byOffice = new Map<string, PostView[]>();
  if (officeIds.length === 0) return byOffice;
  const rows = await rt.db.select().from(posts).where(inArray(posts.orgUnitId, [...officeIds])).orderBy(asc(posts.code));
  const holders = rows.length === 0 ? [] : await rt.db
    .select({ postId: userPosts.postId, id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(userPosts)
    .innerJoin(users, eq(users.id, userPosts.userId))
    .where(inArray(userPosts.postId, rows.map((row) => row.id)))
    .orderBy(asc(users.username));
  for (const row of rows) {
    const list = byOffice.get(row.orgUnitId) ?? [];
    list.push({ id: row.id, code: row.code, name: row.name, nameEn: row.nameEn, holders: holders.filter((h) => h.postId === row.id).map(({ postId: _, ...holder }) => holder) });
    byOffice.set(row.orgUnitId, list);
  }
  return byOffice;
}

/**
 * A unit as its administrator sees it: where it sits (its ancestors' names), its offices (the unit
 * itself when it is one) with their posts and who holds each.
 */
export async function unitDetails(rt: RuntimeContext, admin: SessionUser, unitId: string) {
  const unit = await unitInReach(rt.db, admin, unitId);
  const ancestorIds = unit.path.split('/').filter(Boolean);
  const ancestors = await rt.db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.id, ancestorIds));
  const offices = unit.kind === 'office'
    ? [{ id: unit.id, name: unit.name }]
    : await rt.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.kind, 'office'))).orderBy(asc(orgUnits.id));
  const byOffice = await postsOf(rt, offices.map((o) => o.id));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, cityCode: unit.cityCode, standardPosts: unit.standardPosts },
    ancestors: ancestorIds.map((id) => ancestors.find((a) => a.id === id)!).filter(Boolean),
    offices: offices.map((office): OfficeView => ({ ...office, posts: byOffice.get(office.id) ?? [] })),
  };
}

/** The posts of the offices in a unit's subtree (at most 500), for giving a user placed there their posts. */
export async function postsUnder(rt: RuntimeContext, admin: SessionUser, unitId: string) {
  const unit = await unitInReach(rt.db, admin, unitId);
  const items = await rt.db
    .select({ id: posts.id, code: posts.code, name: posts.name, nameEn: posts.nameEn, orgUnitId: orgUnits.id, orgUnitName: orgUnits.name })
    .from(posts)
    .innerJoin(orgUnits, eq(orgUnits.id, posts.orgUnitId))
    .where(sql`${orgUnits.path} LIKE ${`${unit.path}%`}`)
    .orderBy(asc(orgUnits.path), asc(posts.code))
    .limit(500);
  return { items };
}

/** The standard post catalogue an office's posts are chosen from (a new code may be given instead). */
export function postCatalogueItems() {
  return { items: standardPosts.map((p) => ({ code: p.code, name: { 'zh-CN': p.name, en: p.nameEn } })) };
}
