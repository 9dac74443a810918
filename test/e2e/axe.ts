import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core in the browser tests: the public site's pages and the staff workbench's screens are held to the same rules.

/** axe-core's source, put into each page by the test (the pages' policy lets no inline script in). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** A rule axe-core found broken, how badly, and where (each element's selector). */
export interface Finding {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * The serious and critical findings of axe-core on the page now shown. axe's default rule set is run: WCAG 2.0
 * and 2.1 A and AA, and its best practices.
 */
export async function accessibilityFindings(page: Page): Promise<Finding[]> {
  // Put in once per document: a page that navigated within the app keeps it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')) }));
}

/** {@link accessibilityFindings} one line each: the rule, its impact and the elements it found. */
export async function accessibilityFaults(page: Page): Promise<string[]> {
  return (await accessibilityFindings(page)).map((f) => `${f.id} (${f.impact}): ${f.targets.join(', ')}`);
}
