import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PUBLIC_ACCOUNTS } from '../../runtime/seed/demo-public-accounts.ts';
import { describeInBrowser } from './browser.ts';
import { pageFaults, type Lang } from './public-pages.ts';

/** The demo citizen (李明轩), as the sign-in page lists them in demo mode. */
const demoCitizen = DEMO_PUBLIC_ACCOUNTS.find((account) => account.kind === 'citizen')!;

/** Sends a process form as it is first shown, and waits for it to come back refused. */
async function sendRefused(page: Page, button: string, firstError: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.locator(firstError).waitFor();
}

describeInBrowser('the public site\'s process forms: drawn, refused and shown again accessibly in both languages', (session) => {
  it('the demo citizen\'s 失业登记 and job-seeker registration, sent empty, come back with each field\'s message tied to it and summed up above; every page passes axe, nothing is written', async () => {
    const { baseUrl } = session();
    const context = await session().page.context().browser()!.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const citizen = await context.newPage();
    try {
      await citizen.goto(`${baseUrl}/login?next=${encodeURIComponent('/apply/unemployment-registration')}`);
      await citizen.getByLabel('公民身份号码').fill(demoCitizen.login);
      await citizen.getByLabel('密码').fill(demoCitizen.password);
      await citizen.getByRole('button', { name: '登录' }).click();
      await citizen.waitForURL(/\/apply\/unemployment-registration$/);

      for (const [lang, prefix, words] of [
        ['zh-CN', '', { apply: '提交申请', register: '提交求职登记', category: '失业人员类别', required: '必填' }],
        ['en', '/en', { apply: 'Submit the application', register: 'Register', category: 'Category', required: 'Required' }],
      ] as const) {
        await citizen.goto(`${baseUrl}${prefix}/apply/unemployment-registration`);
        expect(await pageFaults(citizen, lang as Lang)).toEqual([]);
        await sendRefused(citizen, words.apply, '#f-category-error');
        expect(await citizen.locator('#f-category-error').innerText()).toBe(words.required);
        // The select is named by its label and described by its message.
        const category = citizen.getByRole('combobox', { name: new RegExp(`^${words.category}`) });
        expect([await category.getAttribute('aria-invalid'), await category.getAttribute('aria-describedby')]).toEqual(['true', 'f-category-error']);
        // The summary's link takes the reader to the field.
        await citizen.locator('#f-problems').getByRole('link', { name: words.category, exact: true }).click();
        expect(await citizen.evaluate(() => location.hash)).toBe('#f-category');
        expect(await pageFaults(citizen, lang as Lang)).toEqual([]);

        await citizen.goto(`${baseUrl}${prefix}/my/job-seeking`);
        expect(await pageFaults(citizen, lang as Lang)).toEqual([]);
        await citizen.locator('#f-expectedPayFen').fill('6000.505');
        await sendRefused(citizen, words.register, '#f-desiredAreas-error');
        // What was typed comes back as typed, for the schema's message beside it.
        expect(await citizen.locator('#f-expectedPayFen').inputValue()).toBe('6000.505');
        expect(await citizen.locator('#f-expectedPayFen').getAttribute('aria-invalid')).toBe('true');
        expect(await citizen.getByRole('group', { name: lang === 'en' ? /Desired work area codes/ : /意向工作地区划代码/ }).getByRole('checkbox').count()).toBeGreaterThan(0);
        expect(await pageFaults(citizen, lang as Lang)).toEqual([]);
      }
      // Refused, nothing was registered: the form is still offered.
      await citizen.goto(`${baseUrl}/my/job-seeking`);
      expect(new URL(citizen.url()).pathname).toBe('/my/job-seeking');
    } finally {
      await context.close();
    }
  });
});
