import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LaunchedChrome } from 'chrome-launcher';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM } from './browser.ts';
import { audit, describeFigures, launchChromium, storeSignIn, type FormFactor, type LighthouseFigures } from './lighthouse-audit.ts';

/** Where the run's figures go (ignored by git): the README's table is copied from such a file. */
const RESULTS = fileURLToPath(new URL('../../test-results/lighthouse.json', import.meta.url));
/** The desktop preset always; `LIGHTHOUSE_MOBILE=1` adds the default (phone) preset, for the README's mobile figures. */
const FORM_FACTORS: FormFactor[] = process.env['LIGHTHOUSE_MOBILE'] === '1' ? ['desktop', 'mobile'] : ['desktop'];
/** The bar the issue sets for accessibility. Performance is recorded, not asserted: on two shared cores it measures the machine's load as much as the page. */
const ACCESSIBILITY_AT_LEAST = 0.95;

const available = existsSync(CHROMIUM);
if (!available && process.env['E2E_REQUIRE_BROWSER'] === '1') throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

/**
 * Lighthouse (performance, accessibility, best practices, SEO) on the workbench's sign-in page and, signed in as the
 * demo caseworker, its inbox. It drives a chromium of its own through chrome-launcher, against this worker's test
 * server on loopback; the scores and the metrics behind them are printed and written to `test-results/lighthouse.json`.
 */
(available ? describe : describe.skip)('Lighthouse on the workbench', () => {
  const servers = inject('baseUrls');
  const baseUrl = servers[(Number(process.env['VITEST_POOL_ID'] ?? '1') - 1) % servers.length]!;
  const figures: LighthouseFigures[] = [];
  let chrome: LaunchedChrome;

  beforeAll(async () => {
    chrome = await launchChromium();
  });
  afterAll(() => {
    chrome?.kill();
    if (figures.length === 0) return;
    mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  });

  const record = (result: LighthouseFigures) => {
    figures.push(result);
    console.log(`Lighthouse ${describeFigures(result)}`);
    if (result.accessibilityFailures.length > 0) console.log(`  accessibility audits failed: ${result.accessibilityFailures.map((failure) => failure.id).join(', ')}`);
  };

  it('scores the sign-in page at least 0.95 for accessibility', { timeout: 300_000 }, async () => {
    for (const formFactor of FORM_FACTORS) {
      const result = await audit('sign-in', `${baseUrl}/admin/`, chrome.port, formFactor);
      record(result);
      // Lighthouse measured the sign-in form: it asks whether the server runs in demo mode, and no screen's data.
      expect(result.apiCalls).toContain('/api/health');
      expect(result.apiCalls).not.toContain('/api/tasks');
      expect(result.scores.accessibility, JSON.stringify(result.accessibilityFailures)).toBeGreaterThanOrEqual(ACCESSIBILITY_AT_LEAST);
    }
  });

  it("scores the caseworker's inbox at least 0.95 for accessibility", { timeout: 300_000 }, async () => {
    await storeSignIn(chrome.port, baseUrl, 'caseworker');
    for (const formFactor of FORM_FACTORS) {
      const result = await audit('inbox', `${baseUrl}/admin/#/tasks`, chrome.port, formFactor, true);
      record(result);
      // Lighthouse measured the signed-in inbox, not the sign-in form: the page read the user and the tasks.
      expect(result.apiCalls).toEqual(expect.arrayContaining(['/api/auth/me', '/api/tasks']));
      expect(result.scores.accessibility, JSON.stringify(result.accessibilityFailures)).toBeGreaterThanOrEqual(ACCESSIBILITY_AT_LEAST);
    }
  });
});
