import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { holdPidFile, lockDataDir } from '../../runtime/db/pglite/data-dir-lock.ts';

const contender = fileURLToPath(new URL('../support/lock-contender.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pglite-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A started contender process, once it is ready; `tryLock` has it try to lock `dir` at the instant `at` and resolves with what it printed. */
async function startContender(): Promise<{ child: ChildProcess; tryLock: (dir: string, at: number) => Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', contender], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (lines.length > 0 ? resolve(lines.shift()!) : waiting.push(resolve)));
  expect(await next()).toBe('ready');
  const tryLock = (dir: string, at: number) => {
    child.stdin!.write(`${JSON.stringify({ dir, at })}\n`);
    return next();
  };
  return { child, tryLock };
}

describe('PGlite data directory lock', () => {
  it('refuses a directory another live process holds, and is free the moment that process is killed with -9', async () => {
    const dir = mkdtempSync(join(work, 'held-'));
    const holder = await startContender();
    expect(await holder.tryLock(dir, Date.now())).toBe('held');
    await expect(lockDataDir(dir)).rejects.toThrow(new RegExp(`in use by process ${holder.child.pid}`));
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.once('exit', resolve));
    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'platform.lock'), 'utf8')).toBe(String(process.pid));
    expect(statSync(join(dir, 'platform.lock')).mode & 0o077).toBe(0);
    release();
    expect(existsSync(join(dir, 'platform.lock'))).toBe(false);
  });

  it('gives a directory whose holder was killed to exactly one of two processes starting at the same instant, every time', async () => {
    // Before: two processes taking over a stale lock at the same instant both got it in 5 of 20 trials (issue 12).
    // The same two processes race for a new directory in each trial.
    const [a, b] = await Promise.all([startContender(), startContender()]);
    try {
      for (let trial = 0; trial < 20; trial++) {
        const dir = mkdtempSync(join(work, 'race-'));
        writeFileSync(join(dir, 'platform.lock'), '2147483646'); // left by a process killed with -9
        const at = Date.now() + 200;
        const outcomes = (await Promise.all([a.tryLock(dir, at), b.tryLock(dir, at)])).sort();
        expect([trial, outcomes]).toEqual([trial, ['held', 'refused']]);
      }
    } finally {
      for (const { child } of [a, b]) child.stdin!.end();
    }
  });

  it('without abstract sockets: an exclusive pid file, a stale one taken over, a live one refused', () => {
    const dir = mkdtempSync(join(work, 'pid-'));
    const file = join(dir, 'platform.lock');
    writeFileSync(file, String(process.ppid));
    expect(() => holdPidFile(dir, file)).toThrow(/in use by process/);
    writeFileSync(file, '2147483646');
    holdPidFile(dir, file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
  });
});
