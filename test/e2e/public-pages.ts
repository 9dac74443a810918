import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { phoneFaults } from './layout.ts';

// What the browser tests check on every public page (axe-core, the phone layout, the language), and a fresh visitor.

/** axe-core's source, put into each page by the test (the page's policy lets no inline script in). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

export type Lang = 'zh-CN' | 'en';

/** Saves the whole page as `test/e2e/screenshots/<name>.png` (ignored by git). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** The serious and critical findings of axe-core (WCAG 2.1 A and AA, and its best practices) on the page now shown. */
async function accessibilityFaults(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Visible texts of an English page holding Chinese outside an element marked `lang="zh-CN"`: a label left untranslated, or data left unmarked. */
async function unmarkedChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const left: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!parent || !/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text)) continue;
      if (parent.closest('[lang]')?.getAttribute('lang')?.startsWith('zh')) continue;
      left.push(text);
    }
    return left;
  });
}

/** What a visitor on this screen would meet wrong: axe's serious findings, sideways scrolling, the wrong language. */
export async function pageFaults(page: Page, lang: Lang): Promise<string[]> {
  const faults = [...(await accessibilityFaults(page)), ...(await phoneFaults(page))];
  const declared = await page.locator('html').getAttribute('lang');
  if (declared !== lang) faults.push(`<html lang="${declared}"> on a ${lang} page`);
  if (lang === 'en') faults.push(...(await unmarkedChinese(page)).map((text) => `unmarked Chinese: ${text}`));
  return faults;
}

/** A fresh browser context at a width and language; what its pages' Content-Security-Policy refused is collected. */
export async function visitor(browser: Browser, width: number, lang: Lang, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: lang, timezoneId: 'Asia/Shanghai', javaScriptEnabled });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return { context, page, refused };
}
