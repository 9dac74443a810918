import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';

/**
 * The antd styles the page built itself, named by their first rule: `<style>` elements antd's CSS-in-JS wrote for a
 * component (`data-css-hash`), not the ones holding the theme's CSS variables, which it writes always (`data-token-hash`).
 */
const BUILT_IN_THE_BROWSER = () =>
  [...document.querySelectorAll('style[data-css-hash]:not([data-token-hash])')].map((style) => (style.textContent ?? '').slice(0, 80));

describeInBrowser('antd styles built ahead for the first screens', (session) => {
  it('builds no antd style in the browser on the sign-in page, nor in the frame and the inbox after signing in, and draws in the theme colours', async () => {
    const { page, baseUrl } = session();
    await page.goto(`${baseUrl}/admin/`);
    const signIn = page.getByRole('button', { name: /登\s*录/ });
    await signIn.waitFor();
    // Building each component's styles at its first render was about a third of the inbox's script time (README, Lighthouse).
    expect(await page.evaluate(BUILT_IN_THE_BROWSER)).toEqual([]);
    // The sheet's rules draw in the theme's colours (theme.ts): the primary button in its deeper blue.
    expect(await signIn.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(9, 88, 217)');

    await session().signIn('caseworker');
    await page.locator('.ant-table-row').first().waitFor();
    await page.locator('.ant-pagination').waitFor();
    expect(await page.evaluate(BUILT_IN_THE_BROWSER)).toEqual([]);
  });
});
