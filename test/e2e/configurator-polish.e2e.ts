import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { confirmOn, describeInBrowser } from './browser.ts';
import { call, publishButton } from './configurator.ts';

// Labour force survey: no other browser test opens it, so the versions published here change no other test's screen.
const SURVEY = 'labour-survey';

/** Saves an overlay changing one state's time limit and publishes it, as the user `token` belongs to. */
async function publishSla(page: Page, state: string, workingDays: number, token?: string) {
  await call(page, 'PUT', `/processes/${SURVEY}/overlay`, { operations: [{ op: 'setSla', state, workingDays }], parameters: [], locks: [] }, token);
  await call(page, 'POST', `/processes/${SURVEY}/overlay/publish`, undefined, token);
}

/** The menu entry shown as the current one. */
async function highlighted(page: Page): Promise<string> {
  const selected = page.locator('[aria-label="menu"] .ant-menu-item-selected');
  await selected.waitFor();
  return (await selected.textContent()) ?? '';
}

/** Opens a route and waits for the page's own heading. */
async function open(page: Page, route: string) {
  await page.evaluate((hash) => (window.location.hash = hash), route);
}

/** How large the flow's 12 px labels are drawn on screen now: the font size times the canvas's zoom. */
async function labelPixels(page: Page): Promise<number> {
  const viewport = page.locator('.config-flow-canvas:visible .react-flow__viewport');
  const scale = await viewport.evaluate((node) => new DOMMatrixReadOnly(getComputedStyle(node).transform).a);
  return 12 * scale;
}

