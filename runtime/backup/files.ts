import { createHash } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupRefusal } from '../config.ts';

/**
 * Writes a backup whole or not at all: `fill` writes `FILE.partial` (mode 600, since a backup holds
 * personal data), which is flushed to disk and only then renamed to `FILE`; a failure removes it.
 * An existing backup is never overwritten.
 */
export async function writeAtomically(file: string, fill: (partial: string) => Promise<void>): Promise<void> {
  if (existsSync(file)) throw new StartupRefusal(`文件已存在 ${file} exists: a backup is never overwritten, choose a new name`);
  if (!existsSync(dirname(file))) throw new StartupRefusal(`目录不存在 there is no directory ${dirname(file)} for the backup`);
  const partial = `${file}.partial`;
  closeSync(openSync(partial, 'w', 0o600));
  chmodSync(partial, 0o600);
  try {
    await fill(partial);
    chmodSync(partial, 0o600);
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The file's size, said for people, and its SHA-256, to note down beside the backup. */
export async function describeFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `${formatSize(statSync(file).size)}, sha256 ${hash.digest('hex')}`;
}

/** Bytes as KiB/MiB/GiB with the exact count. */
export function formatSize(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 'bytes';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return unit === 'bytes' ? `${bytes} bytes` : `${value.toFixed(1)} ${unit} (${bytes} bytes)`;
}

/** Refuses a backup file that is not there, before anything else is touched. */
export function requireFile(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new StartupRefusal(`没有备份文件 no backup file at ${file}`);
}
