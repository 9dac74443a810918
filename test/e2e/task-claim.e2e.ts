import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/** The posts of the open tasks the signed-in user's inbox offers, read with the page's token. */
async function offeredPosts(page: Page, baseUrl: string): Promise<string[]> {
  const token = await page.evaluate(() => localStorage.getItem('pes.token'));
  const response = await fetch(`${baseUrl}/api/tasks?pageSize=100`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { post: string }[] }).items.map((task) => task.post);
}

describeInBrowser('tasks bound to posts', (session) => {
  it("a single-post clerk sees only its post's tasks and claims one; the generalist window sees it claimed by the clerk; the unemployment clerk never sees it", async () => {
    const { page, baseUrl } = session();
    await session().signIn('subsidy-clerk');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    const rows = page.getByRole('table', { name: '待办任务' }).locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(new Set(await offeredPosts(page, baseUrl))).toEqual(new Set(['subsidy-window']));

    const first = rows.first();
    const caseNo = (await first.getByRole('link').first().textContent())!.trim();
    await first.getByText('未认领').waitFor();
    await first.getByRole('button', { name: `认领 ${caseNo}` }).click();
    const claimed = page.getByRole('row').filter({ hasText: caseNo });
    await claimed.getByText('我已认领').waitFor();
    await claimed.getByRole('button', { name: `退回 ${caseNo}` }).waitFor();
    await session().screenshot('task-claimed');

    // The generalist window holds the subsidy window too: it sees the task claimed by the clerk, and cannot claim it.
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('caseworker');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    await session().choose('按认领筛选', '他人认领的');
    const seen = page.getByRole('row').filter({ hasText: caseNo });
    await seen.getByText('补贴受理岗经办员 已认领').waitFor();
    expect(await seen.getByRole('button', { name: `认领 ${caseNo}` }).count()).toBe(0);

    // The unemployment clerk holds no subsidy post: the task is not in its inbox at all.
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('unemployment-clerk');
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    expect((await offeredPosts(page, baseUrl)).every((post) => post === 'unemployment-window')).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: caseNo }).count()).toBe(0);
  });
});
