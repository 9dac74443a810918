import { sql } from 'drizzle-orm';
import { queryRows } from '../../runtime/db/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { tableCounts } from './fixtures.ts';

const adminTables = ['users', 'user_posts', 'posts', 'org_units', 'sessions', 'login_failures'] as const;

/**
 * {@link tableCounts} plus the tables administration writes, and a digest of every account's role,
 * unit, state and password and of every post's names: a refused change must leave all of them as they were.
 */
export async function adminCounts(rt: RuntimeContext): Promise<Record<string, number | string>> {
  const counts: Record<string, number | string> = await tableCounts(rt);
  for (const table of adminTables) {
    const [row] = await queryRows<{ n: string | number }>(rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
    counts[table] = Number(row!.n);
  }
  const [digest] = await queryRows<{ users: string | null; posts: string | null; units: string | null }>(
    rt.db,
    sql`SELECT
      (SELECT md5(string_agg(concat_ws('|', id, username, display_name, role, org_unit_id, active, must_change_password, password_hash), ',' ORDER BY id)) FROM users) AS users,
      (SELECT md5(string_agg(concat_ws('|', id, org_unit_id, code, name, name_en), ',' ORDER BY id)) FROM posts) AS posts,
      (SELECT md5(string_agg(concat_ws('|', id, name, standard_posts), ',' ORDER BY id)) FROM org_units) AS units`,
  );
  counts['usersDigest'] = digest?.users ?? '';
  counts['postsDigest'] = digest?.posts ?? '';
  counts['unitsDigest'] = digest?.units ?? '';
  return counts;
}
