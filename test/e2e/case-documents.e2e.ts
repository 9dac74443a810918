import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';

/**
 * Opens an unemployment registration through the API with the page's sign-in, submits it, and has
 * the demo reviewer decide it (`approve` or `reject`); returns the case id.
 */
async function decidedCase(page: Page, idNumber: string, name: string, decision: 'approve' | 'reject' | null): Promise<string> {
  return page.evaluate(
    async ({ idNumber, name, decision, form }) => {
      const call = async (method: string, path: string, token: string, body?: unknown) => {
        const response = await fetch(`/api${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        const json = (await response.json()) as Record<string, unknown>;
        if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
        return json;
      };
      const caseworker = localStorage.getItem('pes.token')!;
      const person = await call('POST', '/persons', caseworker, { idNumber, name });
      const opened = await call('POST', '/cases', caseworker, { processId: 'unemployment-registration', subjectId: person['id'] });
      const id = opened['id'] as string;
      await call('POST', `/cases/${id}/events`, caseworker, { type: 'submit', data: form, version: 1 });
      if (decision) {
        const login = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'reviewer', password: 'demo' }) });
        const reviewer = ((await login.json()) as { token: string }).token;
        const data = decision === 'approve' ? { opinion: '同意' } : { rejectionReason: '申请人已在其他单位就业' };
        await call('POST', `/cases/${id}/events`, reviewer, { type: decision, data, version: 2 });
      }
      return id;
    },
    { idNumber, name, decision, form: registrationForm() },
  );
}

/** Whether the page scrolls sideways. */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describeInBrowser('printed documents and their verification page', (session) => {
  const cases = { approved: '', rejected: '' };

  it('prints the acceptance receipt and the 就业创业证 page with their numbers and QR codes, the sheet alone on paper, and the QR address verifies them (1366 px, zh-CN)', async () => {
    const { page, baseUrl } = session();
    await session().signIn('caseworker');
    cases.approved = await decidedCase(page, citizenId('350203', '19900315', '711'), '欧阳明轩', 'approve');
    cases.rejected = await decidedCase(page, citizenId('350203', '19900315', '733'), '王建国', 'reject');
    await page.goto(`${baseUrl}/admin/#/cases/${cases.approved}`);
    const documents = page.getByRole('region', { name: '打印文书' });
    await documents.getByRole('button', { name: '打印 失业登记受理回执' }).click();

    const sheet = page.getByRole('article', { name: '失业登记受理回执' });
    await sheet.waitFor();
    const caseNo = (await sheet.getByTestId('document-number').textContent())!;
    expect(caseNo).toMatch(/^UR\d{16}$/);
    expect(await sheet.getByRole('row', { name: /办结时限/ }).textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await sheet.textContent()).toContain(`申请编号 ${caseNo}`);
    await sheet.getByRole('img', { name: '扫码核验文书真伪' }).waitFor();

    // The print button opens the browser's print; on paper only the sheet shows.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: '打印此文书' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.print-sheet').evaluate((node) => getComputedStyle(node).visibility)).toBe('visible');
      // Hidden from print, so out of the accessibility tree: found by their classes.
      expect(await page.locator('.ant-menu').first().evaluate((node) => getComputedStyle(node).visibility)).toBe('hidden');
      expect(await page.locator('.ant-modal-footer .ant-btn-primary').evaluate((node) => getComputedStyle(node).visibility)).toBe('hidden');
      await session().screenshot('document-receipt-print');
    } finally {
      await page.emulateMedia({ media: null });
    }
    const address = (await sheet.locator('.print-address').textContent())!;
    expect(address).toMatch(new RegExp(`^${baseUrl}/verify/350200-[A-Za-z0-9_-]{32}$`));
    await page.getByRole('button', { name: '关闭' }).first().click();

    await documents.getByRole('button', { name: '打印 就业创业证' }).click();
    const certificate = page.getByRole('article', { name: '就业创业证' });
    const certificateNo = (await certificate.getByTestId('document-number').textContent())!;
    expect(certificateNo).toMatch(/^3502002026\d{6}$/);
    expect(await certificate.getByRole('row', { name: /证书编号/ }).textContent()).toContain(certificateNo);
    await session().screenshot('document-certificate');
    await page.getByRole('button', { name: '关闭' }).first().click();
    await documents.getByText('已出具').waitFor();
    expect(await documents.getByText('有效').count()).toBe(2);

    await page.goto(address);
    await page.getByRole('status').getByText('真实有效').waitFor();
    expect(await page.textContent('body')).toContain(caseNo);
    expect(await page.textContent('body')).toContain('欧***');
    expect(await page.textContent('body')).not.toContain('欧阳明轩');
    await session().screenshot('document-verified');
  });

  it('prints the decision notice with the reason and the right to appeal, and the case summary', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/#/cases/${cases.rejected}`);
    const documents = page.getByRole('region', { name: '打印文书' });
    await documents.getByRole('button', { name: '打印 不予登记决定书' }).click();
    const notice = page.getByRole('article', { name: '不予登记决定书' });
    await notice.waitFor();
    const text = (await notice.textContent())!;
    expect(text).toContain('理由：申请人已在其他单位就业');
    expect(text).toContain('六十日内');
    expect(text).toContain('行政诉讼');
    await page.getByRole('button', { name: '关闭' }).first().click();
    await documents.getByRole('button', { name: '打印 业务办理摘要' }).click();
    await page.getByRole('article', { name: '业务办理摘要' }).getByRole('row', { name: /业务编号/ }).waitFor();
    await page.getByRole('button', { name: '关闭' }).first().click();
  });

  it('lets a reviewer revoke a printed copy, and the verification page then says it is revoked; a forged address is not genuine', async () => {
    const { page, baseUrl } = session();
    await page.getByRole('button', { name: '退出' }).click();
    await session().signIn('reviewer');
    await page.goto(`${baseUrl}/admin/#/cases/${cases.rejected}`);
    const issued = page.getByRole('region', { name: '打印文书' }).locator('.case-documents-issued');
    const notice = issued.getByRole('listitem').filter({ hasText: '不予登记决定书' });
    const verifyPath = (await notice.getByRole('link', { name: '核验' }).getAttribute('href'))!;
    await notice.getByRole('button', { name: '作废' }).click();
    await page.getByRole('dialog').getByLabel(/作废理由/).fill('决定书送达信息有误');
    await page.getByRole('dialog').getByRole('button', { name: /作\s*废/ }).click();
    // The dialog closes once the server has revoked the copy (a refusal would keep it open, with the reason shown).
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await notice.getByText('已作废').waitFor();
    await page.goto(`${baseUrl}${verifyPath}`);
    await page.getByRole('status').getByText('真实，但已作废').waitFor();
    expect(await page.textContent('body')).not.toContain('决定书送达信息有误');
    await page.goto(`${baseUrl}/verify/350200-${'A'.repeat(32)}`);
    await page.getByRole('status').getByText('无法核实：本系统未出具过该文书').waitFor();
  });

  it('prints in English on a phone, 375 px wide, the sheet and its dialog within the width, and the verification page does not scroll sideways', async () => {
    const { page, baseUrl } = session();
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto(`${baseUrl}/admin/#/cases/${cases.approved}`);
      await page.getByRole('button', { name: 'English' }).click();
      const documents = page.getByRole('region', { name: 'Documents' });
      await documents.getByRole('button', { name: 'Print Unemployment registration: acceptance receipt' }).click();
      const sheet = page.getByRole('article', { name: 'Unemployment registration: acceptance receipt' });
      await sheet.waitFor();
      expect(await sheet.textContent()).toContain('Your application for unemployment registration has been accepted');
      expect(await sheet.getByRole('img', { name: 'Scan to verify this document' }).isVisible()).toBe(true);
      expect(await sheet.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
      // The dialog fits the phone (the case page behind it is the phone-width work of another part of issue 16).
      const dialog = (await page.locator('.ant-modal').boundingBox())!;
      expect(dialog.x).toBeGreaterThanOrEqual(0);
      expect(dialog.x + dialog.width).toBeLessThanOrEqual(375);
      await session().screenshot('document-receipt-375-en');
      const address = (await sheet.locator('.print-address').textContent())!;
      await page.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
      await page.goto(address);
      await page.getByRole('status').getByText('Genuine and current').waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await page.goto(`${baseUrl}/admin/#/cases/${cases.approved}`);
      await page.getByRole('button', { name: '中文' }).click();
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
