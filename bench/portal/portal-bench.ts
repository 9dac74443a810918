import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { createPortalApp } from '../../portal/portal.tsx';
import { readConfig } from '../../runtime/config.ts';
import { FieldCipher, freshKeyRing } from '../../runtime/crypto/index.ts';
import { queryRows, type Backend } from '../../runtime/db/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';
import { setLogLevel } from '../../runtime/log/index.ts';
import { loadPlugins, readPackages } from '../../runtime/plugins/index.ts';
import type { PostingQuery } from '../../runtime/postings/index.ts';
import { createRuntimeContext } from '../../runtime/startup.ts';
import { openBenchDatabase } from '../bench-database.ts';
import { postingBatches, type PostingLines } from './generate-postings.ts';
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

/** The files of COPY lines, one a table, the same posting on the same line of each. */
type CopyFiles = Record<keyof PostingLines, string>;

/** The postings and their search rows as COPY lines in files, generated once for every backend; returns their size. */
async function writePostings(files: CopyFiles, count: number, now: Date): Promise<number> {
  const outs = { postings: createWriteStream(files.postings), search: createWriteStream(files.search) };
  let written = 0;
  for (const batch of postingBatches(count, now)) {
    for (const part of ['postings', 'search'] as const) if (!outs[part].write(`${batch[part].join('\n')}\n`)) await once(outs[part], 'drain');
    written += batch.postings.length;
    if (written % Math.max(5_000, Math.round(count / 10 / 5_000) * 5_000) === 0 || written === count) process.stderr.write(`  generated ${written.toLocaleString('en')} / ${count.toLocaleString('en')}\n`);
  }
  for (const out of Object.values(outs)) out.end(), await once(out, 'finish');
  return statSync(files.postings).size + statSync(files.search).size;
}

/** The files' lines, `size` postings at a time, read side by side. */
async function* fileBatches(files: CopyFiles, size = 5_000): AsyncGenerator<PostingLines> {
  const lines = (file: string) => createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const search = lines(files.search);
  let batch: PostingLines = { postings: [], search: [] };
  for await (const line of { [Symbol.asyncIterator]: () => lines(files.postings) }) {
    batch.postings.push(line);
    batch.search.push((await search.next()).value as string);
    if (batch.postings.length === size) {
      yield batch;
      batch = { postings: [], search: [] };
    }
  }
  if (batch.postings.length > 0) yield batch;
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
 * once (the projection's own rows and search words), bulk-loaded into each backend, then the
 * searches of {@link portalQueries} through the HTTP apps in process, as a visitor's request goes:
 * the public API (`GET /api/public/postings`, results and every facet's counts) and the search page
 * (`GET /jobs`, another search rendered), after a warm-up, `rounds` times each. Before and after a
 * change: `npm run bench:compare -- <baseline checkout> portal`.
 */
export async function runPortalBench(options: { postgresUrl: string | undefined; postings: number; rounds: number; log: (line: string) => void }) {
  const { postings, rounds, log } = options;
  setLogLevel('warn');
  const now = new Date();
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const files: CopyFiles = { postings: join(dir, 'postings.copy'), search: join(dir, 'search.copy') };
  const results: PortalFigure[] = [];
  const loads: (LoadTiming & { backend: Backend; postings: number })[] = [];
  try {
    let started = performance.now();
    const bytes = await writePostings(files, postings, now);
    const generateSeconds = secondsSince(started);
    log(`portal: generated ${postings.toLocaleString('en')} postings (rows and jieba search words by the projection's postingRow) in ${generateSeconds} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB of COPY text`);
    const backends: Backend[] = options.postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
    for (const backend of backends) {
      const handle = await openBenchDatabase(backend, options.postgresUrl);
      try {
        await handle.migrate();
        const load = await loadPostings(handle, fileBatches(files), postings, backend);
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
        const times = { api: [] as number[], page: [] as number[] };
        const perQuery = portalQueries.map(() => [] as number[]);
        const totals: number[] = [];
        started = performance.now();
        for (let round = 0; round < rounds; round++) {
          for (const [n, query] of portalQueries.entries()) {
            const { ms, body } = await timed(api, apiPath(query));
            times.api.push(ms);
            perQuery[n]!.push(ms);
            totals[n] = (JSON.parse(body) as { total: number }).total;
            // Another search than the one just asked, so that the page does not find its rows in the cache the API request warmed.
            times.page.push((await timed(searchPage, pagePath(portalQueries[(n + portalQueries.length / 2) % portalQueries.length]!))).ms);
          }
        }
        log(`[${backend}] searches measured in ${secondsSince(started)} s`);
        for (const [n, query] of portalQueries.entries()) {
          const one = figure('', backend, perQuery[n]!);
          log(`  ${decodeURIComponent(searchOf(query))}: ${totals[n]} results, API p50 ${one.p50Ms} ms, max ${Math.max(...perQuery[n]!).toFixed(1)} ms`);
        }
        const figures = [figure('portal-search-api', backend, times.api), figure('portal-search-page', backend, times.page)];
        for (const f of figures) log(`[${backend}] ${f.name}: p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, mean ${f.meanMs} ms (${f.samples} searches); target p95 ${TARGET_P95_MS[backend]} ms: ${f.p95Ms <= TARGET_P95_MS[backend] ? 'met' : 'missed'}`);
        results.push(...figures);
      } finally {
        await handle.close();
      }
    }
    return { benchmark: 'portal', postings, rounds, queries: portalQueries.length, generateSeconds, loads, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
