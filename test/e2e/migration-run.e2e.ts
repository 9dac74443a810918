import { expect, it } from 'vitest';
import { closeDialog, confirmOn, describeInBrowser } from './browser.ts';
import { openDraft, publishButton } from './configurator.ts';
import { phoneFaults, untranslated } from './layout.ts';

// Vocational guidance: a process no other browser test configures (configurator-polish publishes the labour
// survey's versions; two files may share a server), with running demo cases in Xiamen.
const GUIDANCE = '职业指导';

describeInBrowser('running a migration after its dry run', (session) => {
  it('the city configurator publishes a version, dry-runs the migration, confirms how many cases move where, and sees them moved', async () => {
    const { page } = session();
    await session().signIn('configurator');
    await openDraft(page, '流程配置', '流程配置', GUIDANCE, '草稿编辑');

    // Before anything is published, the dry run finds nothing to move and offers no run.
    await page.getByRole('tab', { name: '回放与迁移' }).click();
    await page.getByRole('button', { name: '预演迁移' }).click();
    await page.getByRole('table', { name: '在办业务迁移' }).getByText('没有需要迁移的在办业务').waitFor();
    expect(await page.getByRole('button', { name: '执行迁移' }).count()).toBe(0);

    // A longer time limit for the intake, published as the city's version.
    await page.getByRole('tab', { name: '流程调整' }).click();
    await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '受理职业指导申请', exact: true }).click();
    await page.getByLabel('办理时限（工作日）').fill('7');
    await page.getByRole('button', { name: '修改时限' }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存，校验未发现问题').waitFor();
    await expect.poll(() => publishButton(page).isDisabled()).toBe(false);
    await confirmOn(page, publishButton(page), '发布');
    const published = page.getByRole('dialog').filter({ hasText: /已发布版本 \d+/ });
    await published.waitFor();
    const version = /已发布版本 (\d+)/.exec(await published.innerText())![1]!;
    // A click while the dialog still animates in can be lost on busy cores (a clean-clone run kept it open 30 s).
    await closeDialog(published, published.getByRole('button', { name: /确\s*定/ }));

    // The dry run lists the running guidance cases, each able to move onto the new version.
    await page.getByRole('tab', { name: '回放与迁移' }).click();
    await page.getByRole('button', { name: '预演迁移' }).click();
    const dryRun = page.getByRole('table', { name: '在办业务迁移' });
    await dryRun.locator('tr.ant-table-row').first().waitFor();
    const rows = await dryRun.locator('tr.ant-table-row').count();
    expect(rows).toBeGreaterThan(0);
    expect(await dryRun.getByText('可迁移', { exact: true }).count()).toBe(rows);
    expect(await dryRun.getByText(`→ v${version}`).count()).toBe(rows);
    const caseNos = await dryRun.locator('tr.ant-table-row td:first-child').allInnerTexts();

    // The run asks first, naming how many cases move and onto which version; cancelled, nothing moves.
    await page.getByRole('button', { name: '执行迁移' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '执行在办业务迁移' });
    await confirm.getByText(`将把 ${rows} 件在办业务迁移到版本 ${version}`, { exact: false }).waitFor();
    await closeDialog(confirm, confirm.getByRole('button', { name: /取\s*消/ }));

    // Run on a phone (375 px) in English: the dry run's cases as cards, the confirmation on the screen.
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 375, height: 812 });
    const panel = page.getByRole('tabpanel', { name: 'Replay and migration' });
    const cards = panel.getByRole('list', { name: 'Migrating running cases' });
    // The cards replace the table when the page has re-rendered at the new width: wait for them before counting
    // (a clean-clone run counted 0 in the moment between).
    await cards.getByRole('listitem').nth(rows - 1).waitFor();
    expect(await cards.getByRole('listitem').count()).toBe(rows);
    expect(await cards.getByText('Can move', { exact: true }).count()).toBe(rows);
    expect(await untranslated(panel, [])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Run the migration' }).click();
    const englishConfirm = page.getByRole('dialog').filter({ hasText: 'Run the migration of running cases' });
    await englishConfirm.getByText(`${rows} running cases will move onto version ${version}`, { exact: false }).waitFor();
    const dialogBox = (await englishConfirm.boundingBox())!;
    expect([dialogBox.x >= 0, dialogBox.x + dialogBox.width <= 375]).toEqual([true, true]);
    await englishConfirm.getByRole('button', { name: 'Run the migration' }).click();
    await page.getByRole('status').filter({ hasText: `Moved ${rows} cases onto version ${version}; 0 did not move` }).waitFor();
    expect(await panel.getByRole('list', { name: 'Migration result' }).getByText('Moved', { exact: true }).count()).toBe(rows);
    expect(await phoneFaults(page)).toEqual([]);
    await session().screenshot('phone-migration-run');

    // The result on the desktop in zh-CN: every case the dry run promised moved, none refused, and the run is not offered again.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('status').filter({ hasText: `已迁移 ${rows} 件到版本 ${version}；0 件未迁移` }).waitFor();
    const result = page.getByRole('table', { name: '迁移结果' });
    expect(await result.locator('tr.ant-table-row td:first-child').allInnerTexts()).toEqual(caseNos);
    expect(await result.getByText('已迁移', { exact: true }).count()).toBe(rows);
    expect(await page.getByRole('alert').filter({ hasText: '与预演不同' }).count()).toBe(0);
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: '执行迁移' }).count()).toBe(0);

    // A new dry run finds them all on the version in force; in English too.
    await page.getByRole('button', { name: '预演迁移' }).click();
    await page.getByRole('table', { name: '在办业务迁移' }).getByText('没有需要迁移的在办业务').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('table', { name: 'Migrating running cases' }).getByText('No running case needs to move').waitFor();
    expect(await page.getByRole('button', { name: 'Run the migration' }).count()).toBe(0);
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('a caseworker imports a reconciliation file and, after reloading, opens its unmatched lines from the list of past imports', async () => {
    const { page } = session();
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('caseworker');
    await page.getByRole('menuitem', { name: '资金发放' }).click();
    await page.getByRole('heading', { name: '资金发放', level: 2 }).waitFor();

    // A file matching nothing: one line names no payment of ours, one is not a reconciliation line.
    const content = ['payment_no,id_number,amount_fen,result,bank_reference,message', 'NO-SUCH-E2E-PAYMENT,350203198003150571,100,paid,E2E-H1,', '这一行不是对账记录'].join('\n');
    await page.getByLabel('选择文件').setInputFiles({ name: 'history-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: '导入对账文件' }).click();
    await page.getByRole('status').filter({ hasText: '已导入 2 行：匹配 0 行，未匹配 2 行' }).waitFor();
    const history = page.getByRole('table', { name: '对账导入记录' });
    await history.getByText('history-e2e.csv').waitFor();

    // Stored, not just remembered by the screen: after a reload the import is listed and its lines open.
    await page.reload();
    const row = history.locator('tr.ant-table-row').filter({ hasText: 'history-e2e.csv' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([expect.stringMatching(/^\d{4}\/\d{1,2}\/\d{1,2} /), expect.stringContaining('经办'), 'history-e2e.csv', '0', '2']);
    await row.getByRole('button', { name: '查看 history-e2e.csv 的 2 行未匹配记录' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'history-e2e.csv 的未匹配行' });
    const lines = drawer.locator('.ant-list-item');
    await lines.first().waitFor();
    expect(await lines.allInnerTexts()).toEqual(['第 2 行（NO-SUCH-E2E-PAYMENT）：无此支付单', '第 3 行：格式错误']);
    // The line itself holds an ID number and is not shown.
    expect(await drawer.innerText()).not.toContain('350203198003150571');

    // On a phone (375 px) in English: a file imported there, the imports as cards, an import's lines opened from its card.
    await closeDialog(drawer, drawer.locator('.ant-drawer-close'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 375, height: 812 });
    // Another file (the same one twice is refused): another bank reference.
    const phoneContent = content.replace('E2E-H1', 'E2E-P1');
    await page.getByLabel('Choose a file').setInputFiles({ name: 'phone-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(phoneContent) });
    await page.getByRole('button', { name: 'Import a reconciliation file' }).click();
    const imported = page.getByRole('status').filter({ hasText: '2 lines imported: 0 matched, 2 unmatched' });
    await imported.waitFor();
    expect(await imported.getByRole('listitem').allInnerTexts()).toEqual(['Line 2: No such payment', 'Line 3: Malformed']);
    await page.getByText('phone-e2e.csv', { exact: true }).waitFor();
    expect(await untranslated(page.locator('.payments-page'), ['综合窗口经办员'])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    const card = page.getByRole('list', { name: 'Reconciliation imports' }).getByRole('listitem').filter({ hasText: 'phone-e2e.csv' });
    await card.getByRole('button', { name: 'Show the 2 unmatched lines of phone-e2e.csv' }).click();
    const english = page.getByRole('dialog').filter({ hasText: 'Unmatched lines of phone-e2e.csv' });
    const englishLines = english.locator('.ant-list-item');
    await englishLines.first().waitFor();
    expect(await englishLines.allInnerTexts()).toEqual(['Line 2 (NO-SUCH-E2E-PAYMENT): No such payment', 'Line 3: Malformed']);
    expect(await untranslated(english, ['综合窗口经办员'])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await session().screenshot('phone-reconciliation');
    await english.locator('.ant-drawer-close').click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '中文' }).click();
  });
});
