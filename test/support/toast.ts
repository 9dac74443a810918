import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../runtime/db/index.ts';

/** How many values of a table live out of its rows: the distinct chunks of its TOAST relation. */
export async function outOfLineValues(db: Database, table: string): Promise<number> {
  const [toast] = await queryRows<{ name: string }>(db, sql`SELECT reltoastrelid::regclass::text AS name FROM pg_class WHERE relname = ${table}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT chunk_id)::int AS n FROM ${sql.raw(toast!.name)}`);
  return count!.n;
}
