import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('the API reference at /api/docs', (session) => {
  it('renders the operations of /api/openapi.json without signing in, under its Content-Security-Policy', async () => {
    const { page, baseUrl } = session();
    const failed: string[] = [];
    page.on('pageerror', (error) => failed.push(error.message));
    const response = await page.goto(`${baseUrl}/api/docs`);
    expect(response?.status()).toBe(200);
    // listCases' summary, and sendCaseEvent's section named by its operationId, as Redoc renders them: the document was read.
    await page.getByText(/^Cases in the caller's org subtree, found by case number/).first().waitFor({ state: 'attached' });
    await page.locator('[id$="operation/sendCaseEvent"]').first().waitFor({ state: 'attached' });
    // Redoc's menu footer always asks its CDN for a logo: the policy refuses it, so nothing leaves for a CDN,
    // and that is the one refusal; any other (a style, a script) would still fail the file when it ends.
    await expect.poll(() => session().policyViolations.length).toBeGreaterThan(0);
    const refused = session().policyViolations.splice(0);
    expect(refused.filter((message) => !message.includes("Loading the image 'https://cdn.redoc.ly/redoc/logo-mini.svg'"))).toEqual([]);
    expect(failed).toEqual([]);
  });
});
