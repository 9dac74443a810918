import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, holder: string): Error {
  return new Error(`数据目录正被进程 ${holder} 使用 data directory ${dataDir} is in use by process ${holder}`);
}

function readHolder(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Linux: the lock is a listening socket in the abstract namespace named after the directory. The
 * kernel lets one process bind a name, atomically, and frees it when the process ends however it
 * ends (kill -9 included), so there is no stale lock to take over. Resolves to null when the
 * platform has no abstract sockets.
 */
async function holdAbstractSocket(dataDir: string): Promise<Server | null | 'taken'> {
  if (process.platform !== 'linux') return null;
  const name = `\0pes-pglite-${createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 40)}`;
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve('taken') : reject(error)));
    server.listen(name, () => resolve(server.unref()));
  });
}

/**
 * Elsewhere: a pid file created exclusively. A stale one (its process is gone) is moved aside
 * under a name of our own, which only one process can do to one file; if what was moved is not
 * the stale file read (another process took the lock meanwhile), it is put back and we wait.
 */
export function holdPidFile(dataDir: string, file: string): void {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder === null) continue;
    if (isRunning(Number(holder))) throw inUse(dataDir, holder);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // Another process moved it first.
    }
    const moved = readHolder(aside);
    if (moved !== holder) {
      linkSync(aside, file);
      rmSync(aside, { force: true });
      throw inUse(dataDir, moved ?? 'unknown');
    }
    rmSync(aside, { force: true });
  }
  throw inUse(dataDir, readHolder(file) ?? 'unknown');
}

/**
 * PGlite takes no lock on its data directory and two processes on one directory corrupt it.
 * This claims the directory for this process, atomically (two processes starting at the same
 * instant: one gets it, the other is refused), and returns the function that releases it.
 * `platform.lock` names the holder's pid for the refusal message.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const file = join(dataDir, 'platform.lock');
  const socket = await holdAbstractSocket(dataDir);
  if (socket === 'taken') throw inUse(dataDir, readHolder(file) ?? 'unknown');
  if (socket) writeFileSync(file, String(process.pid), { mode: 0o600 });
  else holdPidFile(dataDir, file);
  return () => {
    rmSync(file, { force: true });
    socket?.close();
  };
}
