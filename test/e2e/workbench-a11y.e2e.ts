import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityFaults, accessibilityFindings } from './axe.ts';
import { describeInBrowser } from './browser.ts';

// The staff workbench held to the public site's rule: axe-core finds nothing serious or critical on any screen
// of any role's menu, nor in the case page's action form or the flow editor with a state selected; and the
// flow editor's states are reached, selected and read with the keyboard alone.

/** A process every role may read whose flow has several states; only viewed here, never changed. */
const PROCESS = 'unemployment-registration';

/** Requests the page has sent and not yet had answered, and when the last one went or came. */
const traffic = new WeakMap<Page, { open: number; at: number }>();

/** Counts the page's requests from now on, for {@link settled}. */
function watchRequests(page: Page): void {
  if (traffic.has(page)) return;
  const state = { open: 0, at: Date.now() };
  traffic.set(page, state);
  page.on('request', () => {
    state.open += 1;
    state.at = Date.now();
  });
  const answered = () => {
    state.open -= 1;
    state.at = Date.now();
  };
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
}

/**
 * Waits until the screen on show has settled: the tab names it (the route changed), its requests have been
 * answered (a table drawn before its rows came would pass axe unread), nothing in the content says it is
 * loading, and no finite animation (a drawer sliding in, a fading row) is still running, since axe measures
 * colours as they are drawn at that moment.
 */
