import { analyticsQuestions, runAnalyticsBench } from './analytics/analytics-bench.ts';
import { runEngineBench } from './engine/engine-bench.ts';
import { runHttpBench } from './http/http-bench.ts';
import { runImportBench } from './import/import-bench.ts';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- engine` runs one. Each prints its
 * figures as it goes and the run ends with one JSON object on the last line (`import` alone: one
 * per measurement and backend, `{name, backend, rows, seconds}`).
 * Settings: DATABASE_URL (adds PostgreSQL), BENCH_CASES (cases per measured run), BENCH_ROUNDS,
 * BENCH_SECONDS and BENCH_CONNECTIONS (each HTTP load's length and connections), BENCH_IMPORT_ROWS
 * (100,000).
 */
const benchmarks = {
  engine: () =>
    runEngineBench({
      postgresUrl: process.env['DATABASE_URL'] || undefined,
      cases: Number(process.env['BENCH_CASES'] ?? 200),
      rounds: Number(process.env['BENCH_ROUNDS'] ?? 2),
      log: (line) => console.log(line),
    }),
  analytics: () =>
    runAnalyticsBench({
      postgresUrl: process.env['DATABASE_URL'] || undefined,
      rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
      questions: analyticsQuestions,
      log: (line) => console.log(line),
    }),
  http: () =>
    runHttpBench({
      postgresUrl: process.env['DATABASE_URL'] || undefined,
      seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
      connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
      log: (line) => console.log(line),
    }),
  import: () =>
    runImportBench({
      postgresUrl: process.env['DATABASE_URL'] || undefined,
      rows: Number(process.env['BENCH_IMPORT_ROWS'] ?? 100_000),
      log: (line) => console.log(line),
    }),
};

type Name = keyof typeof benchmarks;
const requested = process.argv.slice(2).filter((a): a is Name => a in benchmarks);
const unknown = process.argv.slice(2).filter((a) => !(a in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : (Object.keys(benchmarks) as Name[]);
const results: Record<string, unknown> = {};
for (const name of names) results[name] = await benchmarks[name]();
// A benchmark that measures several things alike (import: each step on each backend) ends with one JSON object per line.
const last = names.length === 1 ? results[names[0]!] : results;
for (const line of Array.isArray(last) ? last : [last]) console.log(JSON.stringify(line));
