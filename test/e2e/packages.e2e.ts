import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { STANDARD_PACKAGES } from '../../runtime/plugins/index.ts';
import { describeInBrowser } from './browser.ts';

/** The files of a shipped package as an administrator would pick them, plugin.json with a later version. */
function pickedFiles(folder: string, version: string) {
  const manifest = JSON.parse(readFileSync(join(STANDARD_PACKAGES, folder, 'plugin.json'), 'utf8')) as { processes: string[] };
  const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  return [
    file('plugin.json', JSON.stringify({ ...manifest, version })),
    ...manifest.processes.map((name) => file(name, readFileSync(join(STANDARD_PACKAGES, folder, name), 'utf8'))),
  ];
}

describeInBrowser('process packages: a ministry administrator checks and installs a new version', (session) => {
  it('lists the packages in use, refuses a version that is not later, and installs one that is', async () => {
    const { page } = session();
    await session().signIn('ministry-admin');
    await page.getByRole('menuitem', { name: '业务插件包' }).click();
    await page.getByRole('heading', { name: '业务插件包', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'employment-registration', exact: true }) });
    await row.getByRole('cell', { name: '1.1.0', exact: true }).waitFor();

    const chooser = page.getByLabel('选择 plugin.json 及其列出的流程文件');
    await chooser.setInputFiles(pickedFiles('employment-registration', '1.1.0'));
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByRole('status').filter({ hasText: '发现 1 处问题' }).waitFor();
    expect(await page.getByText('版本须高于在用的 1.1.0').count()).toBe(1);
    expect(await page.getByRole('button', { name: '安装', exact: true }).isDisabled()).toBe(true);

    await chooser.setInputFiles(pickedFiles('employment-registration', '1.1.1'));
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByRole('status').filter({ hasText: 'employment-registration 1.1.1 校验通过' }).waitFor();
    await page.getByRole('button', { name: '安装', exact: true }).click();
    // The same definitions: the version is kept, nothing is published again.
    await page.getByRole('status').filter({ hasText: '已安装 employment-registration 1.1.1，发布了：无变化' }).waitFor();
    await row.getByRole('cell', { name: '1.1.1', exact: true }).waitFor();
    await session().screenshot('packages-installed');
  });
});
