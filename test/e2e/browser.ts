import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';

/** Debian's chromium; never a downloaded browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * A describe block that runs in the browser. Without chromium the block is skipped with a note,
 * unless `E2E_REQUIRE_BROWSER=1` (CI sets it), where a missing browser fails the run.
 */
export function describeInBrowser(name: string, body: (session: () => BrowserSession) => void) {
  const available = existsSync(CHROMIUM);
  if (!available && process.env['E2E_REQUIRE_BROWSER'] === '1') throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!available) console.warn(`skipping browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  (available ? describe : describe.skip)(name, () => {
    let browser: Browser;
    let current: BrowserSession;
    beforeAll(async () => {
      browser = await workerBrowser();
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      current = new BrowserSession(page, workerServer());
      // The page's Content-Security-Policy allows no inline style or script: whatever it refused would be a broken screen.
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) current.policyViolations.push(message.text());
      });
    });
    afterAll(async () => {
      // Every context of this block (its page's, and the ones its tests opened for a second user) goes
      // with it: the next file starts from a browser with none, as from a new one.
      await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
      expect(current?.policyViolations ?? []).toEqual([]);
    });
    body(() => current);
  });
}

let launched: Browser | undefined;

/**
 * The chromium of this worker process, launched by its first file and kept for the next ones (the browser
 * stage runs with `isolate: false`): each file gets fresh contexts (no cookies, storage or cache of another
 * file), without the launch, about a second of processor time, each time. Playwright ends it when the worker
 * exits; one that crashed or was closed is launched again.
 */
async function workerBrowser(): Promise<Browser> {
  if (!launched?.isConnected()) launched = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return launched;
}

/** The server of this worker: files running at the same time each have their own (server-setup.ts). */
function workerServer(): string {
  const servers = inject('baseUrls');
  return servers[(Number(process.env['VITEST_POOL_ID'] ?? '1') - 1) % servers.length]!;
}

/** One signed-in page against the test server. */
export class BrowserSession {
  /** What the browser refused under the page's Content-Security-Policy, as it said so in the console. */
  readonly policyViolations: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the sign-in screen and signs in with a demo account (password `demo`). */
  async signIn(username: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/`);
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill('demo');
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
    await this.page.getByRole('menu').waitFor();
  }

  /**
   * Picks `choice` in the antd select labelled `label` and waits until the select shows it. While its
   * list is still opening, antd can leave a click on an option unanswered (seen under CPU load, about
   * one pick in fifteen, the list left open with nothing chosen); such a pick is made again, three
   * times at most. A choice that never shows fails the test.
   */
  async choose(label: string, choice: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    // The select's own list (another select's may still be closing): the dropdown holding its listbox.
    const list = this.page.locator('.ant-select-dropdown').filter({ has: this.page.locator(`[id="${await input.getAttribute('id')}_list"]`) });
    const shown = this.page.locator('.ant-select').filter({ has: input }).getByText(choice, { exact: true });
    for (let attempt = 1; ; attempt += 1) {
      if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
      await list.getByText(choice, { exact: true }).click();
      try {
        await shown.waitFor({ timeout: 2_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /**
   * Picks a code in the code table picker labelled `label` (a form field with `x-code-table`): types
   * `search` (a name or a code), clicks the result reading `choice` (`名称 (代码)`) and waits until the
   * picker shows it, once more if the first click went unanswered while the list was opening.
   */
  async pickCode(label: string, search: string, choice: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    const picker = this.page.locator('.code-table-picker').filter({ has: input });
    for (let attempt = 1; ; attempt += 1) {
      await input.click();
      await input.fill(search);
      await this.page.locator('.code-table-popup:visible .ant-cascader-menu-item').filter({ hasText: choice }).first().click();
      try {
        await picker.getByText(choice, { exact: true }).first().waitFor({ timeout: 2_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /**
   * Opens the confirmation (an antd Popconfirm) of `trigger`, clicks its button `name` and waits until
   * it closes. A click it answers closes it at once, or first shows the button loading while its action
   * runs. As with {@link choose}, under CPU load a click made while the confirmation is still opening
   * can go unanswered, or the confirmation can close before the click lands (both seen with the unit
   * stage beside the browser stage: a batch's send neither refused nor done); it is opened and clicked
   * again then, three times at most.
   */
  confirm(trigger: Locator, name: string): Promise<void> {
    return confirmOn(this.page, trigger, name);
  }

  /** Saves the screen as `test/e2e/screenshots/<name>.png` (ignored by git; some are copied to docs/); `fullPage` takes the whole scrolled page. */
  async screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(screenshots, { recursive: true });
    await this.page.screenshot({ path: `${screenshots}${name}.png`, fullPage: options.fullPage ?? false });
  }
}

/** {@link BrowserSession.confirm} for a helper that holds only the page. */
export async function confirmOn(page: Page, trigger: Locator, name: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  const answered = async () => (await popup.count()) === 0 || (await popup.locator('.ant-btn-loading').count()) > 0;
  for (let attempt = 1; ; attempt += 1) {
    if ((await popup.count()) === 0) {
      // A confirmation answered after the wait below (seen on a loaded machine: the publish ran, the
      // confirmation closed late and its button was disabled, nothing left to publish; a sent batch's
      // button is gone) is not asked again.
      if (attempt > 1 && !(await trigger.isEnabled({ timeout: 1_000 }).catch(() => false))) break;
      await trigger.click();
    }
    const clicked = await popup
      .getByRole('button', { name })
      .click({ timeout: 5_000 })
      .then(() => true, () => false);
    if (clicked) {
      const until = Date.now() + 5_000;
      while (!(await answered()) && Date.now() < until) await page.waitForTimeout(100);
      if (await answered()) break;
    }
    if (attempt === 3) throw new Error(`the confirmation's ${name} went unanswered three times`);
  }
  await popup.waitFor({ state: 'hidden' });
}

/**
 * Clicks `button` until `target` is in `state` (shown, or gone), three clicks at most. Under CPU load a click
 * made while antd's opening animation runs can go unanswered (seen in clean-clone runs: the migration's
 * confirmation and the import's drawer stayed open for 30 s, the unsaved-draft question too, and a dialog's
 * button that should have said what the form lacked); so a click that may be made again without harm
 * (closing, asking what a form lacks) is made again.
 */
export async function clickUntil(button: Locator, target: Locator, state: 'visible' | 'hidden'): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await button.click({ timeout: 5_000 }).catch(() => undefined);
    const reached = await target.waitFor({ state, timeout: 5_000 }).then(() => true, () => false);
    if (reached) return;
    if (attempt === 3) throw new Error(state === 'hidden' ? 'the dialog stayed open after three clicks' : 'what the click should show did not, after three clicks');
  }
}

/** Clicks `button`, which closes `dialog` (a modal's cancel, a confirmation that leaves the screen, a drawer's close), until it has closed ({@link clickUntil}). */
export function closeDialog(dialog: Locator, button: Locator): Promise<void> {
  return clickUntil(button, dialog, 'hidden');
}