describeInBrowser('configurator: names instead of codes, versions told apart, the menu, the flow on a phone, process order', (session) => {
  it('labels each level’s version apart (a province’s and a city’s version 2), with who published it and when', async () => {
    const { page } = session();
    await session().signIn('configurator');

    // A city's version and then a province's version: each is the second on its own path (版本 2 twice, before).
    await publishSla(page, 'collected', 6);
    const provincial = await page.evaluate(async () => {
      const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'provincial', password: 'demo' }) });
      return ((await response.json()) as { token: string }).token;
    });
    await publishSla(page, 'assigned', 12, provincial);

    await open(page, `#/config/${SURVEY}`);
    await page.getByRole('heading', { name: '劳动力资源调查' }).waitFor();
    expect(await highlighted(page)).toBe('流程配置');
    await page.getByRole('tab', { name: '版本历史' }).click();
    const versions = page.getByRole('table', { name: '版本历史' });
    await versions.locator('tr.ant-table-row').nth(3).waitFor();
    // Each version's name, without who published it and when (shown beneath it).
    const labels = (await versions.locator('tr.ant-table-row td:first-child').allTextContents()).map((cell) => /^(?:.+? 第\d+版|版本 \d+)/.exec(cell)?.[0] ?? cell);
    expect(labels).toHaveLength(4);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(expect.arrayContaining(['部标 第1版', '福建省 第2版', '厦门市 第2版', '厦门市 第3版']));
    // Each says who published it, and when.
    expect(await versions.locator('tr.ant-table-row td:first-child').filter({ hasText: /^福建省 第2版/ }).textContent()).toContain('省级配置员');
    // The version in force, named with its level, and the differences level by level.
    await page.getByText('现行版本 · 厦门市 第3版', { exact: true }).waitFor();
    await page.getByRole('tab', { name: '差异对比' }).click();
    await page.getByRole('table', { name: '部标 第1版 → 福建省 第2版' }).waitFor();
  });

  it('names actions by what they do, their ids beside in small print, draws the flow no smaller than 12 px, and highlights the section of nested screens', async () => {
    const { page } = session();
    // The flow of unemployment registration: its actions by name, their codes beside in small print.
    await open(page, '#/config/unemployment-registration');
    await page.getByRole('heading', { name: '失业登记' }).waitFor();
    await page.locator('.config-flow-canvas:visible').getByText('已登记失业', { exact: true }).waitFor();
    // The flow is drawn no smaller than 12 px on screen: a flow too large for the canvas is panned, not shrunk.
    expect(await labelPixels(page)).toBeGreaterThanOrEqual(12);
    await page.getByRole('list', { name: /^锁定项/ }).getByRole('button', { name: /审核须与受理分离/ }).click();
    const actions = page.getByRole('list', { name: '动作' });
    await actions.waitFor();
    expect(await actions.getByRole('listitem').allTextContents()).toEqual([
      '更新办理对象状态 setSubject · unemploymentStatus = registered',
      '发放证照：就业创业证 issueCertificate · employment-entrepreneurship',
      '通知协同业务 emit · unemployment.registered',
    ]);
    expect(await page.locator('.config-flow-side').textContent()).not.toContain('setSubject、');

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('list', { name: 'Actions' }).getByText('Issue a certificate: Employment and entrepreneurship certificate', { exact: true }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();

    // The performance board's indicator pages belong to it.
    const indicators = await call<{ items: { id: string }[] }>(page, 'GET', '/indicators');
    await open(page, `#/dashboard/${encodeURIComponent(indicators.items[0]!.id)}`);
    expect(await highlighted(page)).toBe('绩效看板');
  });

  it('shows the flow on a phone as a list of states and their steps, no smaller than 12 px and no wider than the screen', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await open(page, '#/config/unemployment-registration');
      await page.getByRole('tab', { name: '流程图' }).click();
      const flow = page.getByRole('region', { name: '流程图' });
      const states = flow.getByRole('list', { name: '环节与办理步骤' });
      await states.waitFor();
      expect(await flow.locator('.react-flow').count()).toBe(0);
      const review = states.getByRole('listitem').filter({ has: page.locator('.config-flow-list-title', { hasText: /^审核$/ }) });
      expect(await review.textContent()).toContain('审核通过 → 已登记失业');
      expect(await review.textContent()).toContain('审核员 · 失业登记审核岗');
      // A step selects itself: its details show beneath.
      await review.getByRole('button', { name: /审核通过/ }).click();
      await page.getByRole('list', { name: '动作' }).waitFor();
      const smallest = await flow.evaluate((node) => Math.min(...[...node.querySelectorAll('*')].filter((el) => el.textContent?.trim() && el.children.length === 0).map((el) => parseFloat(getComputedStyle(el).fontSize))));
      expect(smallest).toBeGreaterThanOrEqual(12);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('highlights the section of each nested screen for a caseworker, and lists the processes to start in the order of their titles', async () => {
    const { page } = session();
    await page.evaluate(() => localStorage.removeItem('pes.token'));
    await session().signIn('caseworker');
    const cases = await call<{ items: { id: string; subject: { type: string; id: string } | null }[] }>(page, 'GET', '/cases?pageSize=100');
    const person = cases.items.find((item) => item.subject?.type === 'person')!;
    const employer = cases.items.find((item) => item.subject?.type === 'employer');
    await open(page, `#/cases/${person.id}`);
    expect(await highlighted(page)).toBe('业务办件');
    await open(page, `#/persons/${person.subject!.id}`);
    await page.getByRole('heading').first().waitFor();
    expect(await highlighted(page)).toBe('业务办件');
    expect(employer).toBeDefined();
    await open(page, `#/employers/${employer!.subject!.id}`);
    expect(await highlighted(page)).toBe('业务办件');
    await open(page, '#/tasks');
    expect(await highlighted(page)).toBe('待办任务');

    await open(page, '#/cases/new');
    expect(await highlighted(page)).toBe('新办业务');
    const options = page.locator('.start-processes label');
    await options.nth(5).waitFor();
    const zh = await options.allTextContents();
    expect(zh).toEqual([...zh].sort(new Intl.Collator('zh-CN').compare));
    await page.getByRole('button', { name: 'English' }).click();
    await options.getByText('Labour force survey', { exact: true }).waitFor();
    const en = await options.allTextContents();
    expect(en).toEqual([...en].sort(new Intl.Collator('en').compare));
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('names a city its province’s publication updated by the city’s name, not its division code', async () => {
    const { page } = session();
    await page.evaluate(() => localStorage.removeItem('pes.token'));
    await session().signIn('provincial');
    // A saved draft of the province; 厦门市 published its own version in the first test, so it is updated with this one.
    await call(page, 'PUT', `/processes/${SURVEY}/overlay`, { operations: [{ op: 'setSla', state: 'assigned', workingDays: 11 }], parameters: [], locks: [] });
    await open(page, `#/config/${SURVEY}`);
    await page.getByRole('heading', { name: '劳动力资源调查' }).waitFor();
    await page.getByRole('tab', { name: '草稿编辑' }).click();
    await expect.poll(() => publishButton(page).isDisabled()).toBe(false);
    await confirmOn(page, publishButton(page), '发布');
    const published = page.getByRole('dialog').filter({ hasText: /已发布版本 \d+/ });
    await published.getByText(/^下级已随之更新：厦门市 第\d+版$/).waitFor();
    expect(await published.innerText()).not.toContain('350200');
    await published.getByRole('button', { name: /确\s*定/ }).click();
  });
});
