import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { phoneFaults, untranslated } from './layout.ts';

/** The quarter before today's in China: the last that has ended, the one the review list opens on. */
function lastEndedQuarter(now: Date): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const year = china.getUTCFullYear();
  const quarter = Math.floor(china.getUTCMonth() / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

// antd spaces out a button's two Chinese characters (取 消).
const CANCEL = /^取\s*消$/;
const ACCEPT = /^验\s*收$/;

/** The review's status as its tag on the detail page says it. */
const statusOf = (page: Page) => page.locator('.ant-descriptions .ant-tag').first().innerText();

describeInBrowser('period review (考核期审定)', (session) => {
  const period = lastEndedQuarter(new Date());

  it('the city configurator approves the ended quarter after a confirmation, and sees the figures frozen beside the live ones', async () => {
    const { page } = session();
    await session().signIn('configurator');
    await page.getByRole('menuitem', { name: '考核期审定' }).click();
    await page.getByRole('heading', { name: '考核期审定' }).waitFor();
    expect(await page.title()).toBe('考核期审定 - 公共就业服务平台');
    // The city's own review first, then its districts; nothing approved yet.
    const list = page.getByRole('table', { name: '考核期审定' });
    const own = list.getByRole('row').filter({ has: page.getByRole('link', { name: '查看厦门市的审定' }) });
    await own.waitFor();
    expect(await own.getByText('未审定').count()).toBe(1);
    expect(await list.getByRole('row').count()).toBeGreaterThan(2);

    await page.getByRole('link', { name: '查看厦门市的审定' }).click();
    await page.getByRole('heading', { name: `厦门市 · ${period} 考核期审定` }).waitFor();
    expect(page.url()).toContain(`#/review/350200/${period}`);
    expect(await page.title()).toBe('审定详情 - 公共就业服务平台');
    // Before approval: only the figures now, which approval would freeze.
    const figures = page.getByRole('table', { name: '指标数据：冻结值与当前值' });
    await figures.getByRole('row').nth(1).waitFor();
    expect(await figures.getByRole('columnheader', { name: '冻结值' }).count()).toBe(0);
    const indicators = (await figures.getByRole('row').count()) - 1;
    expect(indicators).toBeGreaterThan(0);

    // The confirmation says what approval does; cancelling leaves the period open.
    await page.getByRole('button', { name: '审定并冻结' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: CANCEL }).waitFor();
    expect(await dialog.innerText()).toContain(`审定厦门市 ${period}的考核数据？`);
    expect(await dialog.innerText()).toContain('冻结');
    await dialog.getByRole('button', { name: CANCEL }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await statusOf(page)).toBe('未审定');
    await page.getByRole('button', { name: '审定并冻结' }).click();
    await dialog.getByRole('button', { name: '审定并冻结' }).click();
    // The confirmation closes before the screen is read: while it fades out its own 审定并冻结 button is still on show.
    await dialog.waitFor({ state: 'hidden' });

    // Approved: who and when, the frozen figures next to the live ones, nothing changed and no late records yet.
    await page.locator('.ant-descriptions .ant-tag', { hasText: '已审定' }).first().waitFor();
    expect(await page.locator('.ant-descriptions').first().getByText(/^市级配置员，/).count()).toBe(1);
    await figures.getByRole('columnheader', { name: '冻结值' }).waitFor();
    expect(await figures.getByText('无变动').count()).toBe(indicators);
    const [frozen, live] = [await figures.locator('tbody tr').first().locator('td').nth(1).innerText(), await figures.locator('tbody tr').first().locator('td').nth(2).innerText()];
    expect(frozen).toBe(live);
    await page.getByText('审定后没有迟录记录').waitFor();
    // The city may neither approve again nor accept: no action is offered, once the review has reloaded.
    await page.getByText('当前状态下您没有可执行的审定操作。').waitFor();
    expect(await page.getByRole('button', { name: '审定并冻结' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: ACCEPT }).count()).toBe(0);
    await session().screenshot('period-review-approved');
  });

  it('the province evaluator accepts, has a bad score refused, comments with a score, in zh-CN and English', async () => {
    const { page } = session();
    await page.evaluate(() => localStorage.clear());
    await session().signIn('evaluator');
    await page.getByRole('menuitem', { name: '考核期审定' }).click();
    const list = page.getByRole('table', { name: '考核期审定' });
    const xiamen = list.getByRole('row').filter({ has: page.getByRole('link', { name: '查看厦门市的审定' }) });
    await xiamen.getByText('已审定').waitFor();
    expect(await xiamen.innerText()).toContain('市级配置员');
    // Down to the city's own list: the unit and the period go into the URL, so a reload shows the same list.
    await page.getByRole('button', { name: '厦门市的下级单位' }).click();
    await page.waitForURL(new RegExp(`#/review\\?unit=350200&period=${period}$`));
    await page.reload();
    await xiamen.getByText('厦门市（本级）').waitFor();
    await page.getByRole('link', { name: '查看厦门市的审定' }).click();
    await page.getByRole('heading', { name: `厦门市 · ${period} 考核期审定` }).waitFor();

    await page.getByRole('button', { name: ACCEPT }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: ACCEPT }).click();
    await page.locator('.ant-descriptions .ant-tag', { hasText: '已验收' }).first().waitFor();
    expect(await page.locator('.ant-descriptions').first().getByText(/^省级评估员，/).count()).toBe(1);

    // A score out of range is refused in the browser, and nothing is saved.
    await page.getByLabel('评议意见').fill('审核环节按时率偏低，需整改');
    await page.getByLabel('评分').fill('150');
    await page.getByRole('button', { name: '提交评议' }).click();
    await page.getByText('评分须为 0 至 100 之间的整数').waitFor();
    await page.reload();
    await page.locator('.ant-descriptions .ant-tag', { hasText: '已验收' }).first().waitFor();
    expect(await page.getByText('审核环节按时率偏低，需整改').count()).toBe(0);

    await page.getByLabel('评议意见').fill('审核环节按时率偏低，需整改');
    await page.getByLabel('评分').fill('82');
    await page.getByRole('button', { name: '提交评议' }).click();
    const status = page.locator('.ant-descriptions').first();
    await status.getByText(/^省级评估员，/).nth(1).waitFor();
    expect(await status.innerText()).toContain('82');
    expect(await status.getByText('审核环节按时率偏低，需整改').count()).toBe(1);

    // The list shows the score and comment too.
    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL(new RegExp(`#/review\\?unit=350000&period=${period}$`));
    await xiamen.getByText('已验收').waitFor();
    expect(await xiamen.innerText()).toContain('82');

    // English.
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Period review' }).waitFor();
    const inEnglish = page.getByRole('table', { name: 'Period review' }).getByRole('row').filter({ has: page.getByRole('link', { name: 'Open the review of 厦门市' }) });
    expect(await inEnglish.getByText('Accepted', { exact: true }).count()).toBe(1);
    expect(await page.title()).toBe('Period review - Public Employment Services');
  });

  it('fits a phone (375 px) in English: the list and the review as cards, no sideways scroll, and the comment replaced there', async () => {
    const { page } = session();
    // Names of units and people, and the comment written in zh-CN above: data, not labels.
    const data = ['福建省', '厦门市', '省级评估员', '市级配置员', '审核环节按时率偏低，需整改'];
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${session().baseUrl}/admin/#/review?unit=350000&period=${period}`);
    const cards = page.getByRole('list', { name: 'Period review' });
    await cards.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('table', { name: 'Period review' }).count()).toBe(0);
    expect(await untranslated(page.locator('.app-content'), data)).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await page.goto(`${session().baseUrl}/admin/#/review/350200/${period}`);
    await page.getByRole('list', { name: 'Figures: frozen and now' }).getByRole('listitem').first().waitFor();
    expect(await untranslated(page.locator('.app-content'), data)).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    await session().screenshot('phone-period-review');

    // The evaluator's action, on the phone: a new comment and score replace the last.
    await page.getByLabel('Comment').fill('On time after the rectification');
    await page.getByLabel('Score').fill('90');
    await page.getByRole('button', { name: 'Submit the comment' }).click();
    const status = page.locator('.ant-descriptions').first();
    await status.getByText('On time after the rectification').waitFor();
    expect(await status.innerText()).toContain('90');
    expect(await phoneFaults(page)).toEqual([]);
  });
});
