import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StartupRefusal } from '../config.ts';
import { dumpPglite, openPglite, type DatabaseHandle } from '../db/index.ts';
import { lockDataDir } from '../db/pglite/data-dir-lock.ts';
import type { Progress } from '../seed/index.ts';
import { checkChain, reportCounts } from './contents.ts';
import { describeFile, formatSize, requireFile, writeAtomically } from './files.ts';
import { readPgliteDump } from './pglite-dump.ts';

const STOP_FIRST = '请先停止服务 stop the server first (PGlite allows one process per data directory)';

/** A data directory another process holds is refused in one line that says what to do. */
function refuseInUse(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (/in use by process/.test(message)) throw new StartupRefusal(`${message}: ${STOP_FIRST}`);
  throw error;
}

/** Opens the data directory, taking its lock as a server does; a running server holds it. */
function openLocked(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  return openPglite(dataDir, options).catch(refuseInUse);
}

/**
 * Backs up the PGlite data directory to `file`: PGlite's own dump of it (a gzipped tar), taken
 * with the directory locked, so a running server makes the backup refuse rather than copy a
 * directory that is being written.
 */
export async function backupPglite(dataDir: string, file: string, progress: Progress): Promise<void> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new StartupRefusal(`没有数据库 there is no PGlite database in DATA_DIR ${resolve(dataDir)}`);
  await writeAtomically(file, async (partial) => {
    const handle = await openLocked(dataDir);
    try {
      progress(`备份 backing up the PGlite data directory ${resolve(dataDir)} to ${file}…`);
      await reportCounts(handle.db, progress);
      const dump = await dumpPglite(handle.db, 'gzip');
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await handle.close();
    }
  });
  progress(`已备份 written ${file}: ${await describeFile(file)}, mode 600`);
}

/**
 * Restores a PGlite backup into `dataDir`. The dump is checked whole first, loaded into a new
 * directory beside the target (mode 700), counted and its access-log chain verified, and only then
 * renamed into place: a failed or refused restore leaves the target as it was. A non-empty target
 * is replaced only with `force`, and is moved aside rather than deleted.
 */
export async function restorePglite(dataDir: string, file: string, options: { force: boolean }, progress: Progress): Promise<void> {
  requireFile(file);
  const target = resolve(dataDir);
  const occupied = existsSync(target) && readdirSync(target).length > 0;
  if (occupied && !options.force) {
    throw new StartupRefusal(`数据目录非空 DATA_DIR ${target} is not empty: restore replaces it only with --force (npm run restore -- ${file} --force); nothing was changed`);
  }
  // The replaced directory stays locked until it is moved aside: no server may start on it meanwhile.
  const release = occupied ? await lockDataDir(target).catch(refuseInUse) : () => undefined;
  try {
    const dump = readPgliteDump(file);
    progress(`恢复 restoring ${file} into ${target}: ${formatSize(statSync(file).size)}, a PostgreSQL ${dump.pgVersion} data directory of ${dump.files} files…`);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const fresh = mkdtempSync(`${target}.restoring-`);
    try {
      const handle = await openLocked(fresh, { loadDataDir: dump.blob });
      const chain = await reportCounts(handle.db, progress)
        .then(() => checkChain(handle.db, progress))
        .finally(() => handle.close());
      if (!chain.ok) throw new StartupRefusal(`恢复已拒绝 restore refused: the access log in ${file} does not verify; ${target} was left as it was`);
      // The dump carries the lock file of the process that took it.
      rmSync(join(fresh, 'platform.lock'), { force: true });
      install(fresh, target, occupied, progress);
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      throw error;
    }
  } finally {
    release();
  }
  progress(`已恢复 restored into ${target} (mode 700)`);
}

/** Renames the restored directory into place, moving a replaced one aside (and back, should the rename fail). */
function install(fresh: string, target: string, occupied: boolean, progress: Progress): void {
  if (!occupied) {
    renameSync(fresh, target);
    return;
  }
  const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(target, aside);
  try {
    renameSync(fresh, target);
  } catch (error) {
    renameSync(aside, target);
    throw error;
  }
  rmSync(join(aside, 'platform.lock'), { force: true });
  progress(`原数据目录已移至 the replaced data directory was moved to ${aside}; delete it once the restored data is checked`);
}
