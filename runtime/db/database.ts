import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

/** The drizzle database, whichever backend it runs on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle, as passed to `db.transaction(async (tx) => ...)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type Backend = 'pglite' | 'postgres';

/** An open database with its backend name; `close` releases the connection or the embedded engine. */
export interface DatabaseHandle {
  db: Database;
  backend: Backend;
  /** The connection URL, for a PostgreSQL database: a second process can open it too. */
  url?: string;
  /** Runs the journaled migrations, {@link exclusively}. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other process runs its own exclusive work on this database: start-up
   * (migrations, seeding) by two processes at once happens one after the other. PostgreSQL: a
   * session advisory lock; PGlite: its data directory lock already admits one process.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the journaled migrations live; both backends run the same files. */
export const migrationsFolder = new URL('./migrations', import.meta.url).pathname;
