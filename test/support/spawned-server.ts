import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every setting `runtime/main.ts` reads: the test runner's own values of these never reach the spawned server. */
const serverSettings = [
  'PORT', 'HOST', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'DATA_DIR', 'APP_MODE', 'BODY_LIMIT_BYTES', 'SESSION_HOURS', 'SESSION_IDLE_MINUTES', 'PASSWORD_MAX_AGE_DAYS',
  'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'ADDRESS_MAX_FAILURES', 'TRUST_PROXY', 'PII_KEY_FILE', 'TIMER_POLL_MS', 'LOG_LEVEL', 'UI_DIR', 'DEMO_CITY',
];

/**
 * The time limit of a test that starts processes of the platform (servers, commands): each process
 * spends seconds loading its modules and opening its database, and `npm test` runs the browser stage
 * beside the unit stage, so two cores are shared by up to eight processes at the start (119 s seen for
 * a test that starts two servers seeding the demo). A guard against a hang, not a measure of speed.
 */
export const PROCESS_TEST_TIMEOUT = 240_000;

/** How long {@link SpawnedServer.waitFor} waits for a line. */
const WAIT_MS = 180_000;

/** The line the server prints once it listens. */
export const READY_LINE = '就绪 ready';

/** Where a spawned server keeps its data, and how it runs. */
export interface ServerOptions {
  /** PGlite's data directory (also where a demo installation keeps its key file, beside it). */
  dataDir: string;
  /** A stand-in admin UI build, made by {@link stubUiBuild}. */
  uiDir: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  piiKeyFile?: string;
  /** 0: no timer worker. */
  timerPollMs?: number;
}

/** The real server (`runtime/main.ts`) in a child process: what it printed, and ways to end it. */
export interface SpawnedServer {
  baseUrl: string;
  pid: number;
  output(): string;
  /** Resolves once `text` has been printed (before the call or after); rejects, with the output, if the server exits first. */
  waitFor(text: string, count?: number): Promise<void>;
  /** Resolves with how the process ended. */
  exited: Promise<string>;
  /** Ends the process at once (SIGKILL): no shutdown code runs. */
  kill9(): Promise<string>;
  /** Asks the process to stop (SIGTERM) and waits for it to exit. */
  stop(): Promise<string>;
}

/** A stand-in admin UI build dated ahead of its sources, so the server serves it instead of building the UI with Vite. */
export function stubUiBuild(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, '<!doctype html><title>test</title>\n');
  const later = new Date(Date.now() + 365 * 24 * 3_600_000);
  utimesSync(index, later, later);
  return dir;
}

/** A loopback port nobody listens on right now. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
    probe.once('error', reject);
  });
}

function occurrences(text: string, of: string): number {
  return text.split(of).length - 1;
}

/** Every server spawned and not yet exited, so a failed test leaves no process behind ({@link killLeftovers}). */
const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every server this process spawned that is still running. */
export async function killLeftovers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const gone = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      await gone;
    }),
  );
}

/**
 * Starts `node --import tsx runtime/main.ts` on a free loopback port in demo mode with warnings
 * only; does not wait for it to be ready (see `waitFor(READY_LINE)`).
 */
export async function spawnServer(options: ServerOptions): Promise<SpawnedServer> {
  const port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of serverSettings) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: options.dataDir,
    UI_DIR: options.uiDir,
    DATABASE_URL: options.databaseUrl ?? '',
    PII_KEY_FILE: options.piiKeyFile ?? '',
    APP_MODE: 'demo',
    TIMER_POLL_MS: String(options.timerPollMs ?? 0),
    LOG_LEVEL: 'warn',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'runtime/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('the server process did not start');
  running.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<string>((resolve) =>
    // `close`, not `exit`: by then everything the process printed has been read.
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve(signal ? `on ${signal}` : `with code ${code}`);
    }),
  );
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output,
    exited,
    waitFor: (text, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (occurrences(output, text) >= count) settle();
        };
        // Well inside the tests' own timeouts, so a server that hangs fails with what it printed.
        const timer = setTimeout(() => settle(new Error(`the server printed no ${JSON.stringify(text)} in ${WAIT_MS / 1000} s; its output:\n${output}`)), WAIT_MS);
        listeners.add(check);
        check();
        void exited.then((how) => {
          if (listeners.has(check)) settle(new Error(`the server exited ${how} before printing ${JSON.stringify(text)}; its output:\n${output}`));
        });
      }),
    kill9: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
