import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('personal data: masked to an administrator, revealed for a purpose, found by the auditor', (session) => {
  it('shows an administrator a masked ID number, reveals it for a stated purpose, and the auditor finds the reveal with its purpose', async () => {
    const { page } = session();
    await session().signIn('admin');
    await page.getByRole('menuitem', { name: '业务办件' }).click();
    // A person's case, whatever the other files on this server opened last (an employer's vacancy posting has no such dialog).
    await session().choose('业务事项', '失业登记');
    await page.waitForURL(/processId=unemployment-registration/);
    const registration = page.getByRole('table', { name: '业务办件' }).getByRole('row').filter({ has: page.getByRole('cell', { name: '失业登记', exact: true }) });
    await registration.first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: '·' }).waitFor();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '服务对象信息' });
    await dialog.getByText('您未经办该对象的业务').waitFor();
    const idCell = dialog.getByRole('row').filter({ hasText: '公民身份号码' });
    expect(await idCell.innerText()).toMatch(/\d{6}\*{11}[\dX]/);
    await dialog.getByRole('button', { name: '查看完整信息' }).click();
    await dialog.getByText('请写明事由').waitFor();
    await dialog.getByLabel(/查看完整信息的事由/).fill('核对银行退票信息');
    await dialog.getByRole('button', { name: '查看完整信息' }).click();
    await dialog.getByText('您未经办该对象的业务').waitFor({ state: 'detached' });
    expect(await idCell.innerText()).toMatch(/\d{17}[\dX]/);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('auditor');
    await page.getByRole('heading', { name: '访问日志' }).waitFor();
    const log = page.getByRole('table', { name: '访问日志' });
    const reveal = log.getByRole('row').filter({ hasText: '查看完整个人信息' });
    await reveal.waitFor();
    expect(await reveal.innerText()).toContain('核对银行退票信息');
    expect(await reveal.innerText()).toContain('系统管理员');
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByRole('status').filter({ hasText: '哈希链完整' }).waitFor();
    await session().screenshot('access-log');
  });
});
