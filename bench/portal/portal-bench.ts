import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { createPortalApp } from '../../portal/portal.tsx';
import { readConfig } from '../../runtime/config.ts';
import { FieldCipher, freshKeyRing } from '../../runtime/crypto/index.ts';
import { queryRows, type Backend, type Database } from '../../runtime/db/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';
import { setLogLevel } from '../../runtime/log/index.ts';
import { loadPlugins, readPackages } from '../../runtime/plugins/index.ts';
import type { PostingQuery } from '../../runtime/postings/index.ts';
import { createRuntimeContext } from '../../runtime/startup.ts';
import { openBenchDatabase } from '../bench-database.ts';
import { postingBatches } from './generate-postings.ts';
import { loadPostings, secondsSince, type LoadTiming } from './load-postings.ts';

/** The searches: a two-character keyword and two facets each, as a job seeker narrows a search; two sorted otherwise than by relevance. */
export const portalQueries: readonly PostingQuery[] = [
  { q: '会计', district: '350203', education: '20' },
  { q: '司机', district: '350100', salary: '8k-12k' },
  { q: '电工', district: '350582', employmentForm: 'full-time' },
  { q: '厨师', district: '350200', salary: '5k-8k' },
  { q: '保安', district: '350102', postedWithin: 7 },
  { q: '销售', district: '350500', education: '20' },
  { q: '普工', district: '350583', salary: '5k-8k' },
  { q: '客服', district: '350600', employmentForm: 'full-time' },
  { q: '快递', occupation: '4-02', district: '350200' },
  { q: '护士', industry: 'Q', district: '350100' },
  { q: '会计', district: '350500', salary: '5k-8k', sort: 'date' },
  { q: '司机', district: '350206', education: '70', sort: 'salary' },
];

/** The targets: p95 of a search, facet counts included. */
const TARGET_P95_MS: Record<Backend, number> = { postgres: 100, pglite: 300 };

/** Times the measured rounds switch between the district index before and after migration 0032. */
const ALTERNATIONS = 2;

/** The district index as migration 0025 made it (the default operators: equality only) or as 0032 makes it (pattern operators: a city's prefix too). */
async function districtIndex(db: Database, version: 'before' | 'after'): Promise<void> {
  await db.execute(sql`DROP INDEX public_postings_district_idx`);
  await db.execute(sql.raw(`CREATE INDEX public_postings_district_idx ON public_postings USING btree (district${version === 'after' ? ' text_pattern_ops' : ''})`));
}

/** A query's address parameters. */
const searchOf = (query: PostingQuery) => new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();

/** One measured figure, as the run's last line lists it. */
export interface PortalFigure {
  name: string;
  backend: Backend;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  samples: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

function figure(name: string, backend: Backend, times: number[]): PortalFigure {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, backend, p50Ms: round1(percentile(sorted, 50)), p95Ms: round1(percentile(sorted, 95)), meanMs: round1(times.reduce((a, b) => a + b, 0) / times.length), samples: times.length };
}

