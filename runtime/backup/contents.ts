import { sql } from 'drizzle-orm';
import { verifyAccessLog, type ChainCheck } from '../audit/index.ts';
import { StartupRefusal } from '../config.ts';
import { queryRows, sqlState, type Database } from '../db/index.ts';
import type { Progress } from '../seed/index.ts';

/** The tables whose row counts a backup and a restore report, to compare one with the other. */
export const MAIN_TABLES = ['persons', 'cases', 'case_events', 'access_log'] as const;

/** Rows in each of {@link MAIN_TABLES}. */
export async function countMainTables(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of MAIN_TABLES) {
    const rows = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`).catch((error: unknown) => {
      if (sqlState(error) === '42P01') throw new StartupRefusal(`不是本平台的数据库 the database has no table ${table}: it is not this platform's (or was never started)`);
      throw error;
    });
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** Prints the row counts of the main tables. */
export async function reportCounts(db: Database, progress: Progress): Promise<void> {
  const counts = await countMainTables(db);
  progress(`行数 rows: ${Object.entries(counts).map(([table, n]) => `${table} ${n}`).join(', ')}`);
}

/**
 * Walks the access log's hash chain and prints the result. A chain that does not hold after a
 * restore means the backup was altered or damaged; the caller refuses it.
 */
export async function checkChain(db: Database, progress: Progress): Promise<ChainCheck> {
  const check = await verifyAccessLog(db);
  const anchor = check.anchorId === null ? '' : ` (from entry ${check.anchorId}, after a retention purge)`;
  progress(
    check.ok
      ? `访问日志哈希链完整 the access-log hash chain holds: ${check.rows} entries${anchor}`
      : `访问日志哈希链断裂 the access-log hash chain BREAKS at entry ${check.brokenAt}${anchor}: the backup was altered or is damaged`,
  );
  return check;
}
