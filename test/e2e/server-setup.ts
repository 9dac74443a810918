import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { builtUi } from '../support/built-ui.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per browser worker: the worker numbered n (`VITEST_POOL_ID`, from 1) uses the n-th. */
    baseUrls: string[];
    /** The admin UI build the servers serve, for a file that starts a server of its own (the national demo). */
    uiDir: string;
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

/** Starts the real server (`runtime/main.ts`, embedded PGlite in `dataDir`, demo accounts and cases) on a free loopback port. */
export async function startServer(uiDir: string, dataDir: string) {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, UI_DIR: uiDir, DATABASE_URL: '', TIMER_POLL_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await ready(server);
  // What goes wrong on the server side during the tests shows in the test output, beside the failure it causes.
  server.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server ${port}] ${chunk.toString()}`));
  const stop = () => {
    server.kill('SIGTERM');
    return new Promise((resolve) => server.once('exit', resolve));
  };
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

/**
 * Starts one server per browser worker, each on its own database, so that two files running at once never
 * see each other's cases, tasks or notifications; all serve the same build of the admin UI.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'pes-e2e-'));
  const ui = await builtUi();
  const workers = Number(project.config.maxWorkers) || 1;
  const servers = await Promise.all(Array.from({ length: workers }, (_, n) => startServer(ui.dir, join(work, `pglite-${n + 1}`))));
  project.provide('baseUrls', servers.map((server) => server.baseUrl));
  project.provide('uiDir', ui.dir);
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
    ui.release();
    rmSync(work, { recursive: true, force: true });
  };
}
