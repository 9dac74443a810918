import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser, type BrowserSession } from './browser.ts';
import { SCREENS } from './layout.ts';

/** Today in China, as the platform counts days. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The texts these tests look for, in the language of each run. */
const TEXT = {
  'zh-CN': {
    actions: '可执行的操作',
    submit: '提交登记',
    category: '失业人员类别',
    other: '其他',
    since: '失业时间',
    phone: '手机号码',
    area: '常住地区划代码',
    education: '文化程度',
    postgraduate: '研究生教育',
    retirement: '退休年龄类别',
    male60: '男职工（原60周岁）',
    notAfterToday: '不能晚于今天',
    review: '审核',
    register: '办理就业登记',
    employmentForm: '就业形式',
    flexible: '灵活就业',
    hireDate: '就业日期',
    confirmTitle: '确认办理“办理就业登记”？',
    cancels: (caseNo: string) => `同时对失业登记 ${caseNo} 办理“就业登记自动注销”，转为“已注销”`,
    status: '变更本人的就业登记状态',
    cancel: /^取\s*消$/,
    goAhead: '确认办理',
    employed: '在职',
  },
  en: {
    actions: 'Actions you may take',
    submit: 'Submit registration',
    category: 'Category',
    other: 'Other',
    since: 'Unemployed since',
    phone: 'Mobile phone',
    area: 'Residence area code',
    education: 'Education (GB/T 4658)',
    postgraduate: 'Postgraduate education',
    retirement: 'Retirement age category',
    male60: 'Male worker (original retirement age 60)',
    notAfterToday: 'Cannot be later than today',
    review: 'Review',
    register: 'Register employment',
    employmentForm: 'Form of employment',
    flexible: 'Flexible employment',
    hireDate: 'Hire date',
    confirmTitle: 'Go ahead with “Register employment”?',
    cancels: (caseNo: string) => `also take “Cancelled by employment registration” on Unemployment registration ${caseNo}, which becomes “Cancelled”`,
    status: 'change the person’s Employment registration status',
    cancel: /^Cancel$/,
    goAhead: 'Go ahead',
    employed: 'Employed',
  },
} as const;

type Locale = keyof typeof TEXT;

/** Calls the API with the signed-in user's token (or `token`), expecting success. */
async function call(page: Page, baseUrl: string, method: string, path: string, body?: unknown, token?: string) {
  const bearer = token ?? (await page.evaluate(() => localStorage.getItem('pes.token')));
  const headers = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' };
  const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

let people = 0;
/** A new man of this test's own (born in January 1990: an odd sequence number is a man's), with a mobile number. */
async function newPerson(page: Page, baseUrl: string, name: string): Promise<string> {
  people += 1;
  const sequence = String(101 + 2 * Math.floor(Math.random() * 440));
  const birth = `199001${String(people).padStart(2, '0')}`;
  const person = await call(page, baseUrl, 'POST', '/persons', { idNumber: citizenId('350203', birth, sequence), name, phone: '13912345678' });
  return person.id as string;
}

/** Signs in as the caseworker, switches the language and sets the width. */
async function prepare(session: BrowserSession, locale: Locale, width: number) {
  const { page } = session;
  await page.setViewportSize({ width: 1366, height: 768 });
  // Each run starts signed out, in Chinese.
  await page.goto(`${session.baseUrl}/admin/`);
  await page.evaluate(() => localStorage.clear());
  await session.signIn('caseworker');
  if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.setViewportSize({ width, height: 812 });
}

/** Types a day into the date picker labelled `label` and confirms it. */
async function fillDate(page: Page, label: string, day: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** Waits for `done`, failing with what the page says instead when the form or the server refused. */
async function taken(page: Page, done: string) {
  const refusal = page.locator('.case-form .ant-form-item-has-error, .case-refusal');
  await page.locator('.case-header').getByText(done, { exact: true }).or(refusal).first().waitFor();
  expect(await refusal.allInnerTexts()).toEqual([]);
}

/** POSTs of case steps the page sends, collected from now on. */
function stepRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/cases\/[^/]+\/events$/.test(request.url())) sent.push(request.url());
  });
  return sent;
}

