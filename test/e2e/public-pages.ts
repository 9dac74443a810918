import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { accessibilityFaults } from './axe.ts';
import { phoneFaults } from './layout.ts';

// What the browser tests check on every public page (axe-core, the phone layout, the language), and a fresh visitor.

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

export type Lang = 'zh-CN' | 'en';

/** Saves the whole page as `test/e2e/screenshots/<name>.png` (ignored by git). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
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
