import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { citizenIdCheckCharacter } from '../../forms/index.ts';
import { describeInBrowser } from './browser.ts';
import { pageFaults, type Lang } from './public-pages.ts';

const digits = (count: number) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

/**
 * Signs a new citizen up on the sign-up page (demo mode shows the text message's code), so that the
 * job-seeker registration is open to them whatever other files did on this server with the demo citizen.
 */
async function signUpCitizen(page: Page, baseUrl: string): Promise<void> {
  const first17 = `35020319${80 + Math.floor(Math.random() * 20)}0${1 + Math.floor(Math.random() * 9)}1${digits(4)}`;
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('姓名').fill('林表单');
  await page.getByLabel('公民身份号码').fill(first17 + citizenIdCheckCharacter(first17));
  await page.getByLabel('手机号码').fill(`139${digits(8)}`);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = /验证码为 (\d{6})/.exec(await page.locator('#demo-code').innerText())![1]!;
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('密码', { exact: true }).fill('Forms-Test-2026!');
  await page.getByLabel('再次输入密码').fill('Forms-Test-2026!');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.waitForURL(/\/my$/);
}

/** Sends a process form as it is first shown, and waits for it to come back refused. */
async function sendRefused(page: Page, button: string, firstError: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.locator(firstError).waitFor();
}

describeInBrowser('the public site\'s process forms: drawn, refused and shown again accessibly in both languages', (session) => {
  it('a new citizen\'s 失业登记 and job-seeker registration, sent empty, come back with each field\'s message tied to it and summed up above; every page passes axe, nothing is written', async () => {
    const { baseUrl } = session();
    const context = await session().page.context().browser()!.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const citizen = await context.newPage();
    try {
      await signUpCitizen(citizen, baseUrl);

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
