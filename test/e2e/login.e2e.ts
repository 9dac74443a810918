import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('signing in', (session) => {
  it('names missing fields, lists the demo accounts, refuses a wrong password with the server message, names a network failure, then lands a caseworker on the inbox', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/`);
    // Enter on the empty form names what is missing, field by field.
    await page.getByLabel('用户名').press('Enter');
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    await page.getByLabel('用户名').fill('caseworker');
    await page.getByLabel('密码').fill('wrong');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/密码|用户名/);
    // The server runs in demo mode, so the accounts are listed.
    await page.getByText(/演示账号：caseworker/).waitFor();

    // A network failure reads as one, in the reader's language, not as the browser's words.
    await page.route('**/api/auth/login', (route) => route.abort());
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '无法连接服务器，请检查网络后重试' }).waitFor();
    await page.unroute('**/api/auth/login');

    await session().signIn('caseworker');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    expect(page.url()).toMatch(/#\/tasks$/);
    expect(await page.getByRole('table').count()).toBeGreaterThan(0);
  });
});
