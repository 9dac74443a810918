import { analyticsQuestions, runAnalyticsBench } from './analytics/analytics-bench.ts';
import { runEngineBench } from './engine/engine-bench.ts';
import { runHttpBench } from './http/http-bench.ts';
import { runImportBench } from './import/import-bench.ts';
import { runPortalBench } from './portal/portal-bench.ts';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- engine` runs one. Each prints its
 * figures as it goes and the run ends with one JSON object on the last line (`import` alone: one
 * per measurement and backend, `{name, backend, rows, seconds}`).
 * Settings: DATABASE_URL (adds PostgreSQL), BENCH_CASES (cases per measured run), BENCH_ROUNDS,
 * BENCH_SECONDS and BENCH_CONNECTIONS (each HTTP load's length and connections), BENCH_IMPORT_ROWS
 * (100,000), BENCH_POSTINGS or `--postings N` (300,000) and BENCH_SEARCH_ROUNDS (8) for `portal`,
 * `--scale N` for `analytics` (1: 1,000,000 persons; 10: 10,000,000, in a database of its own).
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
      scale: Number(option('--scale') ?? 1),
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
  portal: () =>
    runPortalBench({
      postgresUrl: process.env['DATABASE_URL'] || undefined,
      postings: Number(option('--postings') ?? process.env['BENCH_POSTINGS'] ?? 300_000),
      rounds: Number(process.env['BENCH_SEARCH_ROUNDS'] ?? 8),
      log: (line) => console.log(line),
    }),
};

/** Options given as `--name value` (`--postings`, `--scale`), and the arguments left: the benchmarks' names. */
const options = ['--postings', '--scale'];
// A `--` (from `npm run bench -- analytics -- --scale 10`) separates nothing here.
const args = process.argv.slice(2).filter((a, i, all) => a !== '--' && !options.includes(a) && !options.includes(all[i - 1] ?? ''));
function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

type Name = keyof typeof benchmarks;
const requested = args.filter((a): a is Name => a in benchmarks);
const unknown = args.filter((a) => !(a in benchmarks));
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
