import type { Backend } from '../../runtime/db/index.ts';
import { openBenchDatabase, prepareRuntime } from '../bench-database.ts';
import { bpmnStepsPerSecond, startBpmnInstances } from './bpmn-peer.ts';
import { fiveStepPlugin, stepsPerCase } from './five-step.flow.ts';
import { pureStepsPerSecond } from './pure-step.ts';
import { StatementCounter } from './round-trips.ts';
import { drive, engineStep, openCases, rawStep } from './step-paths.ts';

/** One measured configuration: persisted steps per second with and without the engine. */
export interface EngineBenchEntry {
  backend: Backend;
  concurrency: number;
  engineStepsPerSec: number;
  rawStepsPerSec: number;
  ratio: number;
}

/** What one persisted step sends to PostgreSQL, counted one case at a time. */
export interface StepTraffic {
  engineStatementsPerStep: number;
  engineRoundTripsPerStep: number;
  rawStatementsPerStep: number;
  rawRoundTripsPerStep: number;
}

export interface EngineBenchResult {
  benchmark: 'engine';
  casesPerRun: number;
  stepsPerCase: number;
  /** The engine alone, no database, one core. */
  pureStepsPerSec: number;
  entries: EngineBenchEntry[];
  /** PostgreSQL only: PGlite runs in the process, with no round trips to count. */
  postgresTraffic: StepTraffic | null;
  bpmnEngine: { backend: Backend; concurrency: number; stepsPerSec: number; ratioToEngine: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Persisted steps per second: our engine path (lock, facts, pure step, write snapshot, record,
 * tasks, timer in one transaction) against a baseline doing the same reads and writes with no
 * engine, in the same run, on each backend at concurrency 1 and 8; plus bpmn-engine as a peer.
 * Each figure is the best of `rounds` alternating rounds, so both sides see the same warm cache.
 */
export async function runEngineBench(options: { postgresUrl: string | undefined; cases: number; rounds: number; log: (line: string) => void }): Promise<EngineBenchResult> {
  const { cases, rounds, log } = options;
  const backends: Backend[] = options.postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
  pureStepsPerSecond(200);
  const pure = round(pureStepsPerSecond(2000));
  log(`pure engine, no database: ${pure} steps/s`);
  const result: EngineBenchResult = { benchmark: 'engine', casesPerRun: cases, stepsPerCase, pureStepsPerSec: pure, entries: [], postgresTraffic: null, bpmnEngine: [] };
  for (const backend of backends) {
    const counter = new StatementCounter();
    const handle = await openBenchDatabase(backend, options.postgresUrl, counter.onStatement);
    try {
      const concurrencies = [1, 8];
      const needed = concurrencies.length * rounds * 2 * cases + 40;
      log(`[${backend}] preparing ${needed} persons and cases…`);
      const { rt, user, personIds } = await prepareRuntime(handle, [fiveStepPlugin], needed);
      const pool = await openCases(rt, user, personIds);
      const take = (n: number) => pool.splice(0, n);
      const steps = cases * stepsPerCase;
      await drive(take(10), 1, stepsPerCase, (id) => engineStep(rt, user, id));
      await drive(take(10), 1, stepsPerCase, (id) => rawStep(rt, user, id));
      if (backend === 'postgres') {
        const perStep = (n: number) => Math.round((n / (10 * stepsPerCase)) * 100) / 100;
        const count = async (stepOne: (id: string) => Promise<void>) => {
          counter.reset();
          await drive(take(10), 1, stepsPerCase, stepOne);
          return { statements: perStep(counter.statements), roundTrips: perStep(counter.roundTrips) };
        };
        const engine = await count((id) => engineStep(rt, user, id));
        const raw = await count((id) => rawStep(rt, user, id));
        result.postgresTraffic = { engineStatementsPerStep: engine.statements, engineRoundTripsPerStep: engine.roundTrips, rawStatementsPerStep: raw.statements, rawRoundTripsPerStep: raw.roundTrips };
        log(`[${backend}] per step: engine ${engine.statements} statements in ${engine.roundTrips} round trips, raw SQL ${raw.statements} statements in ${raw.roundTrips} round trips`);
      }
      for (const concurrency of concurrencies) {
        let engine = 0;
        let raw = 0;
        for (let round = 0; round < rounds; round++) {
          raw = Math.max(raw, steps / (await drive(take(cases), concurrency, stepsPerCase, (id) => rawStep(rt, user, id))));
          engine = Math.max(engine, steps / (await drive(take(cases), concurrency, stepsPerCase, (id) => engineStep(rt, user, id))));
        }
        const entry = { backend, concurrency, engineStepsPerSec: round(engine), rawStepsPerSec: round(raw), ratio: Math.round((engine / raw) * 1000) / 1000 };
        result.entries.push(entry);
        log(`[${backend}] concurrency ${concurrency}: engine ${entry.engineStepsPerSec} steps/s, raw SQL ${entry.rawStepsPerSec} steps/s, ratio ${entry.ratio}`);
      }
      const bpmnIds = await startBpmnInstances(handle.db, cases * 2);
      for (const concurrency of concurrencies) {
        const stepsPerSec = await bpmnStepsPerSecond(handle.db, bpmnIds.splice(0, cases), concurrency);
        const ours = result.entries.find((e) => e.backend === backend && e.concurrency === concurrency)!.engineStepsPerSec;
        result.bpmnEngine.push({ backend, concurrency, stepsPerSec: round(stepsPerSec), ratioToEngine: Math.round((stepsPerSec / ours) * 1000) / 1000 });
        log(`[${backend}] concurrency ${concurrency}: bpmn-engine ${round(stepsPerSec)} steps/s (${Math.round((stepsPerSec / ours) * 100)}% of ours)`);
      }
    } finally {
      await handle.close();
    }
  }
  return result;
}
