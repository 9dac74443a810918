import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READY_LINE, spawnServer, stubUiBuild } from '../../test/support/spawned-server.ts';

/** The real server in a child process, with its resident memory. */
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

function residentMiB(pid: number): number | null {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? null : Math.round(Number(kib) / 102.4) / 10;
  } catch {
    return null;
  }
}

/**
 * Starts the real server as the reliability tests do (`spawnServer`: a free loopback port, demo
 * accounts, no timer worker, warnings only) in a fresh temporary directory with a stand-in UI build
 * (the benchmark measures the API); on PostgreSQL when `databaseUrl` is given. Resolves on the ready line.
 */
export async function startServer(options: { databaseUrl: string | undefined }): Promise<ServerProcess> {
  const work = mkdtempSync(join(tmpdir(), 'pes-bench-http-'));
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  const started = performance.now();
  const server = await spawnServer({ dataDir: join(work, 'pglite'), uiDir: stubUiBuild(join(work, 'ui')), databaseUrl: options.databaseUrl });
  let stopping = false;
  const failed = server.exited.then((how): never => {
    throw new Error(`the server exited${stopping ? '' : ' early'} ${how}; its output:\n${server.output().slice(-64_000)}`);
  });
  failed.catch(() => undefined);
  try {
    await server.waitFor(READY_LINE);
  } catch (error) {
    await server.kill9();
    cleanUp();
    throw error;
  }
  return {
    baseUrl: server.baseUrl,
    pid: server.pid,
    startupSeconds: Math.round(performance.now() - started) / 1000,
    failed,
    rssMiB: () => residentMiB(server.pid),
    stop: async () => {
      stopping = true;
      const timer = setTimeout(() => void server.kill9(), 15_000);
      await server.stop();
      clearTimeout(timer);
      cleanUp();
    },
  };
}
