import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../runtime/db/pglite/data-dir-lock.ts';

describe('PGlite data directory lock', () => {
  it('refuses a directory held by another live process, takes over a stale lock, and releases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-lock-'));
    const file = join(dir, 'platform.lock');
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    writeFileSync(file, '2147483646');
    const release = lockDataDir(dir);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });
});
