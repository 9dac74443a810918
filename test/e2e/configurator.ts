import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { confirmOn } from './browser.ts';

/** Opens a process's draft editor from the list of processes. */
export async function openDraft(page: Page, menu: string, list: string, process: string, draftTab: string) {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('table', { name: list }).getByRole('link', { name: process, exact: true }).click();
  await page.getByRole('heading', { name: process }).waitFor();
  await page.getByRole('tab', { name: draftTab }).click();
}

/**
 * Opens the draft's 流程调整 tab and selects a state in its list. The tab is clicked again when the
 * list does not show the state within 5 s (in one clean-clone run of the whole browser stage the
 * list never came for 30 s after the click), three times at most, as `choose` picks again.
 */
export async function selectState(page: Page, state: string) {
  const button = page.getByRole('list', { name: '环节' }).getByRole('button', { name: state, exact: true });
  for (let attempt = 1; ; attempt += 1) {
    await page.getByRole('tab', { name: '流程调整' }).click();
    try {
      await button.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await button.click();
}

/** The draft editor's publish button, in either language. */
export const publishButton = (page: Page) => page.getByRole('button', { name: /^(发\s*布|Publish)$/ });

/** Calls the API from the page: with the signed-in user's token, or with `token`. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, token }) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token ?? localStorage.getItem('pes.token')}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<T>;
    },
    { method, path, body, token },
  );
}

/** Saves the open draft, publishes it and closes the confirmation; returns the version published. */
export async function saveAndPublish(page: Page): Promise<number> {
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存，校验未发现问题').waitFor();
  await page.getByText(/^校验通过/).waitFor();
  await expect.poll(() => publishButton(page).isDisabled()).toBe(false);
  await confirmOn(page, publishButton(page), '发布');
  const published = page.getByRole('dialog').filter({ hasText: /已发布版本 \d+/ });
  await published.waitFor();
  const version = Number(/已发布版本 (\d+)/.exec(await published.innerText())![1]);
  await published.getByRole('button', { name: /确\s*定/ }).click();
  await published.waitFor({ state: 'detached' });
  return version;
}
