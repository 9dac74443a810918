import type { Page } from 'playwright-core';

/** Opens a process's draft editor from the list of processes. */
export async function openDraft(page: Page, menu: string, list: string, process: string, draftTab: string) {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('table', { name: list }).getByRole('link', { name: process, exact: true }).click();
  await page.getByRole('heading', { name: process }).waitFor();
  await page.getByRole('tab', { name: draftTab }).click();
}

/** The draft editor's publish button, in either language. */
export const publishButton = (page: Page) => page.getByRole('button', { name: /^(发\s*布|Publish)$/ });
