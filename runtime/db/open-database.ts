import type { DatabaseHandle } from './database.ts';
import { openPglite } from './pglite/index.ts';
import { openPostgres } from './postgres/index.ts';

/** PostgreSQL when a URL is given, else embedded PGlite in `dataDir`. */
export function openDatabase(options: { url?: string; dataDir?: string }): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}
