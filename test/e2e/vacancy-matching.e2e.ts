import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';
import { cards, outsideCards, phoneFaults, untranslated } from './layout.ts';

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

  /** The id of a demo person found by name through the API as the signed-in user. */
  async function personId(name: string): Promise<string> {
    return session().page.evaluate(async (name) => {
      const response = await fetch(`/api/persons?q=${encodeURIComponent(name)}`, { headers: { Authorization: `Bearer ${localStorage.getItem('pes.token')}` } });
      return ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
    }, name);
  }

  /** Registers a new person (no case of any kind) through the API as the signed-in user; their id. */
  async function newPerson(idNumber: string, name: string): Promise<string> {
    return session().page.evaluate(async (person) => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
      return ((await (await fetch('/api/persons', { method: 'POST', headers, body: JSON.stringify(person) })).json()) as { id: string }).id;
    }, { idNumber, name });
  }

  /** Shows the screens in `language` by the header's button naming it, unless they are in it already. */
  async function speak(language: 'English' | '中文'): Promise<void> {
    const header = session().page.getByRole('banner');
    const other = header.getByRole('button', { name: language === 'English' ? '中文' : 'English' });
    const button = header.getByRole('button', { name: language });
    await button.or(other).first().waitFor();
    if ((await button.count()) > 0) await button.click();
    await other.waitFor();
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
    // The demo's live vacancies a match may show: their titles and employers are data, shown as entered.
    const vacancyData = ['餐厅服务员', '货车司机', '设备维修电工', '财务会计', '厦门鹭江餐饮管理有限公司', '福建闽江物流有限公司', '厦门集美精密制造有限公司', '厦门鹭源财务咨询有限公司'];
    expect(await untranslated(matches, vacancyData)).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
  });

  it('on a phone (375 px) in English: a person\'s benefit payments as cards, every text inside its card', async () => {
    const { page, baseUrl } = session();
    await speak('English');
    await page.setViewportSize({ width: 375, height: 812 });
    // 陈志强 is paid unemployment benefit month by month in the demo: several payments, each with a masked account.
    await page.goto(`${baseUrl}/#/persons/${await personId('陈志强')}`);
    await page.getByRole('heading', { name: 'Person profile · 陈志强' }).waitFor();
    const payments = page.getByRole('region', { name: 'Payments' });
    await payments.getByText(/^\d+ in all: [\d,.]+ yuan approved/).waitFor();
    // As a table the payments scrolled inside their card, the account and the status out of sight.
    expect(await outsideCards(page.locator('section[aria-labelledby="person-title"]'))).toEqual([]);
    expect(await cards(page, 'Payments')).toBeGreaterThan(1);
    expect(await payments.getByRole('listitem').first().innerText()).toMatch(/Amount \(yuan\)\s+[\d,]+\.\d{2}/);
    expect(await phoneFaults(page)).toEqual([]);
    // The payees' and banks' names are data: 陈志强's medical insurance is paid to the fund's office.
    expect(await untranslated(payments, ['陈志强', '厦门市医疗保障事务中心', '中国建设银行厦门市分行'])).toEqual([]);
    await session().screenshot('person-payments-en-375');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('says plainly that a person with no job-seeking registration gets no vacancy suggested yet, in zh-CN and English; other failures still show as errors', async () => {
    const { page, baseUrl } = session();
    const id = await newPerson(citizenId('350203', '19760815', '052'), '郑美玲');
    const matches = page.locator('.ant-card').filter({ has: page.getByText(/^(岗位匹配|Vacancy matches)$/) });

    await speak('中文');
    await page.goto(`${baseUrl}/#/persons/${id}`);
    await page.getByRole('heading', { name: '服务对象档案 · 郑美玲' }).waitFor();
    await matches.getByText('无有效求职登记，登记后才推荐岗位').waitFor();
    expect(await matches.innerText()).not.toContain('加载失败');
    expect(await matches.getByRole('button').count()).toBe(0);

    await page.setViewportSize({ width: 375, height: 812 });
    await speak('English');
    await matches.getByText('No active job-seeking registration: vacancies are suggested once there is one').waitFor();
    expect(await matches.innerText()).not.toContain('Could not load');
    expect(await untranslated(matches, [])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await speak('中文');

    // Any other refusal, a 404 for a record not found among them, is still an error with a retry.
    await page.route(`**/api/persons/${id}/vacancy-matches`, (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ code: 'NOT_FOUND', message: { zh: '记录不存在或不在您的管辖范围内', en: 'The record does not exist or is outside your jurisdiction' }, details: null }) }),
    );
    try {
      await page.reload();
      await matches.getByText('加载失败').waitFor();
      expect(await matches.innerText()).toContain('记录不存在或不在您的管辖范围内');
      expect(await matches.innerText()).not.toContain('无有效求职登记');
      await matches.getByRole('button', { name: /重\s*试/ }).waitFor();
    } finally {
      await page.unrouteAll();
    }
  });
});
