import type { SQL } from 'drizzle-orm';
import type { Executor } from './database.ts';

/**
 * Runs raw SQL and returns its rows on either backend: postgres.js answers an array, PGlite
 * an object with `rows`. Raw rows are not mapped by drizzle, so callers convert int8 (a
 * string on postgres.js) and timestamps (a string on postgres.js, a Date on PGlite).
 */
export async function queryRows<T>(db: Executor, statement: SQL): Promise<T[]> {
  const result: unknown = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