/** The postings as COPY lines in a file, generated once for every backend; returns its size. */
async function writePostings(file: string, count: number, now: Date): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  for (const batch of postingBatches(count, now)) {
    if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
    written += batch.length;
    if (written % Math.max(5_000, Math.round(count / 10 / 5_000) * 5_000) === 0 || written === count) process.stderr.write(`  generated ${written.toLocaleString('en')} / ${count.toLocaleString('en')}\n`);
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

/** The file's lines, `size` at a time. */
async function* fileBatches(file: string, size = 5_000): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    batch.push(line);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** One request through an app in process (`app.request`), its time in ms; a non-200 answer fails the run. */
async function timed(app: { request: (path: string) => Response | Promise<Response> }, path: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await app.request(path);
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return { ms, body };
}

/**
 * The public job search on `postings` published postings across Fujian's nine cities: generated
 * once (the projection's own row and search words), bulk-loaded into each backend, then the
 * searches of {@link portalQueries} through the HTTP apps in process, as a visitor's request goes:
 * the public API (`GET /api/public/postings`, results and every facet's counts) and the search page
 * (`GET /jobs`, the same search rendered), after a warm-up, `rounds` times each. The baseline, in
 * the same run: the API with the district index as it was before migration 0032, the two
 * alternating twice so that both see the same load.
 */
export async function runPortalBench(options: { postgresUrl: string | undefined; postings: number; rounds: number; log: (line: string) => void }) {
  const { postings, rounds, log } = options;
  setLogLevel('warn');
  const now = new Date();
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const file = join(dir, 'postings.copy');
  const results: PortalFigure[] = [];
  const loads: (LoadTiming & { backend: Backend; postings: number })[] = [];
  const comparisons: { backend: Backend; p50Ratio: number; p95Ratio: number }[] = [];
  try {
    let started = performance.now();
    const bytes = await writePostings(file, postings, now);
    const generateSeconds = secondsSince(started);
    log(`portal: generated ${postings.toLocaleString('en')} postings (rows and jieba search words by the projection's postingRow) in ${generateSeconds} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB of COPY text`);
    const backends: Backend[] = options.postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
    for (const backend of backends) {
      const handle = await openBenchDatabase(backend, options.postgresUrl);
      try {
        await handle.migrate();
        const load = await loadPostings(handle, fileBatches(file), postings, backend);
        const [count] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM public_postings`);
        log(`[${backend}] loaded ${count?.n.toLocaleString('en')} postings in ${load.totalSeconds} s (COPY ${load.copySeconds} s, indexes ${load.indexSeconds} s, ANALYZE ${load.analyzeSeconds} s)`);
        loads.push({ backend, postings: count?.n ?? 0, ...load });
        const rt = createRuntimeContext({ db: handle.db, backend, registry: loadPlugins(readPackages()), config: readConfig({}), cipher: new FieldCipher(freshKeyRing()), clock: () => now });
        const api = createApiApp(rt);
        const searchPage = createPortalApp(rt);
        const apiPath = (query: PostingQuery) => `/api/public/postings?${searchOf(query)}`;
        const pagePath = (query: PostingQuery) => `/jobs?${searchOf(query)}`;
        started = performance.now();
        for (const query of portalQueries) for (let i = 0; i < 2; i++) await timed(api, apiPath(query)), await timed(searchPage, pagePath(query));
        log(`[${backend}] warm-up: every search twice on each app, ${secondsSince(started)} s`);
        // Before and after the district index of migration 0032, alternately, so that both see the same load.
        const times = { before: [] as number[], after: [] as number[], page: [] as number[] };
        const perQuery = portalQueries.map(() => [] as number[]);
        const totals: number[] = [];
        started = performance.now();
        for (let alternation = 0; alternation < ALTERNATIONS; alternation++) {
          for (const phase of ['before', 'after'] as const) {
            const swapped = performance.now();
            await districtIndex(handle.db, phase);
            log(`[${backend}] ${phase === 'before' ? 'the district index of 0025' : 'the district index of 0032'} in place (${secondsSince(swapped)} s)`);
            for (let round = 0; round < Math.ceil(rounds / ALTERNATIONS); round++) {
              for (const [n, query] of portalQueries.entries()) {
                const { ms, body } = await timed(api, apiPath(query));
                times[phase].push(ms);
                if (phase === 'after') {
                  perQuery[n]!.push(ms);
                  totals[n] = (JSON.parse(body) as { total: number }).total;
                  // Another search than the one just asked, so that the page does not find its rows in the cache the API request warmed.
                  times.page.push((await timed(searchPage, pagePath(portalQueries[(n + portalQueries.length / 2) % portalQueries.length]!))).ms);
                }
              }
            }
          }
        }
        log(`[${backend}] searches measured in ${secondsSince(started)} s`);
        for (const [n, query] of portalQueries.entries()) {
          const one = figure('', backend, perQuery[n]!);
          log(`  ${decodeURIComponent(searchOf(query))}: ${totals[n]} results, API p50 ${one.p50Ms} ms, max ${Math.max(...perQuery[n]!).toFixed(1)} ms`);
        }
        const figures = [figure('portal-search-api', backend, times.after), figure('portal-search-page', backend, times.page), figure('portal-search-api-before-0032', backend, times.before)];
        for (const f of figures) log(`[${backend}] ${f.name}: p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, mean ${f.meanMs} ms (${f.samples} searches)`);
        const [after, , before] = figures as [PortalFigure, PortalFigure, PortalFigure];
        const comparison = { backend, p50Ratio: Math.round((after.p50Ms / before.p50Ms) * 100) / 100, p95Ratio: Math.round((after.p95Ms / before.p95Ms) * 100) / 100 };
        log(`[${backend}] after / before the 0032 index: p50 ${comparison.p50Ratio}, p95 ${comparison.p95Ratio}; target p95 ${TARGET_P95_MS[backend]} ms: ${after.p95Ms <= TARGET_P95_MS[backend] ? 'met' : 'missed'}`);
        results.push(...figures);
        comparisons.push(comparison);
      } finally {
        await handle.close();
      }
    }
    return { benchmark: 'portal', postings, rounds, queries: portalQueries.length, generateSeconds, loads, comparisons, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
