import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { makePrivate } from './private-files.ts';
import * as schema from '../schema/index.ts';

/**
 * Opens embedded PostgreSQL (PGlite) in `dataDir`, or in memory when it is omitted, starting from
 * the dump `loadDataDir` when given (`dumpDataDir`'s tarball). A data directory is claimed for this
 * process, because PGlite itself takes no lock, and kept private to its owner.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const release = dataDir ? await lockDataDir(dataDir) : () => undefined;
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...options }).catch((error: unknown) => {
    release();
    throw error;
  });
  if (dataDir) makePrivate(dataDir);
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    backend: 'pglite',
    migrate: () => migrate(drizzle({ client }), { migrationsFolder }),
    exclusively: (work) => work(),
    close: async () => {
      await client.close();
      if (dataDir) makePrivate(dataDir);
      release();
    },
  };
}
