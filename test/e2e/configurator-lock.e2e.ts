import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

// The ministry's locks on unemployment registration (plugins/unemployment-registration/plugin.json).
const REGISTERED_REASON = '登记失业状态是法定身份，不得删除';
const SEPARATION_REASON = '审核须与受理分离';

describeInBrowser('configurator: flow, locks and a draft', (session) => {
  it('shows the locked flow of unemployment registration, refuses a change to a lock, and diffs a saved SLA change', async () => {
    const { page } = session();
    await session().signIn('configurator');
    await page.getByRole('menuitem', { name: '流程配置' }).click();
    await page.getByRole('heading', { name: '流程配置' }).waitFor();
    await page.getByRole('table', { name: '流程配置' }).getByRole('link', { name: '失业登记', exact: true }).click();
    await page.getByRole('heading', { name: '失业登记' }).waitFor();
    expect(page.url()).toMatch(/#\/config\/unemployment-registration$/);

    // The flow: every state drawn, the legal status locked with the ministry's reason on its node.
    const flow = page.getByRole('region', { name: '流程图' });
    for (const state of ['受理', '审核', '已登记失业', '已注销', '不予登记']) await flow.getByText(state, { exact: true }).first().waitFor();
    // Tasks name their post as the offices call it, not by its code.
    await flow.getByText('经办员 · 失业登记窗口', { exact: true }).waitFor();
    const badge = flow.getByRole('img', { name: new RegExp(`已锁定：${REGISTERED_REASON}（人社部`) });
    await badge.waitFor();
    await badge.focus();
    expect(await page.getByRole('tooltip').textContent()).toContain(REGISTERED_REASON);
    // The side list names each lock with its reason and who set it; its buttons select the element.
    const lockList = page.getByRole('list', { name: '锁定项（11）' });
    // The two parameter locks are listed too, with nothing in the flow to select.
    expect(await lockList.getByRole('button').count()).toBe(9);
    const separation = lockList.getByRole('button', { name: new RegExp(SEPARATION_REASON) });
    expect(await separation.textContent()).toContain('锁定方：人社部（部级标准）');
    await separation.click();
    await page.getByRole('heading', { name: /审核通过/ }).waitFor();
    // Each rule of the event says what it checks and where it comes from.
    await page.getByText('该人员已有有效就业登记', { exact: true }).waitFor();
    await page.getByText('依据：《就业服务与就业管理规定》：失业登记对象须处于无业状态', { exact: true }).waitFor();
    await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '已锁定 已登记失业' }).click();
    await page.getByRole('heading', { name: /已登记失业/ }).waitFor();
    // The screen as it opened, the selected state's lock explained in its tooltip.
    await page.evaluate(() => window.scrollTo(0, 0));
    await badge.focus();
    await page.getByRole('tooltip', { name: new RegExp(REGISTERED_REASON) }).waitFor();
    await session().screenshot('flow-editor');

    // The draft: renaming the locked state is refused as it is made, naming the reason and the ministry.
    await page.getByRole('tab', { name: '草稿编辑' }).click();
    await page.getByRole('tab', { name: '流程调整' }).click();
    await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '已锁定 已登记失业' }).click();
    await page.getByLabel('中文名称').fill('登记有效');
    await page.getByRole('button', { name: '修改名称' }).click();
    const problems = page.getByRole('list', { name: '校验发现 1 个问题' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(new RegExp(`该要素已被上级锁定.*${REGISTERED_REASON}.*锁定方：人社部`));
    expect(await page.getByRole('button', { name: /发\s*布/ }).isDisabled()).toBe(true);

    // Drop it again, then change the review's SLA and save: the check comes back clean.
    await page.getByRole('tab', { name: '调整清单（1）' }).click();
    await page.getByRole('button', { name: '移除 1' }).click();
    await problems.waitFor({ state: 'detached' });
    await page.getByText(/^校验通过/).waitFor();

    // Removing the review, which submitting still leads to, is refused too, the way in named as a person reads it.
    await page.getByRole('tab', { name: '流程调整' }).click();
    await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '审核', exact: true }).click();
    await page.getByRole('button', { name: '删除此环节' }).click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await problems.waitFor();
    expect(await problems.textContent()).toContain('仍有操作进入这个环节：受理「提交登记」');
    await page.getByRole('tab', { name: '调整清单（1）' }).click();
    await page.getByRole('button', { name: '移除 1' }).click();
    await problems.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '流程调整' }).click();
    await page.getByRole('list', { name: '环节' }).getByRole('button', { name: '审核', exact: true }).click();
    await page.getByLabel('办理时限（工作日）').fill('5');
    await page.getByRole('button', { name: '修改时限' }).click();
    await page.getByRole('tab', { name: '调整清单（1）' }).waitFor();
    // The review goes to caseworkers (another one than the submitter, as before).
    await session().choose('办理角色', '经办员');
    await page.getByRole('button', { name: '修改角色' }).click();
    await page.getByRole('tab', { name: '调整清单（2）' }).waitFor();
    await page.getByText('有未保存的修改', { exact: true }).waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存，校验未发现问题').waitFor();

    // The diff: ministry → this level's draft, the review's time limit from 3 to 5 working days.
    await page.getByRole('tab', { name: '差异对比' }).click();
    const diff = page.getByRole('table', { name: /部标 第1版 → 本级草稿/ });
    const row = diff.getByRole('row').filter({ hasText: '环节「审核」 › 办理任务 › 办理时限（工作日）' });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(1)).toEqual(['修改', '3', '5']);
    const role = diff.getByRole('row').filter({ hasText: '环节「审核」 › 办理任务 › 角色' });
    expect((await role.getByRole('cell').allTextContents()).slice(1)).toEqual(['修改', '审核员', '经办员']);
  });

  it('keeps a parameter value outside the ministry bounds as typed, refuses it with the bounds and blocks publishing', async () => {
    const { page } = session();
    await page.getByRole('tab', { name: '草稿编辑' }).click();
    await page.getByRole('tab', { name: '参数', exact: true }).click();
    await page.getByRole('button', { name: '新增取值 无正当理由拒绝推荐工作次数上限' }).click();
    const value = page.getByRole('spinbutton', { name: '无正当理由拒绝推荐工作次数上限 取值' });
    await value.fill('99');
    await value.press('Tab');
    // Not clamped to 10: the value stays, refused beside the input and in the findings, naming the bounds.
    expect(await value.inputValue()).toBe('99');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('table', { name: '参数' }).getByRole('alert').filter({ hasText: '超出部级范围（1 – 10 次），不能发布' }).waitFor();
    const problems = page.getByRole('list', { name: '校验发现 1 个问题' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('参数「无正当理由拒绝推荐工作次数上限」');
    expect(await problems.textContent()).toContain('超出部级范围（1 – 10 次）');
    // Saved, the draft still cannot be published: the finding, not unsaved edits, holds it back.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存，发现 1 个问题').waitFor();
    await page.getByText('已保存', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /发\s*布/ }).isDisabled()).toBe(true);
  });
});
