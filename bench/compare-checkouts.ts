import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Before and after on two checkouts, in one session: `npm run bench:compare -- <other checkout>
 * [engine|portal|analytics]` runs that benchmark (engine by default) in the other checkout (the baseline, with
 * its own node_modules) and in this one, alternately `BENCH_ALTERNATIONS` (2) times each, then
 * prints each figure's best on each side and their ratio, and ends with one JSON line. The
 * machine's load changes over minutes; alternating gives both sides the same share of it.
 */
interface EngineEntry {
  backend: string;
  concurrency: number;
  engineStepsPerSec: number;
  rawStepsPerSec: number;
}

interface AnalyticsTiming {
  name: string;
  seconds: number;
}

interface PortalFigure {
  name: string;
  backend: string;
  p50Ms: number;
  p95Ms: number;
}

const [baseline, benchmark = 'engine'] = process.argv.slice(2);
if (!baseline || !['engine', 'portal', 'analytics'].includes(benchmark)) {
  console.error('usage: npm run bench:compare -- <path of the baseline checkout> [engine|portal|analytics]');
  process.exit(2);
}
const sides = { baseline: resolve(baseline), current: resolve(new URL('..', import.meta.url).pathname) };
const alternations = Number(process.env['BENCH_ALTERNATIONS'] ?? 2);

/** One run of the benchmark in a checkout: its lines shown, its last line (one JSON object) returned. */
function runBench(dir: string): Record<string, unknown> {
  const output = execFileSync('npx', ['tsx', 'bench/run.ts', benchmark], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const lines = output.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(`  ${line}`);
  return JSON.parse(lines.at(-1)!) as Record<string, unknown>;
}

const runs: Record<keyof typeof sides, Record<string, unknown>[]> = { baseline: [], current: [] };
for (let i = 0; i < alternations; i++) {
  for (const side of ['baseline', 'current'] as const) {
    console.log(`${side} (${sides[side]}), run ${i + 1} of ${alternations}:`);
    runs[side].push(runBench(sides[side]));
  }
}
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Engine steps/s per backend and concurrency: the best of each side (higher is better). */
function engineComparisons() {
  const entries = (side: keyof typeof sides) => runs[side].flatMap((run) => run['entries'] as EngineEntry[]);
  const best = (side: keyof typeof sides, backend: string, concurrency: number, field: 'engineStepsPerSec' | 'rawStepsPerSec') =>
    Math.max(...entries(side).filter((e) => e.backend === backend && e.concurrency === concurrency).map((e) => e[field]));
  return (runs.current[0]!['entries'] as EngineEntry[]).map(({ backend, concurrency }) => {
    const before = best('baseline', backend, concurrency, 'engineStepsPerSec');
    const after = best('current', backend, concurrency, 'engineStepsPerSec');
    const ratio = round2(after / before);
    const engineToRaw = Math.round((after / best('current', backend, concurrency, 'rawStepsPerSec')) * 1000) / 1000;
    console.log(`${backend} concurrency ${concurrency}: engine steps/s ${before} before, ${after} after: ${ratio}x (engine/raw after ${engineToRaw})`);
    return { backend, concurrency, beforeStepsPerSec: before, afterStepsPerSec: after, ratio, engineToRawAfter: engineToRaw };
  });
}

/** Search p50 and p95 per figure and backend: the best (lowest) of each side, after / before (lower is better). */
function portalComparisons() {
  const figures = (side: keyof typeof sides) => runs[side].flatMap((run) => run['results'] as PortalFigure[]);
  const best = (side: keyof typeof sides, name: string, backend: string, field: 'p50Ms' | 'p95Ms') =>
    Math.min(...figures(side).filter((f) => f.name === name && f.backend === backend).map((f) => f[field]));
  const named = (runs.current[0]!['results'] as PortalFigure[]).filter((f) => figures('baseline').some((b) => b.name === f.name && b.backend === f.backend));
  return named.map(({ name, backend }) => {
    const before = { p50Ms: best('baseline', name, backend, 'p50Ms'), p95Ms: best('baseline', name, backend, 'p95Ms') };
    const after = { p50Ms: best('current', name, backend, 'p50Ms'), p95Ms: best('current', name, backend, 'p95Ms') };
    const ratios = { p50: round2(after.p50Ms / before.p50Ms), p95: round2(after.p95Ms / before.p95Ms) };
    console.log(`${backend} ${name}: p50 ${before.p50Ms} → ${after.p50Ms} ms (${ratios.p50}x), p95 ${before.p95Ms} → ${after.p95Ms} ms (${ratios.p95}x)`);
    return { name, backend, before, after, ratios };
  });
}

/** Seconds per analytics question (on the same kept data set): the best of each side, after / before (lower is better). */
function analyticsComparisons() {
  const timings = (side: keyof typeof sides) => runs[side].flatMap((run) => run['queries'] as AnalyticsTiming[]);
  const best = (side: keyof typeof sides, name: string) => Math.min(...timings(side).filter((q) => q.name === name).map((q) => q.seconds));
  return (runs.current[0]!['queries'] as AnalyticsTiming[]).map(({ name }) => {
    const before = best('baseline', name);
    const after = best('current', name);
    const ratio = round2(after / before);
    console.log(`${name}: ${before.toFixed(3)} s before, ${after.toFixed(3)} s after (${ratio}x)`);
    return { name, beforeSeconds: before, afterSeconds: after, ratio };
  });
}

const comparisons = benchmark === 'engine' ? engineComparisons() : benchmark === 'portal' ? portalComparisons() : analyticsComparisons();
console.log(JSON.stringify({ benchmark: `${benchmark}-compare`, baseline: sides.baseline, alternations, comparisons, runs }));
