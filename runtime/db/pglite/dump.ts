import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../database.ts';

/**
 * PGlite's dump of an open database (its data directory as a tarball), taken after a CHECKPOINT:
 * a dump of pages not yet written loads by crash recovery, which moves every sequence on by 32.
 */
export async function dumpPglite(db: Database, compression: 'none' | 'gzip'): Promise<Blob> {
  const client = (db as unknown as { $client: PGlite }).$client;
  await client.exec('CHECKPOINT');
  return client.dumpDataDir(compression);
}
