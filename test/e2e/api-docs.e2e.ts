import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

describeInBrowser('the API reference at /api/docs', (session) => {
  it('renders the operations of /api/openapi.json without signing in, under its Content-Security-Policy', async () => {
    const { page, baseUrl } = session();
    const failed: string[] = [];
    page.on('pageerror', (error) => failed.push(error.message));
    const response = await page.goto(`${baseUrl}/api/docs`);
    expect(response?.status()).toBe(200);
    // listCases' summary, as Redoc shows it beside the operation: the document was read and rendered.
    await page.getByRole('heading', { name: /^Cases in the caller's org subtree, found by case number/ }).first().waitFor();
    await page.getByText('sendCaseEvent').first().waitFor({ state: 'attached' });
    // The CSP violations the console reports are gathered by describeInBrowser and must be none when the file ends.
    expect(session().policyViolations).toEqual([]);
    expect(failed).toEqual([]);
  });
});
