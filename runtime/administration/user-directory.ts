import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Role, SessionUser } from '../auth/index.ts';
import { inSubtree } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { loginFailures, orgUnits, posts, userPosts, users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { userInReach } from './admin-scope.ts';

/** A post held, with the office that has it. */
export interface HeldPostView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  orgUnitId: string;
  orgUnitName: string;
}

/** A user account as its administrator sees it: never the password or the second factor's secret. */
export interface AdminUserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  /** Until when wrong sign-ins lock the account; null when it is not locked. */
  lockedUntil: string | null;
  orgUnit: { id: string; name: string; kind: string };
  posts: HeldPostView[];
  createdAt: string;
}

const heldPosts = sql<HeldPostView[]>`coalesce((
  SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'nameEn', p.name_en, 'orgUnitId', p.org_unit_id, 'orgUnitName', o.name) ORDER BY p.code, o.name)
  FROM ${userPosts} up JOIN ${posts} p ON p.id = up.post_id JOIN ${orgUnits} o ON o.id = p.org_unit_id
  WHERE up.user_id = ${users.id}), '[]'::json)`;

/** Users with their unit, posts and lock, filtered by `where`. */
async function selectUsers(db: Executor, where: SQL, now: Date, page?: { limit: number; offset: number }): Promise<AdminUserView[]> {
  const lockedUntil = sql<string | null>`CASE WHEN ${loginFailures.lockedUntil} > ${now.toISOString()}::timestamptz THEN ${loginFailures.lockedUntil} END`;
  const query = db
    .select({ user: users, unit: orgUnits, posts: heldPosts, lockedUntil })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(loginFailures, eq(loginFailures.key, sql`'account:' || lower(${users.username})`))
    .where(where)
    .orderBy(asc(users.username));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(({ user, unit, posts: held, lockedUntil: until }) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: until ? new Date(until).toISOString() : null,
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    posts: held,
    createdAt: user.createdAt.toISOString(),
  }));
}

/** What to list: a search in name or username, a unit's subtree within the administrator's, a page. */
export interface UserQuery {
  q?: string | undefined;
  orgUnit?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The accounts of the administrator's subtree (or of one unit's subtree in it), a page at a time,
 * by username; `q` finds a part of the username or display name.
 */
export async function listUsers(rt: RuntimeContext, admin: SessionUser, query: UserQuery): Promise<{ items: AdminUserView[]; total: number }> {
  const conditions: SQL[] = [inSubtree(orgUnits.path, admin)];
  if (query.orgUnit) conditions.push(sql`${orgUnits.path} LIKE ${`%/${query.orgUnit.replace(/[%_\\]/g, '\\$&')}/%`}`);
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  const where = and(...conditions)!;
  const [count] = await rt.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId)).where(where);
  const items = await selectUsers(rt.db, where, rt.clock(), { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items, total: count?.n ?? 0 };
}

/** One account of the administrator's subtree; 404 outside it. */
export async function adminUserView(rt: RuntimeContext, admin: SessionUser, userId: string, db: Executor = rt.db): Promise<AdminUserView> {
  await userInReach(db, admin, userId);
  const [view] = await selectUsers(db, eq(users.id, userId), rt.clock());
  return view!;
}
