import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { cards, outsideCards, phoneFaults, untranslated } from './layout.ts';

/** Yuan as the screen writes them (`1,500.00`) in fen. */
const fen = (text: string) => Math.round(Number(text.trim().replaceAll(',', '')) * 100);

/** The cells of a CSV line (the bank file quotes a cell only when it must). */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
    const cell = match[1]!;
    out.push(cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
  }
  return out;
}

describeInBrowser('payment batches', (session) => {
  it('a reviewer issues a batch and may not send it; the supervisor sends it, downloads the bank file and imports its reconciliation', async () => {
    const { page } = session();
    await session().signIn('reviewer');
    await page.getByRole('menuitem', { name: '资金发放' }).click();
    await page.getByRole('heading', { name: '资金发放', level: 2 }).waitFor();
    expect(page.url()).toMatch(/#\/payments$/);

    // The demo data's batch of the employment subsidy fund (issued by the caseworker) is listed, awaiting approval.
    const list = page.locator('.payments-page tbody tr.ant-table-row');
    await list.filter({ hasText: '就业补助资金' }).filter({ hasText: '待审核发送' }).first().waitFor();

    // Every approved item of the employment subsidy fund is in that batch: nothing is left to pay, and the refusal says so.
    await session().choose('资金', '就业补助资金');
    await page.getByRole('button', { name: '生成批次' }).click();
    await page.locator('.payments-result.ant-alert-error').getByText('没有待发放的款项').waitFor();

    // The unemployment insurance fund's benefit months are unpaid: the reviewer issues their batch.
    await session().choose('资金', '失业保险基金');
    await page.getByRole('button', { name: '生成批次' }).click();
    const issued = page.getByRole('status').filter({ hasText: '已生成批次' });
    await issued.waitFor();
    const [, batchNo, count, total] = /已生成批次 (\S+)：(\d+) 笔，合计 ([\d,.]+) 元/.exec(await issued.innerText())!;
    expect(Number(count)).toBeGreaterThan(0);
    const row = list.filter({ hasText: batchNo! });
    await row.filter({ hasText: '失业保险基金' }).filter({ hasText: '待审核发送' }).waitFor();
    expect(await row.innerText()).toContain('本人');

    // Its payments, in the drawer, add up to the batch's total.
    await row.getByRole('button', { name: batchNo! }).click();
    const drawer = page.locator('.payments-drawer');
    const payments = drawer.locator('tbody tr.ant-table-row');
    await payments.first().waitFor();
    const paymentCells = await Promise.all((await payments.all()).map((line) => line.getByRole('cell').allInnerTexts()));
    expect(paymentCells).toHaveLength(Number(count));
    expect(paymentCells.reduce((sum, line) => sum + fen(line[5]!), 0)).toBe(fen(total!));
    for (const line of paymentCells) expect(['个人', '用人单位', '机构', '银行']).toContain(line[1]);
    for (const line of paymentCells) expect(line[6]).toBe('已生成');

    // The issuer may not approve sending it: the refusal shows, the batch stays unsent.
    await session().confirm(drawer.getByRole('button', { name: '审核并发送银行' }), '确认发送');
    // The refusal read whole, so that another one would be named in the failure.
    const refusal = drawer.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('审核人不能与经办人为同一人');
    await page.locator('.ant-popconfirm').waitFor({ state: 'hidden' });
    await session().screenshot('payment-batches');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    await row.filter({ hasText: '待审核发送' }).waitFor();

    // The supervisor, a reviewer who did not issue it, sends it.
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('supervisor');
    await page.getByRole('menuitem', { name: '资金发放' }).click();
    await row.getByRole('button', { name: batchNo! }).click();
    await session().confirm(drawer.getByRole('button', { name: '审核并发送银行' }), '确认发送');
    await drawer.getByRole('status').getByText(`批次 ${batchNo} 已发送银行`).waitFor();
    await drawer.locator('tbody tr.ant-table-row').first().getByText('已发送银行').waitFor();
    await row.filter({ hasText: '已发送银行' }).waitFor();

    // The bank file: its header, a line per payment, the amounts adding up to the total.
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载银行文件' }).click()]);
    expect(download.suggestedFilename()).toBe(`bank-file_${batchNo}.csv`);
    const bankFile = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(bankFile[0]).toBe('payment_no,payee_kind,payee_code,account_name,account_no,bank,amount_fen');
    const lines = bankFile.slice(1).map(cells);
    expect(lines.map((line) => line[0])).toEqual(paymentCells.map((line) => line[0]));
    expect(lines.reduce((sum, line) => sum + Number(line[6]), 0)).toBe(fen(total!));
    await drawer.locator('.ant-drawer-close').click();
    await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });

    // The bank pays them all; one line of the file names no payment of ours and is reported.
    const reconciliation = [
      'payment_no,id_number,amount_fen,result,bank_reference,message',
      ...lines.map((line, i) => [line[0], line[2], line[6], 'paid', `E2E-${i + 1}`, ''].join(',')),
      `NO-SUCH-PAYMENT,${lines[0]![2]},100,paid,E2E-X,`,
    ].join('\n');
    await page.getByLabel('选择文件').setInputFiles({ name: `reconciliation-${batchNo}.csv`, mimeType: 'text/csv', buffer: Buffer.from(reconciliation) });
    await page.getByRole('button', { name: '导入对账文件' }).click();
    const n = lines.length;
    await page.getByRole('status').filter({ hasText: `已导入 ${n + 1} 行：匹配 ${n} 行，未匹配 1 行` }).waitFor();
    await page.getByText(`第 ${n + 2} 行：无此支付单`).waitFor();
    await row.filter({ hasText: '已对账' }).waitFor();
  });

  it('lists the batches as cards on a phone (375 px), each field inside its card, in English and zh-CN', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
      expect(await cards(page, 'Payment batches')).toBeGreaterThan(1);
      const list = page.getByRole('list', { name: 'Payment batches' });
      await list.getByRole('listitem').filter({ hasText: 'Reconciled' }).waitFor();
      expect(await outsideCards(page.locator('.payments-page'))).toEqual([]);
      expect(await phoneFaults(page)).toEqual([]);
      // The supervisor, who sent the batch above, is named by their display name.
      expect(await untranslated(list, ['业务科长'])).toEqual([]);
      await session().screenshot('payment-batches-en-375');

      await page.getByRole('banner').getByRole('button', { name: '中文' }).click();
      expect(await cards(page, '发放批次')).toBeGreaterThan(1);
      expect(await outsideCards(page.locator('.payments-page'))).toEqual([]);
      expect(await phoneFaults(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
