import { existsSync } from 'node:fs';
import type { RuntimeConfig } from '../config.ts';
import { defaultKeyFile } from '../crypto/index.ts';
import type { Progress } from '../seed/index.ts';
import { backupPglite, restorePglite } from './pglite.ts';
import { backupPostgres, restorePostgres } from './postgres.ts';

/** The key file of the personal-data cipher, as `keys` and the server find it. */
function keyFile(config: RuntimeConfig): string {
  return config.piiKeyFile ?? defaultKeyFile(config);
}

/**
 * Backs up the installation's database to `file` (written whole or not at all, mode 600): PGlite's
 * dump of `DATA_DIR`, or `pg_dump` of PostgreSQL as the owner. The key file is not in it.
 */
export async function backup(config: RuntimeConfig, file: string, progress: Progress): Promise<void> {
  if (config.databaseUrl) await backupPostgres(config.databaseOwnerUrl ?? config.databaseUrl, file, progress);
  else await backupPglite(config.dataDir, file, progress);
  progress(`密钥文件不在备份中 the key file ${keyFile(config)} is NOT in the backup: back it up separately and keep it apart from the backups (the personal data in them is encrypted with it)`);
}

/**
 * Restores a backup made by {@link backup} into the installation's database, refusing a non-empty
 * one unless `force`, and verifying the access log's hash chain of what was restored.
 */
export async function restore(config: RuntimeConfig, file: string, options: { force: boolean }, progress: Progress): Promise<void> {
  if (config.databaseUrl) await restorePostgres({ owner: config.databaseOwnerUrl ?? config.databaseUrl, app: config.databaseUrl }, file, options, progress);
  else await restorePglite(config.dataDir, file, options, progress);
  const keys = keyFile(config);
  progress(
    existsSync(keys)
      ? `密钥文件 the key file ${keys} is in place: it must be the one the backup's data was encrypted with`
      : `缺少密钥文件 no key file at ${keys}: put back the key file kept with the backup before starting the server (without it the personal data cannot be read, and a demo start would make a new key)`,
  );
}