describeInBrowser('case forms are safe: no date after today, no step sent by Enter, legal changes confirmed', (session) => {
  for (const { width, locale } of SCREENS) {
    it(`refuses a date of unemployment after today in the browser, and Enter in a field sends nothing (${locale}, ${width} px)`, async () => {
      const t = TEXT[locale];
      const { page, baseUrl } = session();
      await prepare(session(), locale, width);
      const personId = await newPerson(page, baseUrl, `回车${locale === 'en' ? '乙' : '甲'}`);
      const draft = await call(page, baseUrl, 'POST', '/cases', { processId: 'unemployment-registration', subjectId: personId });
      const sent = stepRequests(page);
      await page.goto(`${baseUrl}/admin/#/cases/${draft.id}`);
      await page.getByRole('group', { name: t.actions }).getByRole('button', { name: t.submit }).click();
      const form = page.locator('.case-form form');
      await form.waitFor();
      await session().choose(t.category, t.other);
      await fillDate(page, t.since, '2030-01-01');
      await session().pickCode(t.area, '350203', '思明区 (350203)');
      await session().choose(t.education, t.postgraduate);
      await session().choose(t.retirement, t.male60);
      await form.getByRole('button', { name: t.submit }).click();
      // Refused beside the field, before anything is sent.
      await form.locator('.ant-form-item-has-error').filter({ hasText: t.notAfterToday }).waitFor();
      expect(sent).toEqual([]);

      // Corrected; Enter in a one-line field does not send the step: the form stays open and the case where it was.
      await fillDate(page, t.since, '2026-11-02');
      await form.locator('.ant-form-item-has-error').waitFor({ state: 'detached' });
      await page.getByLabel(t.phone, { exact: true }).press('Enter');
      await page.getByLabel(t.area, { exact: true }).press('Enter');
      await form.getByRole('button', { name: t.submit }).waitFor();
      expect((await call(page, baseUrl, 'GET', `/cases/${draft.id}`)).state).toBe('draft');
      // Only the button sends it, once.
      await form.getByRole('button', { name: t.submit }).click();
      await taken(page, t.review);
      expect(sent).toHaveLength(1);
    });
  }

  for (const { width, locale } of SCREENS) {
    it(`asks before a step that changes a legal status, naming the registration it cancels (${locale}, ${width} px)`, async () => {
      const t = TEXT[locale];
      const { page, baseUrl } = session();
      await prepare(session(), locale, width);
      // A person registered unemployed (submitted here, approved by the reviewer), then hired.
      const personId = await newPerson(page, baseUrl, `就业${locale === 'en' ? '乙' : '甲'}`);
      const registration = await call(page, baseUrl, 'POST', '/cases', { processId: 'unemployment-registration', subjectId: personId });
      const form = { category: 'other', unemployedSince: '2026-11-02', phone: '13912345678', residenceArea: '350203', education: '20', retirementCategory: 'male-60' };
      await call(page, baseUrl, 'POST', `/cases/${registration.id}/events`, { type: 'submit', data: form, version: registration.version });
      const reviewer = (await call(page, baseUrl, 'POST', '/auth/login', { username: 'reviewer', password: 'demo' })).token as string;
      await call(page, baseUrl, 'POST', `/cases/${registration.id}/events`, { type: 'approve', data: { opinion: '同意' }, version: registration.version + 1 }, reviewer);
      const employment = await call(page, baseUrl, 'POST', '/cases', { processId: 'employment-registration', subjectId: personId });

      const sent = stepRequests(page);
      await page.goto(`${baseUrl}/admin/#/cases/${employment.id}`);
      await page.getByRole('group', { name: t.actions }).getByRole('button', { name: t.register }).click();
      const caseForm = page.locator('.case-form form');
      await caseForm.waitFor();
      await session().choose(t.employmentForm, t.flexible);
      await fillDate(page, t.hireDate, today());
      await caseForm.getByRole('button', { name: t.register }).click();

      // The confirmation says what will happen, the registration it cancels by its number included.
      const dialog = page.getByRole('dialog').filter({ hasText: t.confirmTitle });
      await dialog.waitFor();
      const consequences = dialog.getByTestId('step-consequences');
      await consequences.getByText(t.cancels(registration.caseNo), { exact: true }).waitFor();
      await consequences.getByText(t.status, { exact: true }).waitFor();
      // The whole confirmation is on the screen, at phone width too.
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await session().screenshot(`confirm-step-${locale}-${width}`);
      // Cancelled: nothing sent.
      await dialog.getByRole('button', { name: t.cancel }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(sent).toEqual([]);
      expect((await call(page, baseUrl, 'GET', `/cases/${employment.id}`)).state).toBe('pending');

      // Confirmed: the step is taken, and the registration is cancelled with it.
      await caseForm.getByRole('button', { name: t.register }).click();
      await dialog.getByRole('button', { name: t.goAhead }).click();
      await taken(page, t.employed);
      expect(sent).toHaveLength(1);
      expect((await call(page, baseUrl, 'GET', `/cases/${registration.id}`)).state).toBe('cancelled');
    });
  }
});
