import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser, type BrowserSession } from './browser.ts';
import { outsideCards, phoneFaults, untranslated } from './layout.ts';

const ID_NUMBER = citizenId('350203', '19890612', '035');
const CREDIT_CODE = '91350100M000100Y43';

/** How far the screen reaches past the window's right edge, or its content past the screen's, in pixels (0: nothing scrolls sideways). */
async function overflow(session: BrowserSession, selector: string): Promise<number> {
  return session.page.locator(selector).evaluate((node) => Math.max(0, Math.ceil(node.getBoundingClientRect().right) - window.innerWidth, node.scrollWidth - node.clientWidth));
}

describeInBrowser('searching cases and the person and employer pages', (session) => {
  let caseNo = '';
  let personId = '';
  let employerId = '';

  it('finds a case by pinyin initials, keeps the search in the URL and links the person (zh-CN, 1366 px)', async () => {
    const { page, baseUrl } = session();
    await session().signIn('caseworker');
    // A person (周思远: zsy) with an unemployment registration just opened, and an employer with a vacancy posting.
    const made = await page.evaluate(
      async ({ idNumber, creditCode }) => {
        const headers = { Authorization: `Bearer ${localStorage.getItem('pes.token')}`, 'Content-Type': 'application/json' };
        const call = async (method: string, path: string, body?: unknown) => (await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })).json();
        const person = await call('POST', '/persons', { idNumber, name: '周思远' });
        const opened = await call('POST', '/cases', { processId: 'unemployment-registration', subjectId: person.id });
        const known = await call('GET', `/employers?q=${creditCode}`);
        const employer = known.items[0] ?? (await call('POST', '/employers', { creditCode, name: '厦门市示例物流有限公司' }));
        await call('POST', '/cases', { processId: 'vacancy-posting', subjectId: employer.id });
        return { personId: person.id as string, caseNo: opened.caseNo as string, employerId: employer.id as string };
      },
      { idNumber: ID_NUMBER, creditCode: CREDIT_CODE },
    );
    ({ caseNo, personId, employerId } = made);
    expect(caseNo).toMatch(/^[A-Z]+\d+$/);

    await page.goto(`${baseUrl}/admin/#/cases`);
    const search = page.getByLabel('查询办件', { exact: true });
    await search.fill('zsy');
    await search.press('Enter');
    await page.waitForURL(/#\/cases\?q=zsy$/);
    const table = page.getByRole('table', { name: '业务办件' });
    const row = table.getByRole('row').filter({ hasText: caseNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('周思远');
    expect(await row.innerText()).toContain('窗口受理');
    expect(await table.getByRole('row').filter({ hasText: '周思远' }).count()).toBe(1);
    expect(await overflow(session(), 'section[aria-labelledby="cases-title"]')).toBe(0);
    await session().screenshot('case-search-zh-1366');

    // The filters come back with the URL: reloading keeps the search and what it found.
    await page.goto(`${baseUrl}/admin/#/cases?q=${caseNo}&status=final`);
    await page.getByText('暂无数据').or(page.getByText('无数据')).first().waitFor();
    expect(await table.getByRole('row').filter({ hasText: caseNo }).count()).toBe(0);
    await page.locator('.ant-segmented').getByText('办理中', { exact: true }).click();
    await page.waitForURL(/status=active/);
    await table.getByRole('row').filter({ hasText: caseNo }).waitFor();
    expect(await search.inputValue()).toBe(caseNo);
  });

  it('exports the cases found as CSV with the full ID number for the caseworker', async () => {
    const { page } = session();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = readFileSync((await file.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(caseNo);
    expect(lines[1]).toContain(ID_NUMBER);
  });

  it('opens the person page from the result: master data, statuses, certificate, cases (zh-CN, 1366 px)', async () => {
    const { page } = session();
    await page.getByRole('link', { name: '周思远的档案' }).click();
    await page.waitForURL(new RegExp(`#/persons/${personId}$`));
    await page.getByRole('heading', { name: '服务对象档案 · 周思远' }).waitFor();
    await page.getByText(ID_NUMBER, { exact: true }).waitFor();
    await page.getByText('尚未核发（首次失业登记时核发）').waitFor();
    await page.locator('section[aria-labelledby="person-title"]').getByRole('link', { name: caseNo }).waitFor();
    await page.getByText('岗位匹配', { exact: true }).waitFor();
    expect(await overflow(session(), 'section[aria-labelledby="person-title"]')).toBe(0);
    await session().screenshot('person-profile-zh-1366');
    // The case page links back to the profile.
    await page.locator('section[aria-labelledby="person-title"]').getByRole('link', { name: caseNo }).click();
    await page.getByRole('link', { name: '档案', exact: true }).click();
    await page.getByRole('heading', { name: '服务对象档案 · 周思远' }).waitFor();
  });

  it('shows the employer page with its cases by process (zh-CN, 1366 px)', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/employers/${employerId}`);
    await page.getByRole('heading', { name: /^用人单位档案 · / }).waitFor();
    await page.getByText(CREDIT_CODE, { exact: true }).waitFor();
    await page.locator('section[aria-labelledby="employer-title"] .ant-card').filter({ hasText: '岗位登记' }).getByRole('link').first().waitFor();
    expect(await overflow(session(), 'section[aria-labelledby="employer-title"]')).toBe(0);
  });

  it('shows search results as cards and both pages without sideways scrolling on a phone (English, 375 px)', async () => {
    const { page, baseUrl } = session();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${baseUrl}/admin/#/cases?q=zsy`);
    const card = page.getByRole('list', { name: 'Cases' }).getByRole('listitem').filter({ hasText: caseNo });
    await card.waitFor();
    expect(await card.innerText()).toContain('Service window');
    expect(await page.getByRole('table', { name: 'Cases' }).count()).toBe(0);
    expect(await page.getByLabel('Search cases', { exact: true }).inputValue()).toBe('zsy');
    await session().screenshot('case-search-en-375');
    expect(await overflow(session(), 'section[aria-labelledby="cases-title"]')).toBe(0);

    await card.getByRole('link', { name: 'Profile of 周思远' }).click();
    await page.getByRole('heading', { name: 'Person profile · 周思远' }).waitFor();
    await page.getByText('Not issued yet (issued on the first unemployment registration)').waitFor();
    await page.locator('section[aria-labelledby="person-title"]').getByRole('link', { name: caseNo }).waitFor();
    expect(await overflow(session(), 'section[aria-labelledby="person-title"]')).toBe(0);
    // Each value is in sight inside its card: beside the long English labels they were pushed out of it.
    expect(await outsideCards(page.locator('section[aria-labelledby="person-title"]'))).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    expect(await untranslated(page.locator('section[aria-labelledby="person-title"]'), ['周思远'])).toEqual([]);
    await session().screenshot('person-profile-en-375');

    await page.goto(`${baseUrl}/admin/#/employers/${employerId}`);
    await page.getByRole('heading', { name: /^Employer profile · / }).waitFor();
    await page.getByText(CREDIT_CODE, { exact: true }).waitFor();
    expect(await overflow(session(), 'section[aria-labelledby="employer-title"]')).toBe(0);
    expect(await outsideCards(page.locator('section[aria-labelledby="employer-title"]'))).toEqual([]);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/admin/#/cases?q=${ID_NUMBER}`);
    await page.getByRole('table', { name: 'Cases' }).getByRole('row').filter({ hasText: caseNo }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('shows the zh-CN search as cards and the person page\'s values inside their card at 375 px too', async () => {
    const { page, baseUrl } = session();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseUrl}/admin/#/cases?q=${caseNo}`);
    await page.getByRole('list', { name: '业务办件' }).getByRole('listitem').filter({ hasText: '窗口受理' }).waitFor();
    expect(await overflow(session(), 'section[aria-labelledby="cases-title"]')).toBe(0);
    await page.goto(`${baseUrl}/admin/#/persons/${personId}`);
    await page.getByText(ID_NUMBER, { exact: true }).waitFor();
    await page.locator('section[aria-labelledby="person-title"]').getByRole('link', { name: caseNo }).waitFor();
    expect(await outsideCards(page.locator('section[aria-labelledby="person-title"]'))).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('filters by the process’s step and by office, both kept in the URL and shown by name (zh-CN, 1366 px)', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/cases?q=${caseNo}`);
    const table = page.getByRole('table', { name: '业务办件' });
    await table.getByRole('row').filter({ hasText: caseNo }).waitFor();
    // The step filter offers the chosen process's states by name, and only once a process is chosen.
    const stateFilter = page.getByLabel('当前环节', { exact: true });
    expect(await stateFilter.isDisabled()).toBe(true);
    await page.getByLabel('业务事项', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^失业登记$/ }).click();
    await page.waitForURL(/processId=unemployment-registration/);
    await stateFilter.click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^审核$/ }).click();
    await page.waitForURL(/state=submitted/);
    await page.getByText('暂无数据').or(page.getByText('无数据')).first().waitFor();
    await stateFilter.click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^受理$/ }).click();
    await page.waitForURL(/state=draft/);
    await table.getByRole('row').filter({ hasText: caseNo }).waitFor();
    // The office filter: a unit the caseworker's work reaches, found by its code.
    const office = page.getByLabel('经办机构', { exact: true });
    await office.click();
    await office.fill('350203-01');
    await page.locator('.ant-select-tree').getByTitle('思明区公共就业服务中心 350203-01', { exact: true }).click();
    await page.waitForURL(/orgUnitId=350203-01/);
    await table.getByRole('row').filter({ hasText: caseNo }).waitFor();
    // Both come back with the URL, by name.
    await page.reload();
    await page.locator('.ant-select').filter({ has: office }).getByText('思明区公共就业服务中心', { exact: true }).waitFor();
    await page.locator('.ant-select').filter({ has: stateFilter }).getByText('受理', { exact: true }).waitFor();
    await table.getByRole('row').filter({ hasText: caseNo }).waitFor();
    expect(page.url()).toMatch(/[?&]state=draft(&|$)/);
    // Another process clears the step.
    await page.getByLabel('业务事项', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^全部业务$/ }).click();
    await page.waitForURL((url) => !url.hash.includes('processId=') && !url.hash.includes('state='));
    expect(await stateFilter.isDisabled()).toBe(true);
    expect(page.url()).toContain('orgUnitId=350203-01');
  });
});
