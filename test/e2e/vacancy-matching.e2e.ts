import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { phoneFaults, untranslated } from './layout.ts';

/** The demo's restaurant (a published waiters' vacancy) and the community service centre (paid a public-welfare-post month). */
const RESTAURANT = '91350203MA2Y3K1B9C';
const SERVICE_CENTRE = '123502034265103M7Y';

describeInBrowser('vacancy matching and the employer page', (session) => {
  /** The id of a demo employer, found by its credit code through the API as the signed-in user. */
  async function employerId(creditCode: string): Promise<string> {
    return session().page.evaluate(async (code) => {
      const response = await fetch(`/api/employers?q=${code}`, { headers: { Authorization: `Bearer ${localStorage.getItem('pes.token')}` } });
      return ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
    }, creditCode);
  }

  it('from the employer page, an open vacancy leads to the job seekers who fit it, ranked with why; one opens on their profile', async () => {
    const { page, baseUrl } = session();
    await session().signIn('caseworker');
    await page.goto(`${baseUrl}/admin/#/employers/${await employerId(RESTAURANT)}`);
    await page.getByRole('heading', { name: '用人单位档案 · 厦门鹭江餐饮管理有限公司' }).waitFor();

    // The published posting, and only it, links to its matching seekers.
    const postings = page.locator('[aria-label="岗位登记"]');
    const links = postings.getByRole('link', { name: '匹配求职人员' });
    await links.first().waitFor();
    expect(await links.count()).toBe(1);
    await links.click();
    expect(page.url()).toMatch(/#\/cases\/[0-9a-f-]+\?seekers$/);

    // The case page of the vacancy: the seekers, best fit first, each with why and a masked ID number.
    const panel = page.getByRole('region', { name: '匹配的求职人员' });
    const seekers = panel.locator('[aria-label="匹配的求职人员"] .ant-list-item');
    await seekers.first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('seeker-matches-title');
    const scores = (await seekers.locator('.ant-tag', { hasText: '匹配度' }).allInnerTexts()).map((text) => Number(text.replace(/\D/g, '')));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // 刘德明 wants waiting work (4-03-02-05) in 思明 (350203), where the restaurant hires.
    const liu = seekers.filter({ hasText: '刘德明' });
    const liuText = await liu.innerText();
    expect(liuText).toContain('意向职业 4-03-02-05 与岗位相同');
    expect(liuText).toContain('意向工作地 350203 同一区县');
    expect(liuText).toMatch(/\d{6}\*+\d*[\dX]/);
    expect(await panel.innerText()).toContain('证件号码已遮蔽');

    await liu.getByRole('link', { name: '刘德明' }).click();
    await page.getByRole('heading', { name: '服务对象档案 · 刘德明' }).waitFor();
    expect(page.url()).toMatch(/#\/persons\/[0-9a-f-]+$/);
    // The other direction: the person page lists the restaurant's vacancy with the same reasons.
    const matches = page.locator('[aria-label="岗位匹配"] .ant-list-item').filter({ hasText: '餐厅服务员' });
    await matches.getByText('意向职业 4-03-02-05 与岗位相同').waitFor();
  });

  it('the employer page lists the subsidies paid to the employer with their totals, each linked to its case and on to the person\'s payments', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/employers/${await employerId(SERVICE_CENTRE)}`);
    const subsidies = page.getByRole('region', { name: '向本单位拨付的补贴' });
    const rows = subsidies.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The demo's one approved public-welfare-post month: 1,500 yuan for 张丽华.
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().getByRole('cell').allInnerTexts();
    expect(cells).toContain('1,500.00');
    expect(cells).toContain('张丽华');
    expect(await subsidies.innerText()).toMatch(/共 1 笔，核定合计 1,500\.00 元，已到账 (0\.00|1,500\.00) 元/);
    await session().screenshot('employer-subsidies');
    await rows.first().getByRole('link', { name: '张丽华' }).click();
    await page.getByRole('heading', { name: /公益性岗位/ }).waitFor();

    // The same payment on the case it came from, and on the person's page with her other payments and their totals.
    const caseLedger = page.getByRole('region', { name: '补贴发放' });
    await caseLedger.locator('tbody tr.ant-table-row').filter({ hasText: '1,500.00' }).waitFor();
    await page.getByRole('link', { name: '档案', exact: true }).click();
    await page.getByRole('heading', { name: '服务对象档案 · 张丽华' }).waitFor();
    const personLedger = page.getByRole('region', { name: '补贴发放' });
    const personRows = personLedger.locator('tbody tr.ant-table-row');
    await personRows.filter({ hasText: '1,500.00' }).first().waitFor();
    const amounts = (await personRows.locator('td:nth-child(2)').allInnerTexts()).map((text) => Math.round(Number(text.replaceAll(',', '')) * 100));
    const total = amounts.reduce((sum, fen) => sum + fen, 0);
    const yuan = (fen: number) => `${String(Math.trunc(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;
    expect(await personLedger.innerText()).toContain(`共 ${amounts.length} 笔，核定合计 ${yuan(total)} 元`);
  });

  it('on a phone (375 px) in English: the seekers of the vacancy and the vacancies of a seeker, with why, and the profile opened from them', async () => {
    const { page, baseUrl } = session();
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseUrl}/admin/#/employers/${await employerId(RESTAURANT)}`);
    await page.getByRole('link', { name: 'Matching seekers' }).click();
    const panel = page.getByRole('region', { name: 'Matching job seekers' });
    const liu = panel.locator('.ant-list-item').filter({ hasText: '刘德明' });
    await liu.getByText('Wants this occupation (4-03-02-05)').waitFor();
    expect(await liu.innerText()).toContain('Wants to work in 350203, same county');
    expect(await untranslated(panel, ['刘德明', '陈志强'])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await session().screenshot('phone-seeker-matches');

    await liu.getByRole('link', { name: '刘德明' }).click();
    await page.getByRole('heading', { name: 'Person profile · 刘德明' }).waitFor();
    const matches = page.locator('[aria-label="Vacancy matches"]');
    await matches.locator('.ant-list-item').filter({ hasText: '餐厅服务员' }).getByText('Wants this occupation (4-03-02-05)').waitFor();
    expect(await untranslated(matches, ['餐厅服务员', '厦门鹭江餐饮管理有限公司'])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
  });
});
