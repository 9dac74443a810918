import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import * as schema from '../schema/index.ts';

/** The advisory lock key that serialises migrations of one database across processes (an arbitrary constant). */
const MIGRATION_LOCK = 720_301_516;

/** Opens a PostgreSQL server by URL (TCP; postgres.js cannot use a Unix socket URL). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => undefined });
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    backend: 'postgres',
    // Two processes starting together on a new database: the second waits for the first's migrations, then finds nothing to do.
    migrate: async () => {
      const session = await client.reserve();
      try {
        await session`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(drizzle({ client }), { migrationsFolder });
      } finally {
        await session`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
        session.release();
      }
    },
    close: () => client.end(),
  };
}
