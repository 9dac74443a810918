import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import * as schema from '../schema/index.ts';

/**
 * Opens embedded PostgreSQL (PGlite) in `dataDir`, or in memory when it is omitted.
 * PGlite takes no lock on its directory: one process per directory.
 */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const client = await PGlite.create(dataDir);
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    backend: 'pglite',
    migrate: () => migrate(drizzle({ client }), { migrationsFolder }),
    close: () => client.close(),
  };
}