async function settled(page: Page, title?: string): Promise<void> {
  if (title) await page.waitForFunction((name) => document.title.startsWith(`${name} - `), title);
  const state = traffic.get(page);
  // Quiet for half a second: a screen's second request (its rows after its filters) follows its first at once.
  while (state && (state.open > 0 || Date.now() - state.at < 500)) await page.waitForTimeout(100);
  await page.waitForFunction(() => {
    const busy = document.querySelector('.app-content [aria-busy="true"], .app-content .ant-spin-spinning, .app-content .ant-skeleton-active');
    const moving = document.getAnimations().some((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
    return !busy && !moving;
  });
}

/** The entries of the role's side menu, in order. */
async function menuEntries(page: Page): Promise<string[]> {
  return (await page.getByRole('menu', { name: 'menu' }).getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}

/** The screens a role opens beyond its menu, each ending with the screen to check on show (and what puts the page back after). */
const EXTRAS: Partial<Record<string, { name: string; open: (page: Page) => Promise<void>; close?: (page: Page) => Promise<void> }[]>> = {
  evaluator: [
    {
      // On a phone the wide fund table scrolls sideways in its own region, which the keyboard must reach.
      name: '经费统计 (375 px)',
      open: async (page) => {
        await page.evaluate(() => (window.location.hash = '/funds'));
        await page.setViewportSize({ width: 375, height: 812 });
        await settled(page, '经费统计');
        await page.getByRole('region', { name: '经费统计（可左右滚动）' }).waitFor();
      },
      close: (page) => page.setViewportSize({ width: 1366, height: 768 }),
    },
  ],
  caseworker: [
    {
      name: '办件详情 + 办理表单',
      open: async (page) => {
        await page.getByRole('menuitem', { name: '待办任务' }).click();
        await page.locator('.app-content a[href^="#/cases/"]').first().click();
        await settled(page, '办件详情');
        await page.getByRole('group', { name: '可执行的操作' }).getByRole('button').first().click();
        await page.getByRole('region', { name: '办理', exact: true }).locator('form').waitFor();
      },
    },
  ],
  configurator: [
    {
      name: '流程详情 + 选中环节',
      open: async (page) => {
        await page.evaluate((process) => (window.location.hash = `/config/${process}`), PROCESS);
        await settled(page, '流程详情');
        await page.locator('.config-flow-canvas .react-flow__node').first().waitFor();
        await page.getByRole('list', { name: '环节' }).getByRole('button').nth(1).click();
      },
    },
  ],
};

/** The demo accounts of the six roles (password `demo`). */
const ACCOUNTS = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'auditor'];

describeInBrowser('the staff workbench: axe on every screen of every role, the flow editor by keyboard', (session) => {
  it('the sign-in screen has no serious or critical finding', async () => {
    const { page, baseUrl } = session();
    watchRequests(page);
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').waitFor();
    await settled(page);
    const faults = await accessibilityFaults(page);
    console.log(`axe sign-in: ${faults.length} rules broken`);
    expect(faults).toEqual([]);
  });

  for (const account of ACCOUNTS) {
    it(`${account}: every screen of the menu, and the drawers opened from them, have no serious or critical finding`, { timeout: 180_000 }, async () => {
      const { page, baseUrl } = session();
      page.setDefaultTimeout(20_000);
      watchRequests(page);
      // Whoever the test before left signed in (a failed test does not sign out) is forgotten.
      await page.goto(`${baseUrl}/admin/`);
      await page.evaluate(() => localStorage.clear());
      await session().signIn(account);
      const faults: Record<string, string[]> = {};
      // Elements found per screen, for the log.
      const counts: Record<string, number> = {};
      const check = async (screen: string) => {
        await settled(page);
        const found = await accessibilityFindings(page);
        counts[screen] = found.reduce((sum, finding) => sum + finding.targets.length, 0);
        if (found.length > 0) faults[screen] = found.map((f) => `${f.id} (${f.impact}): ${f.targets.join(', ')}`);
      };
      const entries = await menuEntries(page);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        await page.getByRole('menu', { name: 'menu' }).getByRole('menuitem', { name: entry, exact: true }).click();
        // The pointer leaves the menu: a hovered entry's colours are not the screen's.
        await page.mouse.move(0, 0);
        await settled(page, entry);
        await check(entry);
      }
      for (const extra of EXTRAS[account] ?? []) {
        await extra.open(page);
        await page.mouse.move(0, 0);
        await check(extra.name);
        await extra.close?.(page);
      }
      // The count per screen in the log: the README's figures come from here.
      console.log(`axe ${account}: ${JSON.stringify(counts)}`);
      expect(faults).toEqual({});
    });
  }

  it('configurator: Tab reaches the flow editor’s states, Enter or Space selects one and its details show beside the flow', { timeout: 120_000 }, async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/`);
    await page.evaluate(() => localStorage.clear());
    await session().signIn('configurator');
    await page.evaluate((process) => (window.location.hash = `/config/${process}`), PROCESS);
    const states = page.locator('.config-flow-canvas .react-flow__node');
    // The flow's first layout (elkjs, a lazy chunk) took over 20 s in a clean-clone run while the other worker stood
    // up the national demo's three databases: a wait, not a measure.
    await states.first().waitFor({ timeout: 60_000 });
    const details = page.getByRole('complementary', { name: '详情' });
    // The details' heading: the state's title, then its code.
    const heading = (title: string) => details.getByRole('heading', { level: 4, name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) });
    await details.getByText('点击流程图中的环节或连线').waitFor();

    /**
     * Presses Tab until a state of the flow that is not the selected one has the focus; its name (the state's
     * title) then. The selected state is passed over: a clean-clone run, whose focus went back to the page's top
     * as the canvas redrew, tabbed onto it again and waited for "受理（已选中）" as a title.
     */
    const tabToState = async () => {
      for (let presses = 0; presses < 80; presses += 1) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('aria-label') : null));
        if (name && !name.endsWith('（已选中）')) return name;
      }
      throw new Error('no state of the flow took the focus in 80 presses of Tab');
    };

    const first = await tabToState();
    await page.keyboard.press('Enter');
    await heading(first).waitFor();
    // The state says it is the one selected; the focus stays on it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${first}（已选中）`);

    const second = await tabToState();
    expect(second).not.toBe(first);
    await page.keyboard.press(' ');
    await heading(second).waitFor();
    expect(await heading(first).count()).toBe(0);
  });
});
