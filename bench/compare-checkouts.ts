import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Before and after on two checkouts, in one session: `npm run bench:compare -- <other checkout>`
 * runs the engine benchmark in the other checkout (the baseline, with its own node_modules) and in
 * this one, alternately `BENCH_ALTERNATIONS` (2) times each, then prints, per backend and
 * concurrency, the best engine steps/s of each side and their ratio, and ends with one JSON line.
 * The machine's load changes over minutes; alternating gives both sides the same share of it.
 */
interface Entry {
  backend: string;
  concurrency: number;
  engineStepsPerSec: number;
  rawStepsPerSec: number;
  ratio: number;
}

const baseline = process.argv[2];
if (!baseline) {
  console.error('usage: npm run bench:compare -- <path of the baseline checkout>');
  process.exit(2);
}
const sides = { baseline: resolve(baseline), current: resolve(new URL('..', import.meta.url).pathname) };
const alternations = Number(process.env['BENCH_ALTERNATIONS'] ?? 2);

function runEngineBench(dir: string): Entry[] {
  const output = execFileSync('npx', ['tsx', 'bench/run.ts', 'engine'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const lines = output.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(`  ${line}`);
  return (JSON.parse(lines.at(-1)!) as { entries: Entry[] }).entries;
}

const runs: Record<keyof typeof sides, Entry[][]> = { baseline: [], current: [] };
for (let i = 0; i < alternations; i++) {
  for (const side of ['baseline', 'current'] as const) {
    console.log(`${side} (${sides[side]}), run ${i + 1} of ${alternations}:`);
    runs[side].push(runEngineBench(sides[side]));
  }
}

const best = (side: keyof typeof sides, backend: string, concurrency: number, field: 'engineStepsPerSec' | 'rawStepsPerSec') =>
  Math.max(...runs[side].flat().filter((e) => e.backend === backend && e.concurrency === concurrency).map((e) => e[field]));
const comparisons = runs.current[0]!.map(({ backend, concurrency }) => {
  const before = best('baseline', backend, concurrency, 'engineStepsPerSec');
  const after = best('current', backend, concurrency, 'engineStepsPerSec');
  const ratio = Math.round((after / before) * 100) / 100;
  const engineToRaw = Math.round((after / best('current', backend, concurrency, 'rawStepsPerSec')) * 1000) / 1000;
  console.log(`${backend} concurrency ${concurrency}: engine steps/s ${before} before, ${after} after: ${ratio}x (engine/raw after ${engineToRaw})`);
  return { backend, concurrency, beforeStepsPerSec: before, afterStepsPerSec: after, ratio, engineToRawAfter: engineToRaw, before: runs.baseline.map((run) => run.find((e) => e.backend === backend && e.concurrency === concurrency)), after: runs.current.map((run) => run.find((e) => e.backend === backend && e.concurrency === concurrency)) };
});
console.log(JSON.stringify({ benchmark: 'engine-compare', baseline: sides.baseline, alternations, comparisons }));
