import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.ts';

/** Lighthouse's presets: desktop (no CPU slowdown, cable) and its default, a mid-range phone on slow 4G. */
export type FormFactor = 'desktop' | 'mobile';

/** What one Lighthouse run found on one page: the four category scores (0–1) and the figures behind performance. */
export interface LighthouseFigures {
  page: string;
  url: string;
  formFactor: FormFactor;
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    speedIndexMs: number;
    totalBytes: number;
    /** The scripts' share of `totalBytes`, as transferred (compressed). */
    scriptBytes: number;
    /** The main thread's time compiling and running the page's scripts (Lighthouse's bootup-time). */
    scriptTimeMs: number;
    unusedJavaScriptBytes: number;
  };
  /** The API paths the page called while Lighthouse watched: which screen it measured (the inbox asks for `/api/tasks`). */
  apiCalls: string[];
  /** The accessibility audits that failed, by id and title, so a score below the bar says why. */
  accessibilityFailures: { id: string; title: string }[];
}

/**
 * Debian's chromium, started by chrome-launcher with a debugging port Lighthouse connects to. Headless, no sandbox
 * (the tests run as root), and nothing of Chromium's own traffic (updates, sync, QUIC): the page's server on
 * loopback is the only address it reaches.
 */
export function launchChromium(): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    logLevel: 'silent',
  });
}

/**
 * Puts a caseworker's sign-in into the browser's storage for `baseUrl`'s origin, as the workbench keeps it
 * (`pes.token` in localStorage): the token comes from the API's sign-in (password `demo`), and the page used to store it is
 * `robots.txt`, so none of the workbench's assets is cached before Lighthouse loads them.
 */
export async function storeSignIn(port: number, baseUrl: string, username: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!response.ok) throw new Error(`signing in as ${username} answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${baseUrl}/robots.txt`);
    await page.evaluate((value) => localStorage.setItem('pes.token', value), token);
    await page.close();
  } finally {
    // Disconnects from the browser chrome-launcher started; it keeps running.
    await browser.close();
  }
}

const score = (result: Result, category: string) => result.categories[category]?.score ?? 0;
const numeric = (result: Result, audit: string) => result.audits[audit]?.numericValue ?? Number.NaN;

/**
 * Runs Lighthouse's performance, accessibility, best-practices and SEO categories on `url` in the browser at
 * `port`. With `keepStorage` the origin's storage (a sign-in put there before) is kept; the HTTP cache is then
 * emptied by hand, so the page is still measured as a first visit.
 */
export async function audit(page: string, url: string, port: number, formFactor: FormFactor, keepStorage = false): Promise<LighthouseFigures> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'], disableStorageReset: keepStorage };
  if (keepStorage) await emptyHttpCache(port);
  const run = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  const result = run.lhr;
  if (result.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.runtimeError.code} ${result.runtimeError.message}`);
  const accessibility = result.categories['accessibility']?.auditRefs ?? [];
  return {
    page,
    url,
    formFactor,
    scores: { performance: score(result, 'performance'), accessibility: score(result, 'accessibility'), bestPractices: score(result, 'best-practices'), seo: score(result, 'seo') },
    metrics: {
      firstContentfulPaintMs: Math.round(numeric(result, 'first-contentful-paint')),
      largestContentfulPaintMs: Math.round(numeric(result, 'largest-contentful-paint')),
      totalBlockingTimeMs: Math.round(numeric(result, 'total-blocking-time')),
      cumulativeLayoutShift: Number(numeric(result, 'cumulative-layout-shift').toFixed(3)),
      speedIndexMs: Math.round(numeric(result, 'speed-index')),
      totalBytes: numeric(result, 'total-byte-weight'),
      scriptBytes: ((result.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? []).find((item) => item.resourceType === 'script')?.transferSize ?? 0,
      scriptTimeMs: Math.round(numeric(result, 'bootup-time')),
      unusedJavaScriptBytes: (result.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0,
    },
    apiCalls: ((result.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? [])
      .map((request) => new URL(request.url).pathname)
      .filter((path) => path.startsWith('/api/')),
    accessibilityFailures: accessibility
      .filter((ref) => ref.weight > 0 && result.audits[ref.id]?.score === 0)
      .map((ref) => ({ id: ref.id, title: result.audits[ref.id]!.title })),
  };
}

/** Empties the browser's HTTP cache through the DevTools protocol, as Lighthouse does itself unless told to keep storage. */
async function emptyHttpCache(port: number): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.close();
  }
}

/** One line per run, for the test's output and the README. */
export function describeFigures(figures: LighthouseFigures): string {
  const { scores, metrics } = figures;
  const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
  return (
    `${figures.page} (${figures.formFactor}): performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices}, SEO ${scores.seo}; ` +
    `FCP ${metrics.firstContentfulPaintMs} ms, LCP ${metrics.largestContentfulPaintMs} ms, TBT ${metrics.totalBlockingTimeMs} ms, CLS ${metrics.cumulativeLayoutShift}, ` +
    `${kib(metrics.totalBytes)} in all, ${kib(metrics.scriptBytes)} script (${metrics.scriptTimeMs} ms running), ${kib(metrics.unusedJavaScriptBytes)} unused JavaScript`
  );
}
