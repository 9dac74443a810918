import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('the holiday calendar: the warning before it runs out, and a year entered by the ministry', (session) => {
  it('warns a configurator that next year is missing; the ministry administrator enters it, previews, and the warning goes', async () => {
    const { page, baseUrl } = session();
    // The year the calendar lacks, as the server says (the demo holds the State Council's schedules up to 2026).
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { calendar: { missingYears: number[] } };
    const [year] = health.calendar.missingYears;
    expect(year, 'the demo calendar stops at 2026, so from November 2026 a year is missing').toBeDefined();

    await session().signIn('configurator');
    const warning = page.getByRole('alert').filter({ hasText: `${year} 年节假日安排尚未录入` });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('暂按周一至周五计算');

    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('ministry-admin');
    await page.getByRole('menuitem', { name: '节假日安排' }).click();
    await page.getByRole('heading', { name: '节假日安排', exact: true }).waitFor();
    await page.getByRole('table', { name: '国务院节假日安排' }).getByRole('cell', { name: '国办发明电〔2025〕7号' }).waitFor();
    await session().screenshot('calendar-missing-year');

    await page.getByRole('button', { name: '录入年度安排' }).click();
    const dialog = page.getByRole('dialog', { name: '国务院节假日安排' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('年度').inputValue()).toBe(String(year));
    await dialog.getByLabel('通知文号').fill(`国办发明电〔${year! - 1}〕99号`);
    await dialog.locator('#calendar-schedule_holidays_0_name').fill('元旦');
    await dialog.locator('#calendar-schedule_holidays_0_from').fill(`${year}-01-01`);
    await dialog.locator('#calendar-schedule_holidays_0_to').fill(`${year}-01-03`);
    await dialog.getByRole('button', { name: '添加放假' }).click();
    await dialog.locator('#calendar-schedule_holidays_1_name').fill('春节');
    await dialog.locator('#calendar-schedule_holidays_1_from').fill(`${year}-02-05`);
    await dialog.locator('#calendar-schedule_holidays_1_to').fill(`${year}-02-13`);
    // A make-up working day on a Wednesday is refused by the server, with the reason, and nothing is entered.
    await dialog.getByRole('button', { name: '添加调休上班日' }).click();
    await dialog.locator('#calendar-schedule_workdays_0_name').fill('春节');
    await dialog.locator('#calendar-schedule_workdays_0_date').fill(`${year}-02-17`);
    await dialog.getByRole('button', { name: '预览变化' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: '节假日安排有误' });
    await refusal.waitFor();
    if (new Date(`${year}-02-17T00:00:00Z`).getUTCDay() % 6 !== 0) expect(await refusal.textContent()).toContain('不是周末');
    await dialog.getByRole('button', { name: '删除' }).last().click();

    await dialog.getByRole('button', { name: '预览变化' }).click();
    await dialog.getByRole('status').filter({ hasText: `${year} 年：新增 12 天` }).waitFor();
    await dialog.getByRole('button', { name: '确认录入' }).click();
    await dialog.waitFor({ state: 'detached' });
    const done = page.getByRole('status').filter({ hasText: '已生成工作日历第 2 版' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/重算 \d+ 件业务的时限/);
    await page.getByRole('table', { name: '国务院节假日安排' }).getByRole('cell', { name: `国办发明电〔${year! - 1}〕99号` }).waitFor();

    // The warning no longer names the year entered (from November of it, it would name the next).
    await page.reload();
    await page.getByRole('heading', { name: '节假日安排', exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: `${year} 年节假日安排尚未录入` }).count()).toBe(0);
    await session().screenshot('calendar-year-entered');
    await page.getByRole('button', { name: `查看 ${year} 年` }).click();
    const drawer = page.getByRole('dialog', { name: `${year} 年节假日安排` });
    await drawer.getByText(`${year}-02-05 — ${year}-02-13`).waitFor();
    expect(await drawer.getByRole('row').filter({ hasText: '部级系统管理员' }).count()).toBe(1);
  });
});
