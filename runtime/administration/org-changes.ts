import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import { PlatformError, type LocalizedText } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, posts, tasks, userPosts } from '../db/schema/index.ts';
import { standardPosts } from '../seed/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { administer } from './admin-audit.ts';
import { unitInReach, unitWithinReach, withinReach } from './admin-scope.ts';

/** A post to give an office: a code of the standard catalogue (its names by default), or a new code with both names. */
export interface NewPost {
  code: string;
  name?: LocalizedText | undefined;
}

/** The names of a post: those given, else the catalogue's for its code; a new code needs both. */
function postNames(post: NewPost): { name: string; nameEn: string } {
  const standard = standardPosts.find((p) => p.code === post.code);
  if (post.name) return { name: post.name['zh-CN'], nameEn: post.name.en };
  if (standard) return { name: standard.name, nameEn: standard.nameEn };
  throw new PlatformError('BAD_REQUEST', { details: { field: 'name', code: post.code, reason: { 'zh-CN': '非标准岗位须填写中英文名称', en: 'A post outside the catalogue needs its zh-CN and English names' } } });
}

/** Inserts posts at an office; a code the office has already is refused (`DUPLICATE_RECORD`). */
async function insertPosts(tx: Executor, officeId: string, list: readonly NewPost[]) {
  const rows = list.map((post) => ({ id: randomUUID(), orgUnitId: officeId, code: post.code, ...postNames(post) }));
  const codes = rows.map((row) => row.code);
  const taken = rows.length === 0 ? [] : await tx.select({ code: posts.code }).from(posts).where(and(eq(posts.orgUnitId, officeId), inArray(posts.code, codes)));
  const twice = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (taken.length > 0 || twice.length > 0) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'code', codes: [...taken.map((t) => t.code), ...twice] } });
  if (rows.length > 0) await tx.insert(posts).values(rows);
  return rows;
}

/**
 * Creates a service office (kind `office`) under a unit of the administrator's subtree, at any level
 * down to a community or village (基层劳动保障工作平台), with the posts chosen. Its id is the
 * unit's code and the next free two-digit suffix. It keeps the posts it is given. Audited.
 */
export async function createOffice(rt: RuntimeContext, admin: SessionUser, parentId: string, input: { name: string; posts: NewPost[] }, origin: RequestOrigin) {
  return administer(rt, admin, origin, async (tx, note) => {
    const parent = await unitWithinReach(tx, admin, parentId);
    if (parent.kind === 'office' || parent.kind === 'ministry') throw new PlatformError('BAD_REQUEST', { details: { field: 'parentId', kind: parent.kind, reason: { 'zh-CN': '服务机构须设在省、市、区县、街道乡镇或社区村之下', en: 'An office belongs under a province, city, district, street or community' } } });
    // Lock the parent so two offices made at once do not take the same suffix.
    await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, parent.id)).for('update');
    const siblings = await tx.select({ id: orgUnits.id }).from(orgUnits).where(like(orgUnits.id, `${parent.id}-%`));
    const used = new Set(siblings.map((s) => s.id));
    const suffix = Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0')).find((n) => !used.has(`${parent.id}-${n}`));
    if (!suffix) throw new PlatformError('BAD_REQUEST', { details: { field: 'parentId', reason: { 'zh-CN': '该机构下的服务机构已满 99 个', en: 'The unit has 99 offices already' } } });
    const id = `${parent.id}-${suffix}`;
    await tx.insert(orgUnits).values({ id, parentId: parent.id, kind: 'office', name: input.name, path: `${parent.path}${id}/`, cityCode: parent.cityCode, standardPosts: false });
    const added = await insertPosts(tx, id, input.posts);
    await note({ action: 'org.office-create', targetType: 'org-unit', target: id, cityCode: parent.cityCode, details: { name: input.name, parentId: parent.id, posts: added.map((p) => p.code) } });
    return { id, name: input.name, parentId: parent.id, posts: added.map(({ orgUnitId: _, ...post }) => post) };
  });
}

/** Gives an office of the administrator's subtree one more post. Audited. */
export async function addPost(rt: RuntimeContext, admin: SessionUser, officeId: string, input: NewPost, origin: RequestOrigin) {
  return administer(rt, admin, origin, async (tx, note) => {
    const office = await unitInReach(tx, admin, officeId);
    if (office.kind !== 'office') throw new PlatformError('BAD_REQUEST', { details: { field: 'officeId', kind: office.kind, reason: { 'zh-CN': '岗位只能设在服务机构', en: 'Posts belong to offices' } } });
    const [post] = await insertPosts(tx, office.id, [input]);
    await note({ action: 'org.post-create', targetType: 'post', target: post!.id, cityCode: office.cityCode, details: { officeId: office.id, code: post!.code, name: post!.name, nameEn: post!.nameEn } });
    return { id: post!.id, code: post!.code, name: post!.name, nameEn: post!.nameEn };
  });
}

/** A post of an office in the administrator's subtree, locked for the change; 404 outside it. */
async function postInReach(tx: Executor, admin: SessionUser, postId: string) {
  const [row] = await tx.select({ post: posts, office: orgUnits }).from(posts).innerJoin(orgUnits, eq(orgUnits.id, posts.orgUnitId)).where(eq(posts.id, postId)).for('update', { of: posts });
  if (!row || !withinReach(admin, row.office.path)) throw new PlatformError('NOT_FOUND', { details: { post: postId } });
  return row;
}

/** Renames a post (its code, which definitions and records name, stays). Audited with the old names. */
export async function renamePost(rt: RuntimeContext, admin: SessionUser, postId: string, name: LocalizedText, origin: RequestOrigin) {
  return administer(rt, admin, origin, async (tx, note) => {
    const { post, office } = await postInReach(tx, admin, postId);
    await tx.update(posts).set({ name: name['zh-CN'], nameEn: name.en }).where(eq(posts.id, post.id));
    await note({ action: 'org.post-rename', targetType: 'post', target: post.id, cityCode: office.cityCode, details: { code: post.code, from: { 'zh-CN': post.name, en: post.nameEn }, to: name } });
    return { id: post.id, code: post.code, name: name['zh-CN'], nameEn: name.en };
  });
}

/**
 * Removes a post that no one holds and no open task of its office names (as its post or as the
 * post it was escalated to): `POST_IN_USE` otherwise. A catalogue office then keeps its own list,
 * so start-up does not give the post back. Audited.
 */
export async function removePost(rt: RuntimeContext, admin: SessionUser, postId: string, origin: RequestOrigin): Promise<void> {
  await administer(rt, admin, origin, async (tx, note) => {
    const { post, office } = await postInReach(tx, admin, postId);
    const [held] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(userPosts).where(eq(userPosts.postId, post.id));
    const [open] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tasks)
      .where(and(eq(tasks.status, 'open'), eq(tasks.orgUnitId, office.id), or(eq(tasks.post, post.code), eq(tasks.escalatedTo, post.code))));
    if ((held?.n ?? 0) > 0 || (open?.n ?? 0) > 0) throw new PlatformError('POST_IN_USE', { details: { post: post.id, code: post.code, holders: held?.n ?? 0, openTasks: open?.n ?? 0 } });
    await tx.delete(posts).where(eq(posts.id, post.id));
    if (office.standardPosts) await tx.update(orgUnits).set({ standardPosts: false }).where(eq(orgUnits.id, office.id));
    await note({ action: 'org.post-remove', targetType: 'post', target: post.id, cityCode: office.cityCode, details: { officeId: office.id, code: post.code, name: post.name } });
  });
}
