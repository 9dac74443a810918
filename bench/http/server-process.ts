import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every setting `runtime/main.ts` reads: the caller's values of these never reach the benchmarked server. */
const serverSettings = [
  'PORT', 'HOST', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'DATA_DIR', 'APP_MODE', 'BODY_LIMIT_BYTES', 'SESSION_HOURS', 'SESSION_IDLE_MINUTES', 'PASSWORD_MAX_AGE_DAYS',
  'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'ADDRESS_MAX_FAILURES', 'TRUST_PROXY', 'PII_KEY_FILE', 'TIMER_POLL_MS', 'LOG_LEVEL', 'UI_DIR', 'DEMO_CITY',
];

/** The real server in a child process, with what it printed and its resident memory. */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Seconds from spawn to the ready line (migrations, seeding, demo cases). */
  startupSeconds: number;
  /** Rejects, with the server's output, if the server exits before `stop`; race work against it. */
  failed: Promise<never>;
  /** VmRSS of the server process in MiB, from /proc; null where there is no /proc. */
  rssMiB(): number | null;
  /** Stops the server (SIGTERM, SIGKILL after 15 s) and removes its directory. */
  stop(): Promise<void>;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
    probe.once('error', reject);
  });
}

/** A stand-in admin UI build dated ahead of its sources, so the server serves it instead of running Vite: the benchmark measures the API. */
function stubUiBuild(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, '<!doctype html><title>bench</title>\n');
  const later = new Date(Date.now() + 365 * 24 * 3_600_000);
  utimesSync(index, later, later);
}

/**
 * Starts `node --import tsx runtime/main.ts` on a free loopback port with a fresh temporary
 * directory (PGlite data and the demo key file), demo accounts, no timer worker and warnings
 * only; on PostgreSQL when `databaseUrl` is given. Resolves on the ready line.
 */
export async function startServer(options: { databaseUrl: string | undefined }): Promise<ServerProcess> {
  const work = mkdtempSync(join(tmpdir(), 'pes-bench-http-'));
  stubUiBuild(join(work, 'ui'));
  const port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of serverSettings) delete env[name];
  Object.assign(env, { PORT: String(port), DATA_DIR: join(work, 'pglite'), UI_DIR: join(work, 'ui'), DATABASE_URL: options.databaseUrl ?? '', APP_MODE: 'demo', TIMER_POLL_MS: '0', LOG_LEVEL: 'warn' });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let stopping = false;
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `on ${signal}` : `with code ${code}`)));
  const failed = exited.then((how): never => {
    throw new Error(`the server exited${stopping ? '' : ' early'} ${how}; its output:\n${output}`);
  });
  failed.catch(() => undefined);
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  try {
    await Promise.race([
      failed,
      new Promise<void>((resolve) => {
        const onData = () => {
          if (!output.includes('就绪 ready')) return;
          child.stdout.off('data', onData);
          resolve();
        };
        child.stdout.on('data', onData);
      }),
    ]);
  } catch (error) {
    cleanUp();
    throw error;
  }
  if (child.pid === undefined) throw new Error('the server has no process id');
  const pid = child.pid;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    startupSeconds: Math.round(performance.now() - started) / 1000,
    failed,
    rssMiB: () => {
      try {
        const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kib === undefined ? null : Math.round(Number(kib) / 102.4) / 10;
      } catch {
        return null;
      }
    },
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
    },
  };
}
