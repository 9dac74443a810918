import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { makePrivate } from './private-files.ts';
import * as schema from '../schema/index.ts';

/** How to open PGlite, beyond where. */
export interface PgliteOptions {
  /** A dump (`dumpDataDir`'s tarball) to start from. */
  loadDataDir?: Blob;
  /**
   * PostgreSQL's `shared_buffers` instead of PGlite's 128MB, which take about 0.4 s of processor
   * time to set up at every start: a small database (a test's) needs less.
   */
  sharedBuffers?: string;
}

/**
 * Opens embedded PostgreSQL (PGlite) in `dataDir`, or in memory when it is omitted, starting from
 * the dump `loadDataDir` when given (`dumpDataDir`'s tarball). A data directory is claimed for this
 * process, because PGlite itself takes no lock, and kept private to its owner.
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<DatabaseHandle> {
  const release = dataDir ? await lockDataDir(dataDir) : () => undefined;
  const startParams = options.sharedBuffers ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`] : undefined;
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(startParams ? { startParams } : {}),
  }).catch((error: unknown) => {
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
