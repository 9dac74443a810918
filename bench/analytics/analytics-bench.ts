import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { supplyDemand } from '../../runtime/analysis/index.ts';
import { permissionsOf, type SessionUser } from '../../runtime/auth/index.ts';
import { readConfig } from '../../runtime/config.ts';
import { FieldCipher, freshKeyRing } from '../../runtime/crypto/index.ts';
import { openPostgres } from '../../runtime/db/index.ts';
import { drillDown, outcomeIndicators, workloadByPost } from '../../runtime/indicators/index.ts';
import { loadPlugins, readPackages } from '../../runtime/plugins/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { seed } from '../../runtime/seed/index.ts';
import { createRuntimeContext } from '../../runtime/startup.ts';
import { generateData, hasData, sizeAt } from './generate-data.ts';

const plugins = readPackages();

/** The database the data set of a scale lives in, kept between runs so it is generated once. */
function databaseOf(scale: number): string {
  return scale === 1 ? 'employment_services_bench' : `employment_services_bench_x${scale}`;
}

/** One timed question: the best of `rounds` runs and every run. */
export interface Timing {
  name: string;
  seconds: number;
  runs: number[];
}

async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const found = await admin`SELECT 1 FROM pg_database WHERE datname = ${database}`;
    if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A ministry-level evaluator: the questions are asked of the whole province. */
const evaluator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'bench-evaluator',
  displayName: '基准评估员',
  role: 'evaluator',
  orgUnit: { id: '000000', name: '人力资源和社会保障部', kind: 'ministry', path: '/000000/', cityCode: null },
  jurisdictionPath: '/000000/',
  posts: [],
  permissions: permissionsOf('evaluator', 'ministry'),
  restriction: null,
};

/**
 * The analytics benchmark: generates the province data set of `scale` on PostgreSQL if absent
 * (scale 1: 1,000,000 persons, 300,000 vacancies, 2,000,000 performance records; scale 10: ten
 * times each, in a database of its own), then times the evaluator's questions, each the best of
 * `rounds` runs.
 */
export async function runAnalyticsBench(options: { postgresUrl: string | undefined; scale: number; rounds: number; questions: (rt: RuntimeContext, user: SessionUser) => Record<string, () => Promise<unknown>>; log: (line: string) => void }) {
  if (!options.postgresUrl) {
    options.log('analytics: skipped, it runs on PostgreSQL (set DATABASE_URL)');
    return { benchmark: 'analytics', skipped: 'DATABASE_URL is not set' };
  }
  const DATABASE = databaseOf(options.scale);
  const SIZE = sizeAt(options.scale);
  const handle = await openPostgres(await ensureDatabase(options.postgresUrl, DATABASE), { max: 4 });
  try {
    await handle.migrate();
    const rt = createRuntimeContext({ db: handle.db, backend: 'postgres', registry: loadPlugins(plugins), config: { ...readConfig({}), mode: 'production' }, cipher: new FieldCipher(freshKeyRing()), clock: () => new Date() });
    if (!(await hasData(handle.db, SIZE))) {
      options.log(`generating the data set (${SIZE.persons} persons, ${SIZE.vacancies} vacancies, ${SIZE.seekers} seekers, ${SIZE.registrations} registrations) in ${DATABASE}…`);
      await seed(rt, { cityCode: '3502' }, () => undefined);
      await generateData(handle.db, SIZE, options.log);
      await handle.db.execute(sql`ANALYZE`);
    }
    const timings: Timing[] = [];
    for (const [name, ask] of Object.entries(options.questions(rt, evaluator))) {
      const runs: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const started = performance.now();
        await ask();
        runs.push(Math.round(performance.now() - started) / 1000);
      }
      const seconds = Math.min(...runs);
      options.log(`${name}: ${seconds.toFixed(3)} s (runs ${runs.map((r) => r.toFixed(3)).join(', ')})`);
      timings.push({ name, seconds, runs });
    }
    return { benchmark: 'analytics', database: DATABASE, scale: options.scale, size: SIZE, queries: timings };
  } finally {
    await handle.close();
  }
}

/** The questions of the issue that exist so far. */
export function analyticsQuestions(rt: RuntimeContext, user: SessionUser): Record<string, () => Promise<unknown>> {
  const year = { orgUnitId: '350000', from: '2026-01-01', to: '2026-12-31' };
  return {
    'on-time rate drill-down, province by city': () => drillDown(rt, user, 'unemployment-registration-on-time-rate', { ...year, by: 'unit' }),
    'on-time rate drill-down, province by post': () => drillDown(rt, user, 'unemployment-registration-on-time-rate', { ...year, by: 'post' }),
    'workload per post, province': () => workloadByPost(rt, user, { ...year, process: 'unemployment-registration' }),
    'outcome indicators, province': () => outcomeIndicators(rt, user, year),
    'supply/demand 2026-Q2, province total': () => supplyDemand(rt, user, { orgUnitId: '350000', quarter: '2026-Q2', by: 'total' }),
    'supply/demand 2026-Q2, province by city': () => supplyDemand(rt, user, { orgUnitId: '350000', quarter: '2026-Q2', by: 'city' }),
    'supply/demand 2026-Q2, province by occupation': () => supplyDemand(rt, user, { orgUnitId: '350000', quarter: '2026-Q2', by: 'occupation' }),
  };
}
