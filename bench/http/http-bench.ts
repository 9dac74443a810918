import type { Request } from 'autocannon';
import { openScratchPostgres, type Backend } from '../../runtime/db/index.ts';
import { describeLoad, startLoad, type Load, type LoadFigures } from './load.ts';
import { prepareCases, signIn } from './prepare.ts';
import { citizenIds, floodRequests, readRequests, stepRequests, type StepTally } from './scenarios.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** Persons and open cases made through the API before anything is measured. */
const PREPARED_CASES = 40;

/** One measured load with the server's resident memory around it. */
export interface HttpPhase extends LoadFigures {
  rssBeforeMiB: number | null;
  rssAfterMiB: number | null;
}

/** Everything measured against one server. */
export interface HttpBenchRun {
  backend: Backend;
  startupSeconds: number;
  preparedCases: number;
  rssReadyMiB: number | null;
  rssEndMiB: number | null;
  /** The caseworker's inbox, case list and case detail. */
  reads: HttpPhase;
  /** Register a person, open a case, submit it, approve it: every request valid. */
  steps: HttpPhase & { completed: StepTally['completed'] };
  /** Reviewer and supervisor reads alone, then the same reads during a wrong-password flood on another account. */
  readsWithoutFlood: HttpPhase;
  readsDuringFlood: HttpPhase;
  flood: HttpPhase;
  /** Reads p50 during the flood over p50 without it, in the same run; and the same for p99. */
  floodRatioP50: number;
  floodRatioP99: number;
}

