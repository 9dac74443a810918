import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until the server prints its ready line; fails with what it printed if it exits first. */
function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('就绪 ready')) resolve();
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/**
 * Builds the admin UI from the current sources into a directory of its own, then starts the real server (`runtime/main.ts`,
 * embedded PGlite in a fresh directory, demo accounts and cases) on a free loopback port.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'pes-e2e-'));
  const uiDir = join(work, 'ui');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'admin-ui/vite.config.ts'), logLevel: 'warn', build: { outDir: uiDir } });
  const dataDir = join(work, 'pglite');
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, UI_DIR: uiDir, DATABASE_URL: '', TIMER_POLL_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await ready(server);
  // What goes wrong on the server side during the tests shows in the test output, beside the failure it causes.
  server.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(work, { recursive: true, force: true });
  };
}
