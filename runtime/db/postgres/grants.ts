import { sql } from 'drizzle-orm';
import type { Database } from '../database.ts';

/** Tables that are evidence: the application may read and add to them, never change, delete or empty them. */
export const HISTORY_TABLES = ['case_events', 'audit_log', 'access_log', 'ledger_history', 'calendar_schedules', 'deadline_moves', 'master_data_history', 'task_assignments', 'exchange_log'] as const;

/**
 * Gives the application's role (the user of `DATABASE_URL`) what the server needs and no more,
 * run as the owner after each migration: read and write the working tables, use the sequences,
 * only read and insert into the history tables (no UPDATE, DELETE or TRUNCATE), nothing on the
 * migrations' own schema. The owner keeps what only migrations, backups and the access log's
 * retention purge need.
 */
export async function grantApplicationRole(owner: Database, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  const who = sql.identifier(role);
  await owner.execute(sql`GRANT USAGE ON SCHEMA public TO ${who}`);
  await owner.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
  await owner.execute(sql`REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM ${who}`);
  for (const table of HISTORY_TABLES) await owner.execute(sql`REVOKE UPDATE, DELETE ON ${sql.identifier(table)} FROM ${who}`);
  await owner.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
}
