import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The PostgreSQL server the national demo runs on in the tests (the database suite's). */
export const postgresUrl = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || undefined;

/** The national demo running for a test file: the national node's address, its databases' server, and how to end it. */
export interface NationalDemo {
  /** The national node's origin, `http://127.0.0.1:<port>`: its workbench under `/admin/`, its API under `/api`. */
  nationalUrl: string;
  /** The national node's database, to read what the screen's requests wrote. */
  nationalDatabase: string;
  stop(): Promise<void>;
}

/** Waits for the demo's ready lines and reads the national node's workbench address from them; fails with what it printed if it exits first. */
function ready(demo: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /全国查询 workbench (http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(output);
      if (found) resolve(found[1]!);
    };
    demo.stdout?.on('data', read);
    demo.stderr?.on('data', read);
    demo.once('exit', (code) => reject(new Error(`the national demo exited with ${code}:\n${output}`)));
  });
}

/**
 * `npm run national:demo` on the test PostgreSQL server, as a person runs it: three databases of a
 * prefix of its own (national node, 福建, 广东), each node on a free port serving the UI build `uiDir`.
 * `stop` ends it, then drops its databases, its reader role and its key file.
 */
export async function startNationalDemo(server: string, uiDir: string): Promise<NationalDemo> {
  const prefix = `pes_e2e_national_${randomBytes(4).toString('hex')}`;
  // Not vitest's NODE_ENV=test: the demo runs as it does for a person.
  const { NODE_ENV: _vitests, ...env } = process.env;
  const demo = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/cli/national-demo.ts'), '--server', server, '--port', '0', '--prefix', prefix], {
    cwd: root,
    env: { ...env, UI_DIR: uiDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const databases = ['national', 'fujian', 'guangdong'].map((node) => `${prefix}_${node}`);
  const cleanUp = async () => {
    const admin = postgres(server, { max: 1, onnotice: () => undefined });
    try {
      for (const database of databases) await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.unsafe(`DROP ROLE IF EXISTS ${prefix}_national_reader`);
    } finally {
      await admin.end();
    }
    rmSync(join(root, 'data', prefix), { recursive: true, force: true });
  };
  const stop = async () => {
    if (demo.exitCode === null && demo.signalCode === null) {
      const exited = new Promise((resolve) => demo.once('exit', resolve));
      demo.kill('SIGTERM');
      // A node that does not close (a connection held open) is not left running past the file.
      const stuck = setTimeout(() => demo.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(stuck);
    }
    await cleanUp();
  };
  try {
    const nationalUrl = await ready(demo);
    // What goes wrong in the demo from now on shows in the test output.
    demo.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[national demo] ${chunk.toString()}`));
    const url = new URL(server);
    url.pathname = `/${databases[0]}`;
    return { nationalUrl, nationalDatabase: url.toString(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
