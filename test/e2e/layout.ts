import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The cells of a table squeezed too narrow for their text: a header that wraps (more line boxes
 * than one), or a body text that wraps at fewer than three characters a line
 * (the one-character-per-line column). Each is named by its text, for the failure message. The body's
 * row headers count as body cells: the labels of a description list (antd's Descriptions) stand there.
 */
export async function crampedCells(table: Locator): Promise<string[]> {
  return table.evaluate((element) => {
    const lines = (node: Text) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
    };
    const textsOf = (cell: Element) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const found: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node.textContent ?? '').trim().length > 0) found.push(node as Text);
      return found;
    };
    const cramped: string[] = [];
    for (const cell of element.querySelectorAll('thead th')) {
      for (const text of textsOf(cell)) if (lines(text) > 1) cramped.push(`header ${text.textContent!.trim()}`);
    }
    for (const cell of element.querySelectorAll('tbody td, tbody th')) {
      for (const text of textsOf(cell)) {
        const count = lines(text);
        if (count > 1 && [...text.textContent!.trim()].length / count < 3) cramped.push(`cell ${text.textContent!.trim()}`);
      }
    }
    return cramped;
  });
}

/**
 * The screens a finding is tried on in the browser: each width and each language once, paired as
 * people meet them (zh-CN at a desktop's 1366 px, English on a 375 px phone), rather than all four
 * pairings, each of which costs the browser stage a sign-in and a full walk.
 */
export const SCREENS = [
  { width: 1366, locale: 'zh-CN' },
  { width: 375, locale: 'en' },
] as const;

/**
 * What would make the screen now shown fail a phone user (the measures issue 16 found at 375 px):
 * a page that scrolls sideways, and a cell of three characters or more squeezed narrower than
 * three characters (the inbox wrapped them one a line).
 */
export async function phoneFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) faults.push(`the page scrolls sideways: ${root.scrollWidth} px wide in ${root.clientWidth}`);
    for (const cell of document.querySelectorAll<HTMLElement>('td, th, dd')) {
      const text = cell.innerText.trim();
      const width = cell.getBoundingClientRect().width;
      const fontSize = Number.parseFloat(getComputedStyle(cell).fontSize);
      if (width > 0 && [...text].length >= 3 && width < 3 * fontSize) faults.push(`a cell ${Math.round(width)} px wide for "${text.slice(0, 20)}"`);
    }
    return faults;
  });
}

/**
 * The texts of `area` (a screen's part, shown in English) still holding Chinese characters once the
 * `data` it shows is taken out (people's and places' names, code names of the national tables, what
 * users wrote): a label left untranslated, or Chinese punctuation around English words.
 */
export async function untranslated(area: Locator, data: readonly string[]): Promise<string[]> {
  return area.evaluate((element, names) => {
    // Han characters, and the CJK and full-width punctuation (。，：（）) around them.
    const chinese = (text: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(names.reduce((rest, name) => rest.replaceAll(name, ''), text));
    const left: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (node.parentElement?.checkVisibility() && chinese(text)) left.push(text);
    }
    for (const named of element.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title]')) {
      if (!named.checkVisibility()) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = named.getAttribute(attribute) ?? '';
        if (chinese(value)) left.push(`${attribute}="${value}"`);
      }
    }
    return left;
  }, data);
}

/**
 * The texts of `area` laid out past the left or right edge of the card holding them (an antd card, or a
 * list's row card): pushed out of the page, or out of sight in a box scrolling inside the card (the
 * person page's values beside long English labels), each named with where it lies and where its card does.
 */
export async function outsideCards(area: Locator): Promise<string[]> {
  return area.evaluate((element) => {
    const outside: string[] = [];
    for (const card of element.querySelectorAll<HTMLElement>('.ant-card, .row-card')) {
      const edges = card.getBoundingClientRect();
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        if (text.length === 0 || !node.parentElement?.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.left < edges.left - 0.5 || box.right > edges.right + 0.5) {
          outside.push(`"${text.slice(0, 30)}" at ${Math.round(box.left)}..${Math.round(box.right)} px, its card at ${Math.round(edges.left)}..${Math.round(edges.right)}`);
        }
      }
    }
    return outside;
  });
}

/** The cards of the list named `name` (the phone's form of a table), once it shows some; no table of that name is left. */
export async function cards(page: Page, name: string): Promise<number> {
  const list = page.getByRole('list', { name });
  await list.getByRole('listitem').first().waitFor();
  expect(await page.getByRole('table', { name }).count()).toBe(0);
  return list.getByRole('listitem').count();
}
