import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';

/** Calls the API as a demo account, outside the page. */
async function asUser(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown> & { id: string; caseNo: string; version: number };
  };
}

/** An unemployment registration submitted by the generalist window: a new task at the review post. */
async function submittedRegistration(baseUrl: string): Promise<{ id: string; caseNo: string }> {
  const caseworker = await asUser(baseUrl, 'caseworker');
  // A sequence of its own per run (odd: a man, as the form's retirement category says).
  const sequence = String((Date.now() % 450) * 2 + 101).padStart(3, '0');
  const person = await caseworker('POST', '/persons', { idNumber: citizenId('350206', '19880817', sequence), name: '周立新', phone: '13912340099' });
  const opened = await caseworker('POST', '/cases', { processId: 'unemployment-registration', subjectId: person.id });
  await caseworker('POST', `/cases/${opened.id}/events`, { type: 'submit', data: registrationForm(), version: opened.version });
  return { id: opened.id, caseNo: opened.caseNo };
}

/** The bell's button, whatever its count. */
const bell = (page: Page, name: RegExp) => page.getByRole('button', { name });

/** Whether the open drawer's content fits its width: nothing in it scrolls sideways. (The page behind is the phone-width part's.) */
async function drawerFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const body = document.querySelector('.notification-drawer .ant-drawer-body');
    return body !== null && body.scrollWidth <= body.clientWidth;
  });
}

describeInBrowser('notifications in the workbench', (session) => {
  it('shows the reviewer a new task on the bell, opens its case and marks it read, at 1366 and 375 px, in zh-CN and English', async () => {
    const { page, baseUrl } = session();
    const submitted = await submittedRegistration(baseUrl);
    await session().signIn('reviewer');

    const unread = bell(page, /^通知（(\d+) 条未读）$/);
    await unread.waitFor();
    const count = async () => Number(/(\d+)/.exec((await page.getByRole('button', { name: /^(通知|Notifications)/ }).getAttribute('aria-label'))!)?.[1] ?? 0);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await unread.click();
    // The drawer, titled 通知.
    const drawer = page.locator('.notification-drawer').filter({ has: page.getByText('通知', { exact: true }) });
    const item = drawer.getByRole('button', { name: `打开办件 ${submitted.caseNo}` });
    await item.waitFor();
    await item.getByText('新待办').waitFor();
    await item.getByText('未读').waitFor();
    await item.getByText('失业登记').first().waitFor();
    await drawer.getByText(/^新待办 \d+$/).waitFor();
    await session().screenshot('notifications-1366-zh');

    await item.click();
    await page.waitForURL(`**/#/cases/${submitted.id}`);
    await expect.poll(count).toBe(before - 1);

    // English: the same list, the case read now; marking all read empties the badge.
    await page.getByRole('button', { name: 'English' }).click();
    await bell(page, /^Notifications \(\d+ unread\)$/).click();
    const english = page.locator('.notification-drawer').filter({ has: page.getByText('Notifications', { exact: true }) });
    const read = english.getByRole('button', { name: `Open case ${submitted.caseNo}` });
    await read.getByText('New task').waitFor();
    expect(await read.getByText('Unread').count()).toBe(0);
    await english.getByRole('button', { name: 'Mark all read' }).click();
    await bell(page, /^Notifications$/).waitFor();
    expect(await english.getByText('Unread').count()).toBe(0);
    await session().screenshot('notifications-1366-en');
    await english.getByRole('button', { name: 'Close' }).click();

    // A phone: the bell is on screen and the drawer, once slid in, fits the screen, in both languages.
    for (const [language, name, open] of [
      ['English', /^Notifications$/, `Open case ${submitted.caseNo}`],
      ['中文', /^通知$/, `打开办件 ${submitted.caseNo}`],
    ] as const) {
      if (language === '中文') {
        // The language switch sits past a phone's edge until the phone-width part lays the header out: switch it at 1366.
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.getByRole('button', { name: '中文' }).click();
      }
      await page.setViewportSize({ width: 375, height: 740 });
      const button = bell(page, name);
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      await button.click();
      const panel = page.locator('.notification-drawer');
      await panel.getByRole('button', { name: open }).waitFor();
      await expect.poll(async () => { const b = (await panel.boundingBox())!; return [Math.round(b.x), Math.round(b.x + b.width)]; }).toEqual([0, 375]);
      expect(await drawerFits(page)).toBe(true);
      await session().screenshot(`notifications-375-${language === '中文' ? 'zh' : 'en'}`);
      await panel.getByRole('button', { name: /^(Close|关闭)$/ }).click();
      await panel.waitFor({ state: 'hidden' });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
