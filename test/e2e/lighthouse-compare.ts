import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, describeFigures, launchChromium, storeSignIn, type LighthouseFigures } from './lighthouse-audit.ts';
import { startServer } from './server-setup.ts';

/**
 * Two or more builds of the workbench measured in one session, taking turns: `npx tsx test/e2e/lighthouse-compare.ts
 * main=/tmp/ui-main mine=/tmp/ui-mine [rounds]` serves each build from a server of its own (its own PGlite, demo
 * data), then per round audits every build's sign-in page and inbox (desktop preset) with the helpers of
 * lighthouse.e2e.ts, alternately, printing each run with the load average beside it, and ends with each build's
 * median. On two shared cores the load moves over minutes: alternating gives every build the same share of it.
 */
const args = process.argv.slice(2);
const builds = args.filter((arg) => arg.includes('=')).map((arg) => ({ name: arg.slice(0, arg.indexOf('=')), dir: arg.slice(arg.indexOf('=') + 1) }));
const rounds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 3);
if (builds.length < 2) {
  console.error('usage: npx tsx test/e2e/lighthouse-compare.ts NAME=UI_DIR NAME=UI_DIR [rounds]');
  process.exit(2);
}

interface Run {
  build: string;
  load: number;
  figures: LighthouseFigures;
}

// The server rebuilds a UI older than this checkout's sources (runtime/admin-ui-build.ts): a build of another
// checkout would be replaced by this one's. Each build is dated now, and each server checked to serve its own.
for (const build of builds) utimesSync(join(build.dir, 'index.html'), new Date(), new Date());
const work = mkdtempSync(join(tmpdir(), 'pes-lighthouse-'));
const servers = await Promise.all(builds.map((build, n) => startServer(build.dir, join(work, `pglite-${n + 1}`))));
const entryScript = (html: string) => /src="[^"]*\/(index-[^"]+\.js)"/.exec(html)?.[1];
const chrome = await launchChromium();
const runs: Run[] = [];
try {
  for (const [n, server] of servers.entries()) {
    const served = entryScript(await (await fetch(`${server.baseUrl}/admin/`)).text());
    const built = entryScript(readFileSync(join(builds[n]!.dir, 'index.html'), 'utf8'));
    if (!built || served !== built) throw new Error(`${builds[n]!.name}: the server sends ${served}, the build in ${builds[n]!.dir} has ${built}`);
  }
  for (const [n, server] of servers.entries()) await storeSignIn(chrome.port, server.baseUrl, 'caseworker').then(() => console.log(`${builds[n]!.name}: ${server.baseUrl}`));
  for (let round = 1; round <= rounds; round++) {
    // The order turns each round, so no build is always measured first.
    const order = builds.map((_, n) => (n + round) % builds.length);
    for (const n of order) {
      // The sign-in is kept in 127.0.0.1's storage: the sign-in page is the same server under another origin (localhost), where nobody is signed in.
      const signInPage = `${servers[n]!.baseUrl.replace('127.0.0.1', 'localhost')}/admin/`;
      for (const [page, url, keepStorage] of [['sign-in', signInPage, false], ['inbox', `${servers[n]!.baseUrl}/admin/#/tasks`, true]] as const) {
        // On a loaded machine Lighthouse now and then loses the trace (NO_NAVSTART): such a run is said and skipped.
        const figures = await audit(page, url, chrome.port, 'desktop', keepStorage).catch((error: unknown) => console.log(`round ${round}, ${builds[n]!.name}, ${page}: ${String(error)}`));
        if (!figures) continue;
        const load = loadavg()[0]!;
        runs.push({ build: builds[n]!.name, load, figures });
        console.log(`round ${round}, ${builds[n]!.name}, load ${load.toFixed(2)}: ${describeFigures(figures)}`);
      }
    }
  }
} finally {
  chrome.kill();
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(work, { recursive: true, force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
console.log('medians:');
for (const page of ['sign-in', 'inbox']) {
  for (const build of builds) {
    const mine = runs.filter((run) => run.build === build.name && run.figures.page === page);
    const of = (pick: (figures: LighthouseFigures) => number) => median(mine.map((run) => pick(run.figures)));
    console.log(
      `  ${page}, ${build.name} (${mine.length} runs, performance ${mine.map((run) => run.figures.scores.performance).join(' ')}): performance ${of((f) => f.scores.performance)}, ` +
        `TBT ${of((f) => f.metrics.totalBlockingTimeMs)} ms, LCP ${of((f) => f.metrics.largestContentfulPaintMs)} ms, FCP ${of((f) => f.metrics.firstContentfulPaintMs)} ms, ` +
        `script ${Math.round(of((f) => f.metrics.scriptBytes) / 1024)} KiB (${of((f) => f.metrics.scriptTimeMs)} ms running), load ${median(mine.map((run) => run.load)).toFixed(2)}`,
    );
  }
}
console.log(JSON.stringify(runs));
