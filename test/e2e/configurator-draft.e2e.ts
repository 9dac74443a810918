import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { closeDialog, describeInBrowser } from './browser.ts';
import { openDraft, publishButton, selectState } from './configurator.ts';
import { cards, outsideCards, phoneFaults, untranslated } from './layout.ts';

// Personnel files: a process no other browser test configures, so publishing here changes no other test's screen.
const PERSONNEL_FILE = '人事劳动保障事务代理（人事档案）';

/** The titles in the list of processes, top to bottom. */
async function processTitles(page: Page, list: string): Promise<string[]> {
  const table = page.getByRole('table', { name: list });
  await table.locator('tr.ant-table-row').first().waitFor();
  return table.locator('tr.ant-table-row td:first-child').allTextContents();
}

/** How large the flow's 12 px labels are drawn on screen now: the font size times the canvas's zoom. */
async function labelPixels(page: Page): Promise<number> {
  const viewport = page.locator('.config-flow-canvas:visible .react-flow__viewport');
  const scale = await viewport.evaluate((node) => new DOMMatrixReadOnly(getComputedStyle(node).transform).a);
  return 12 * scale;
}

describeInBrowser('configurator: unsaved drafts, publishing nothing, locked states', (session) => {
  it('lists the processes by their titles, in pinyin order in Chinese', async () => {
    const { page } = session();
    await session().signIn('configurator');
    await page.getByRole('menuitem', { name: '流程配置' }).click();
    const titles = await processTitles(page, '流程配置');
    expect(titles.length).toBeGreaterThan(10);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('zh-CN').compare));
    expect(titles[0]).toBe('创业担保贷款贴息');
  });

  it('asks before leaving a draft with unsaved changes (a link, the menu, reloading the page), and keeps them when told to stay', async () => {
    const { page } = session();
    await openDraft(page, '流程配置', '流程配置', PERSONNEL_FILE, '草稿编辑');
    await selectState(page, '转出审核');
    await page.getByLabel('办理时限（工作日）').fill('4');
    await page.getByRole('button', { name: '修改时限' }).click();
    await page.getByText('有未保存的修改', { exact: true }).waitFor();

    // The page's own back button: asked, and staying keeps the change on the same screen.
    await page.getByRole('button', { name: '返回流程列表' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '草稿有未保存的修改' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '留在此页' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/config\/personnel-file$/);
    await page.getByRole('tab', { name: '调整清单（1）' }).waitFor();

    // Reloading the page gets the browser's question; dismissed, the change is still there.
    const question = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
    void page.reload().catch(() => undefined);
    expect(await question).toBe('beforeunload');
    await page.getByRole('tab', { name: '调整清单（1）' }).waitFor();

    // The menu: asked, and leaving discards the change.
    await page.getByRole('menuitem', { name: '流程配置' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: '放弃修改并离开' }).click();
    await page.getByRole('table', { name: '流程配置' }).waitFor();
    expect(page.url()).toMatch(/#\/config$/);
    // Coming back, the draft is as saved (nothing), and leaving again asks nothing.
    await page.getByRole('table', { name: '流程配置' }).getByRole('link', { name: PERSONNEL_FILE, exact: true }).click();
    await page.getByRole('tab', { name: '草稿编辑' }).click();
    await page.getByRole('tab', { name: '调整清单（0）' }).waitFor();
    await page.getByRole('button', { name: '返回流程列表' }).click();
    await page.getByRole('table', { name: '流程配置' }).waitFor();
    expect(await ask.count()).toBe(0);
  });

  it('offers no publishing of a draft that changes nothing, and none again once a change is published', async () => {
    const { page } = session();
    await page.getByRole('table', { name: '流程配置' }).getByRole('link', { name: PERSONNEL_FILE, exact: true }).click();
    await page.getByRole('tab', { name: '草稿编辑' }).click();
    await page.getByText('草稿与本级生效的版本 1 相同，没有可发布的修改。').waitFor();
    expect(await publishButton(page).isDisabled()).toBe(true);

    await selectState(page, '转出审核');
    await page.getByLabel('办理时限（工作日）').fill('4');
    await page.getByRole('button', { name: '修改时限' }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存，校验未发现问题').waitFor();
    await page.getByText(/^校验通过/).waitFor();
    await expect.poll(() => publishButton(page).isDisabled()).toBe(false);
    await session().confirm(publishButton(page), '发布');
    const published = page.getByRole('dialog').filter({ hasText: /已发布版本 \d+/ });
    await published.waitFor();
    await published.getByRole('button', { name: /确\s*定/ }).click();
    await published.waitFor({ state: 'hidden' });

    // The screen now shows the version it published: nothing left to publish, the button off.
    const unchanged = page.getByText(/^草稿与本级生效的版本 \d+ 相同，没有可发布的修改。$/);
    await unchanged.waitFor();
    await page.getByText('校验通过', { exact: false }).first().waitFor();
    expect(await publishButton(page).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: '版本历史' }).click();
    expect(await page.getByRole('table', { name: '版本历史' }).locator('tr.ant-table-row').count()).toBe(2);
  });

  it('does not offer removing a locked state, and says why', async () => {
    const { page } = session();
    await page.getByRole('button', { name: '返回流程列表' }).click();
    await openDraft(page, '流程配置', '流程配置', '失业登记', '草稿编辑');
    await page.getByRole('tab', { name: '流程调整' }).click();
    const states = page.getByRole('list', { name: '环节' });
    // The flow is drawn no smaller than readable: a flow too large for the canvas is panned, not shrunk.
    await page.locator('.config-flow-canvas:visible').getByText('已登记失业', { exact: true }).waitFor();
    expect(await labelPixels(page)).toBeGreaterThanOrEqual(12);
    await states.getByRole('button', { name: '已锁定 已登记失业' }).click();
    await page.getByText('此环节已被上级锁定，不能删除。', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '删除此环节' }).count()).toBe(0);
    // A state with no lock of its own still offers it (removing the review is refused for what leads to it: configurator-lock.e2e.ts).
    await states.getByRole('button', { name: '审核', exact: true }).click();
    await page.getByRole('button', { name: '删除此环节' }).waitFor();
  });

  it('says the same in English', async () => {
    const { page } = session();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('list', { name: 'States' }).getByRole('button', { name: /Registered unemployed/ }).click();
    await page.getByText('This state is locked by a level above and cannot be removed.', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove this state' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Back to processes' }).click();
    const titles = await processTitles(page, 'Process configuration');
    expect(titles).toEqual([...titles].sort(new Intl.Collator('en').compare));
    await openDraft(page, 'Processes', 'Process configuration', 'Personnel agency: personnel file custody', 'Draft');
    await page.getByText(/^The draft is the version in force here \(version \d+\): there is nothing to publish\.$/).waitFor();
    expect(await publishButton(page).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Flow changes' }).click();
    await page.getByRole('list', { name: 'States' }).getByRole('button', { name: 'Transfer review', exact: true }).click();
    await page.getByLabel('Time limit (working days)').fill('6');
    await page.getByRole('button', { name: 'Set time limit' }).click();
    await page.getByRole('button', { name: 'Back to processes' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: 'The draft has unsaved changes' });
    await ask.waitFor();
    await closeDialog(ask, ask.getByRole('button', { name: 'Discard and leave' }));
    await page.getByRole('table', { name: 'Process configuration' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('lists the processes as cards on a phone (375 px), each inside its card, one opening its process, in English and zh-CN', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
      expect(await cards(page, 'Process configuration')).toBeGreaterThan(10);
      const list = page.getByRole('list', { name: 'Process configuration' });
      expect(await outsideCards(list)).toEqual([]);
      expect(await phoneFaults(page)).toEqual([]);
      // The levels that published a version are named by their units' names.
      expect(await untranslated(list, ['厦门市', '福建省'])).toEqual([]);
      await session().screenshot('processes-en-375');
      await list.getByRole('button', { name: 'Open Unemployment registration' }).click();
      await page.getByRole('heading', { name: 'Unemployment registration' }).waitFor();

      await page.getByRole('banner').getByRole('button', { name: '中文' }).click();
      await page.getByRole('button', { name: '返回流程列表' }).click();
      expect(await cards(page, '流程配置')).toBeGreaterThan(10);
      expect(await outsideCards(page.getByRole('list', { name: '流程配置' }))).toEqual([]);
      expect(await phoneFaults(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
