import { isNull, sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import type { Executor } from '../db/index.ts';
import { persons } from '../db/schema/index.ts';

/**
 * The pinyin initials of a name as a service window types them: 张三 → `zs`, 单雄信 → `sxx`
 * (surnames read as surnames). Latin letters are kept in lower case; other characters dropped.
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** True when a search text can only be pinyin initials (or the start of a latin name). */
export function looksLikeInitials(query: string): boolean {
  return /^[a-z]+$/i.test(query);
}

const BATCH = 500;

/**
 * Fills the initials of persons stored without them (rows from before the column existed: the
 * migration cannot compute pinyin), in batches; returns how many it filled. Start-up calls it
 * after migrating; registration writes the initials itself.
 */
export async function fillMissingInitials(db: Executor): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.select({ cityCode: persons.cityCode, id: persons.id, name: persons.name }).from(persons).where(isNull(persons.nameInitials)).limit(BATCH);
    if (rows.length === 0) return filled;
    const values = sql.join(
      rows.map((row) => sql`(${row.cityCode}, ${row.id}::uuid, ${nameInitials(row.name)})`),
      sql`, `,
    );
    await db.execute(sql`
      UPDATE persons SET name_initials = v.initials
      FROM (VALUES ${values}) AS v(city_code, id, initials)
      WHERE persons.city_code = v.city_code AND persons.id = v.id`);
    filled += rows.length;
    if (rows.length < BATCH) return filled;
  }
}
