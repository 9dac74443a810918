import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

const CITY = '厦门市公共就业服务中心（350200-001）';
const AGENCY = '厦门市社会保险中心（350200-900）';

/** An Ed25519 public key as a peer hands it over: SPKI DER in base64. */
const peerKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

describeInBrowser('data exchange: a city administrator wires the city to the social insurance agency', (session) => {
  it('registers the city’s member and makes its key, registers the agency with its key, routes the service and rotates the key', async () => {
    const { page } = session();
    await session().signIn('admin');
    await page.getByRole('menuitem', { name: '数据交换' }).click();
    await page.getByRole('heading', { name: '数据交换', level: 2 }).waitFor();
    await page.getByText('尚未对接任何服务').waitFor();
    await page.getByText('未对接银行：拨付批次以银行文件交付').waitFor();
    const members = page.locator('.exchange-members');

    // The city's own member, then its first key: it becomes 本市, with one key open-ended.
    const register = async (code: string, name: string, address: string) => {
      await page.getByRole('button', { name: '登记成员' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '登记成员' });
      await dialog.getByLabel('成员代码').fill(code);
      await dialog.getByLabel('名称').fill(name);
      if (address) await dialog.getByLabel('交换接口地址').fill(address);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await register('350200-001', '厦门市公共就业服务中心', '');
    const city = members.getByRole('row').filter({ hasText: '350200-001' });
    await city.getByText('尚无密钥').waitFor();
    await city.getByRole('button', { name: '生成本市密钥' }).click();
    await city.getByText('本市').waitFor();
    await city.getByRole('button', { name: '复制公钥' }).waitFor();

    // The agency at its address; a text that is no key is refused and nothing registered, then its real key.
    await register('350200-900', '厦门市社会保险中心', 'http://127.0.0.1:8700/api/exchange');
    const agency = members.getByRole('row').filter({ hasText: '350200-900' });
    await agency.getByRole('button', { name: '登记对方公钥' }).click();
    const keyDialog = page.getByRole('dialog').filter({ hasText: '登记对方公钥' });
    await keyDialog.getByLabel('密钥编号').fill('si-2026-1');
    await keyDialog.getByLabel('公钥（Ed25519，SPKI DER 的 Base64）').fill('bm90IGEga2V5');
    await keyDialog.getByLabel('生效时间').fill('2026-11-01T08:00');
    await keyDialog.getByRole('button', { name: '保存' }).click();
    await keyDialog.getByText(/公钥无效/).waitFor();
    await keyDialog.getByLabel('公钥（Ed25519，SPKI DER 的 Base64）').fill(peerKey());
    await keyDialog.getByRole('button', { name: '保存' }).click();
    await keyDialog.waitFor({ state: 'detached' });
    await agency.getByText('对方机构').waitFor();
    await agency.getByText('si-2026-1').waitFor();

    // The route: the city's member asks, the agency answers.
    await page.getByRole('button', { name: '指定对接' }).click();
    const routeDialog = page.getByRole('dialog').filter({ hasText: '指定对接' });
    await routeDialog.getByLabel('服务').fill('social-insurance.contributions');
    await session().choose('本市请求方', CITY);
    await session().choose('对方应答方', AGENCY);
    await routeDialog.getByRole('button', { name: '保存' }).click();
    await routeDialog.waitFor({ state: 'detached' });
    const route = page.locator('.exchange-services').getByRole('row').filter({ hasText: 'social-insurance.contributions' });
    await route.getByText('厦门市社会保险中心').waitFor();
    expect(await route.innerText()).toContain('厦门市公共就业服务中心');

    // Rotation ends the current key (it stays listed with its end) and starts a new one: one key open, the
    // others ended (a confirmation clicked again under load rotates once more, ending one more).
    await session().confirm(city.getByRole('button', { name: '轮换密钥' }), '轮换密钥');
    await expect.poll(() => city.getByText(/，至 /).count()).toBeGreaterThanOrEqual(1);
    expect(await city.getByRole('button', { name: '复制公钥' }).count()).toBe(1);
    expect(await city.locator('code').count()).toBe((await city.getByText(/，至 /).count()) + 1);
    await session().screenshot('exchange-wiring');
  });
});
