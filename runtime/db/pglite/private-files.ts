import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Takes group and other permissions off every file and directory under `dataDir` and the
 * directory itself (0700). PGlite's file system sets its files' modes itself (0666, whatever the
 * umask), so this runs when the directory is opened and closed; a file PGlite makes in between
 * is guarded by its 0700 directory.
 */
export function makePrivate(dataDir: string): void {
  chmodSync(dataDir, 0o700);
  for (const path of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dataDir, path);
    const mode = statSync(full).mode;
    if ((mode & 0o077) !== 0) chmodSync(full, mode & 0o700);
  }
}