/** The benchmark's JSON line: the settings and one run per backend. */
export interface HttpBenchResult {
  benchmark: 'http';
  seconds: number;
  connections: number;
  runs: HttpBenchRun[];
  skipped?: string;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Runs `loads` side by side to their end with RSS read around them; if the server dies meanwhile, stops them and fails with its output. */
async function measure(server: ServerProcess, loads: () => [Load]): Promise<[HttpPhase]>;
async function measure(server: ServerProcess, loads: () => [Load, Load]): Promise<[HttpPhase, HttpPhase]>;
async function measure(server: ServerProcess, loads: () => Load[]): Promise<HttpPhase[]> {
  const rssBeforeMiB = server.rssMiB();
  const running = loads();
  try {
    const figures = await Promise.race([Promise.all(running.map((load) => load.done)), server.failed]);
    const rssAfterMiB = server.rssMiB();
    return figures.map((f) => ({ ...f, rssBeforeMiB, rssAfterMiB }));
  } catch (error) {
    for (const load of running) load.stop();
    throw error;
  }
}

const memory = (phase: HttpPhase) => `RSS ${phase.rssBeforeMiB ?? '?'} → ${phase.rssAfterMiB ?? '?'} MiB`;

async function runAgainst(backend: Backend, databaseUrl: string | undefined, options: { seconds: number; connections: number; log: (line: string) => void }): Promise<HttpBenchRun> {
  const { seconds, connections } = options;
  const log = (line: string) => options.log(`[${backend}] ${line}`);
  const server = await startServer({ databaseUrl });
  try {
    const rssReadyMiB = server.rssMiB();
    log(`server pid ${server.pid} ready on ${server.baseUrl} in ${server.startupSeconds} s, RSS ${rssReadyMiB ?? '?'} MiB`);
    const nextIdNumber = citizenIds();
    const tokens = await Promise.race([signIn(server.baseUrl, ['caseworker', 'reviewer', 'supervisor'] as const), server.failed]);
    const caseIds = await Promise.race([prepareCases(server.baseUrl, tokens.caseworker, PREPARED_CASES, nextIdNumber), server.failed]);
    log(`prepared ${caseIds.length} persons and open cases through the API; ${connections} connections, ${seconds} s a load`);
    const load = (requests: Request[], length = seconds) => startLoad({ url: server.baseUrl, connections, seconds: length, requests });

    const warmUp = Math.min(2, seconds);
    await measure(server, () => [load(readRequests([tokens.caseworker], caseIds), warmUp)]);
    log(`warmed up with ${warmUp} s of reads, not counted`);
    const [reads] = await measure(server, () => [load(readRequests([tokens.caseworker], caseIds))]);
    log(`reads (caseworker: inbox, case list, case detail): ${describeLoad(reads)}, ${memory(reads)}`);

    const chain = stepRequests(tokens.caseworker, tokens.reviewer, nextIdNumber);
    const [stepFigures] = await measure(server, () => [load(chain.requests)]);
    const steps = { ...stepFigures, completed: chain.tally.completed };
    const { register, open, submit, approve } = steps.completed;
    log(`step mix (register person, open case, submit, approve): ${describeLoad(steps)}, ${memory(steps)}; done: ${register} persons, ${open} opened, ${submit} submitted, ${approve} approved`);
    for (const [kind, refusal] of Object.entries(chain.tally.firstRefusal)) log(`  first refused ${kind}: ${refusal}`);

    const otherAccounts = [tokens.reviewer, tokens.supervisor];
    const [readsWithoutFlood] = await measure(server, () => [load(readRequests(otherAccounts, caseIds))]);
    log(`reads (reviewer, supervisor), no flood: ${describeLoad(readsWithoutFlood)}, ${memory(readsWithoutFlood)}`);
    const [readsDuringFlood, flood] = await measure(server, () => [load(readRequests(otherAccounts, caseIds)), load(floodRequests('evaluator'))]);
    log(`reads (reviewer, supervisor), during flood: ${describeLoad(readsDuringFlood)}, ${memory(readsDuringFlood)}`);
    log(`wrong-password flood (evaluator): ${describeLoad(flood)}`);
    const floodRatioP50 = ratio(readsDuringFlood.p50Ms, readsWithoutFlood.p50Ms);
    const floodRatioP99 = ratio(readsDuringFlood.p99Ms, readsWithoutFlood.p99Ms);
    const rssEndMiB = server.rssMiB();
    log(`reads p50 during/without flood: ${floodRatioP50} (p99: ${floodRatioP99}); server RSS ${rssReadyMiB ?? '?'} MiB at ready, ${rssEndMiB ?? '?'} MiB at the end`);
    return { backend, startupSeconds: server.startupSeconds, preparedCases: caseIds.length, rssReadyMiB, rssEndMiB, reads, steps, readsWithoutFlood, readsDuringFlood, flood, floodRatioP50, floodRatioP99 };
  } finally {
    await server.stop();
  }
}

/**
 * The real server over HTTP on loopback: for each backend (PGlite; PostgreSQL on a scratch
 * database when a URL is given) reads, a valid write mix, and reads with and without a
 * wrong-password flood, each `seconds` long on `connections` connections, driven by autocannon
 * from this process (which shares the machine's cores with the server).
 */
export async function runHttpBench(options: { postgresUrl: string | undefined; seconds: number; connections: number; log: (line: string) => void }): Promise<HttpBenchResult> {
  for (const [name, value] of [['BENCH_SECONDS', options.seconds], ['BENCH_CONNECTIONS', options.connections]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not ${value}`);
  }
  const result: HttpBenchResult = { benchmark: 'http', seconds: options.seconds, connections: options.connections, runs: [] };
  result.runs.push(await runAgainst('pglite', undefined, options));
  if (!options.postgresUrl) return result;
  if (!isLoopback(options.postgresUrl)) {
    result.skipped = 'PostgreSQL: DATABASE_URL is not a loopback address';
    options.log(`[postgres] skipped: the HTTP benchmark keeps to loopback addresses, and DATABASE_URL points at ${new URL(options.postgresUrl).hostname}`);
    return result;
  }
  const scratch = await openScratchPostgres(options.postgresUrl, 'bench_http', { max: 1 });
  try {
    result.runs.push(await runAgainst('postgres', scratch.url, options));
  } finally {
    await scratch.close();
  }
  return result;
}
