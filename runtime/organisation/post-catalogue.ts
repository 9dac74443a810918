import { asc, eq } from 'drizzle-orm';
import type { LocalizedText } from '../../engine/index.ts';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { orgUnits, posts } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A post code as definitions name it (`states.*.task.post`), with the name offices give it. */
export interface PostName {
  code: string;
  name: LocalizedText;
}

/**
 * The posts of the org units in the caller's subtree, one entry per code (definitions name posts
 * by code; an office names its post): where offices name one code differently, the name most
 * of them use, then the first in order.
 */
export async function postCatalogue(rt: RuntimeContext, user: SessionUser): Promise<{ items: PostName[] }> {
  const rows = await rt.db
    .select({ code: posts.code, name: posts.name, nameEn: posts.nameEn })
    .from(posts)
    .innerJoin(orgUnits, eq(orgUnits.id, posts.orgUnitId))
    .where(inSubtree(orgUnits.path, user))
    .orderBy(asc(posts.code), asc(posts.name));
  const byCode = new Map<string, Map<string, { name: LocalizedText; uses: number }>>();
  for (const row of rows) {
    const names = byCode.get(row.code) ?? new Map();
    const key = `${row.name}\u0000${row.nameEn}`;
    const entry = names.get(key) ?? { name: { 'zh-CN': row.name, en: row.nameEn }, uses: 0 };
    entry.uses += 1;
    byCode.set(row.code, names.set(key, entry));
  }
  return {
    items: [...byCode].map(([code, names]) => ({ code, name: [...names.values()].reduce((best, next) => (next.uses > best.uses ? next : best)).name })),
  };
}
