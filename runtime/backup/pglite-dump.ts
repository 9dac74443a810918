import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { StartupRefusal } from '../config.ts';

/** A PGlite backup read and checked whole: the dump PGlite loads, and what it holds. */
export interface PgliteDump {
  blob: Blob;
  /** The PostgreSQL major version of the data directory (its `PG_VERSION`). */
  pgVersion: string;
  files: number;
}

/** A field of a tar header: text up to the first NUL. */
function field(header: Buffer, start: number, length: number): string {
  const text = header.subarray(start, start + length).toString('latin1');
  const end = text.indexOf('\0');
  return end < 0 ? text : text.slice(0, end);
}

/** The files of a ustar archive by name (without a leading `/`); throws when a header is malformed. */
function tarEntries(tar: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let at = 0;
  for (;;) {
    if (at + 512 > tar.length) throw new Error('the archive ends inside a header');
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) return entries;
    if (!field(header, 257, 6).startsWith('ustar')) throw new Error(`no tar header at byte ${at}`);
    const checksum = header.reduce((sum, byte, i) => sum + (i >= 148 && i < 156 ? 32 : byte), 0);
    if (checksum !== parseInt(field(header, 148, 8).trim(), 8)) throw new Error(`a damaged tar header at byte ${at}`);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const prefix = field(header, 345, 155);
    const name = `${prefix ? `${prefix}/` : ''}${field(header, 0, 100)}`.replace(/^\/+/, '');
    if (at + 512 + size > tar.length) throw new Error(`the archive ends inside ${name}`);
    entries.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Reads a backup made by `npm run backup` on PGlite (`dumpDataDir('gzip')`: a gzipped tar of the
 * data directory) and checks it whole before anything is written: gzip's checksum and length, every
 * tar header, and a PostgreSQL data directory inside. PGlite itself would crash on a damaged one.
 */
export function readPgliteDump(file: string): PgliteDump {
  const refuse = (why: string) => new StartupRefusal(`不是完整的 PGlite 备份 ${file} is not a whole PGlite backup of this platform: ${why}; nothing was written`);
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw refuse('it is not gzip-compressed (npm run backup makes a .tar.gz)');
  let entries: Map<string, Buffer>;
  try {
    entries = tarEntries(gunzipSync(bytes));
  } catch (error) {
    throw refuse(`it is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
  }
  const version = entries.get('PG_VERSION');
  if (version === undefined || !entries.has('global/pg_control')) throw refuse('it holds no PostgreSQL data directory');
  return { blob: new Blob([bytes]), pgVersion: version.toString('latin1').trim(), files: entries.size };
}
