import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PUBLIC_ACCOUNTS } from '../../runtime/seed/demo-public-accounts.ts';
import { describeInBrowser, type BrowserSession } from './browser.ts';
import { chinaDayIn, fillPosting, POSTING_CONTACT_PHONE, publishPosting } from './employer-postings.ts';
import { pageFaults } from './public-pages.ts';

// The public side of a job from posting to hire, as the citizen, the employer and the office live it: the demo
// employer posts a job (a reviewer publishes it), the demo citizen finds it by search, registers as a job seeker
// if not yet one, applies and saves the search; the employer hires; the workbench has the employment registration
// and counts the referral. Every public page of the story passes axe and shows nothing meant for staff.

const citizen = DEMO_PUBLIC_ACCOUNTS.find((account) => account.kind === 'citizen')!;
const employer = DEMO_PUBLIC_ACCOUNTS.find((account) => account.kind === 'employer')!;
/** The demo citizen's mobile (demo-public-accounts.ts): not shared with the employer in this story, so never on a page. */
const CITIZEN_MOBILE = '13812345678';
/** The reviewer's opinion on publishing: the office's record, shown to the employer as a remark, never to a citizen. */
const REVIEW_OPINION = '核实单位资质无误，同意发布';

/** Signs a public account in on the public sign-in page (`/login`, the employer's form with `?kind=employer`). */
async function signInPublic(page: Page, baseUrl: string, account: (typeof DEMO_PUBLIC_ACCOUNTS)[number]): Promise<void> {
  await page.goto(`${baseUrl}/login${account.kind === 'employer' ? '?kind=employer' : ''}`);
  await page.getByLabel(account.kind === 'employer' ? '统一社会信用代码' : '公民身份号码').fill(account.login);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/my$/);
}

/**
 * The page shown passes axe and the site's other checks on a desktop and on a 375 px phone, and its HTML,
 * markup and data included, holds none of `never`.
 */
async function checkPublicPage(page: Page, never: readonly string[]): Promise<void> {
  expect(await pageFaults(page, 'zh-CN'), page.url()).toEqual([]);
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 800 });
  try {
    expect(await pageFaults(page, 'zh-CN'), `${page.url()} at 375 px`).toEqual([]);
  } finally {
    await page.setViewportSize(desktop);
  }
  const html = await page.content();
  for (const text of never) expect(html.includes(text), `${page.url()} shows ${text}`).toBe(false);
}

/** The referral success rate's denominator (referrals made) on the evaluator's dashboard, the default last 90 days. */
async function referralsCounted(staff: BrowserSession): Promise<number> {
  await staff.page.evaluate(() => localStorage.removeItem('pes.token'));
  await staff.signIn('evaluator');
  await staff.page.goto(`${staff.baseUrl}/admin/#/dashboard/referral-success-rate`);
  await staff.page.reload();
  const fraction = staff.page.getByRole('group', { name: '职业介绍成功率' }).getByText(/^分子 \d+ \/ 分母 \d+$/);
  await fraction.waitFor();
  return Number(/分母 (\d+)/.exec(await fraction.innerText())![1]);
}

describeInBrowser('job applications: a citizen applies online, the employer hires, the office has the employment registration', (session) => {
  const suffix = String(Date.now() % 100_000).padStart(5, '0');
  const title = `税务会计（${suffix}）`;
  const words = `税务会计 ${suffix}`;
  let contexts: BrowserContext[] = [];
  let asEmployer: Page;
  let asCitizen: Page;
  let postingId = '';
  let caseNo = '';
  /** A second tab of the citizen's, showing the posting's form from before the application. */
  let secondTab: Page | undefined;
  let referralsBefore = 0;
  let jobSeekingNo = '';
  let employmentNo = '';
  /** What no public page shows anyone: the citizen's ID number (nor its birth date part, as a partial mask would) and mobile. */
  const nowhere = [citizen.login, citizen.login.slice(6, 14), CITIZEN_MOBILE];
  /** What the citizen's pages never show besides: the posting's contact and the reviewer's opinion. */
  const notToCitizens = [...nowhere, POSTING_CONTACT_PHONE, REVIEW_OPINION];

  beforeAll(async () => {
    const browser = session().page.context().browser()!;
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    };
    asEmployer = await open();
    asCitizen = await open();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });

  it('the demo employer signs in and submits a posting on the public site', async () => {
    const { baseUrl } = session();
    await signInPublic(asEmployer, baseUrl, employer);
    await asEmployer.goto(`${baseUrl}/employer/postings/new`);
    await fillPosting(asEmployer, title);
    await asEmployer.getByRole('button', { name: '提交审核' }).click();
    await asEmployer.waitForURL(/\/employer\/postings\/[0-9a-f-]{36}\?done=submitted$/);
    postingId = /postings\/([0-9a-f-]{36})/.exec(asEmployer.url())![1]!;
    caseNo = /业务编号 (\S+)/.exec(await asEmployer.locator('#posting-state').innerText())![1]!;
  });

  it('the reviewer publishes it from the workbench', async () => {
    const { baseUrl, page } = session();
    await session().signIn('reviewer');
    await publishPosting(page, caseNo, REVIEW_OPINION);
    expect((await asEmployer.request.get(`${baseUrl}/jobs/${postingId}`)).status()).toBe(200);
  });

  it('the evaluator\'s dashboard counts the referrals of the last 90 days, the demo story\'s among them', async () => {
    // This server runs one test file at a time: nothing but this story refers anyone until the count is read again.
    referralsBefore = await referralsCounted(session());
    expect(referralsBefore).toBeGreaterThan(0);
  });

  it('the demo citizen signs in and finds the posting by search', async () => {
    const { baseUrl } = session();
    await signInPublic(asCitizen, baseUrl, citizen);
    await checkPublicPage(asCitizen, notToCitizens);

    await asCitizen.goto(`${baseUrl}/`);
    await asCitizen.getByLabel('关键词').fill(words);
    await asCitizen.getByRole('button', { name: '搜索', exact: true }).click();
    await asCitizen.waitForURL(/\/jobs\?q=/);
    const card = asCitizen.locator('.results .job').filter({ hasText: title });
    await card.getByRole('heading').getByRole('link').click();
    await asCitizen.waitForURL(new RegExp(`/jobs/${postingId}$`));
    await checkPublicPage(asCitizen, notToCitizens);
  });

  it('registers as a job seeker online from the posting, unless registered already, and comes back to it', async () => {
    const register = asCitizen.locator('#apply').getByRole('link', { name: '网上办理求职登记' });
    // The demo seed leaves 李明轩 without a registration; a file run before on this server may have made one.
    if (await register.isVisible()) {
      await register.click();
      await asCitizen.waitForURL(/\/my\/job-seeking\?next=/);
      await checkPublicPage(asCitizen, notToCitizens);
      // Sent without its required fields, the form comes back with a message beside each, and passes axe so.
      await asCitizen.getByRole('button', { name: '提交求职登记' }).click();
      await asCitizen.locator('#f-desiredOccupations-error').waitFor();
      await checkPublicPage(asCitizen, notToCitizens);
      await asCitizen.getByLabel(/^求职意向职业/).selectOption('2-06-03');
      await asCitizen.getByRole('group', { name: /^意向工作地区划代码/ }).getByLabel('思明区').check();
      await asCitizen.getByLabel(/^期望月薪/).fill('7000');
      await asCitizen.getByLabel(/^文化程度/).selectOption('20');
      await asCitizen.getByLabel(/^可到岗日期/).fill(chinaDayIn(1));
      await asCitizen.getByLabel(/^登记有效期截止日/).fill(chinaDayIn(120));
      await asCitizen.getByRole('button', { name: '提交求职登记' }).click();
      // Registered, the citizen is back on the posting they came from.
      await asCitizen.waitForURL(new RegExp(`/jobs/${postingId}$`));
    }
    expect(await asCitizen.locator('#apply').getByRole('button', { name: '提交应聘' }).count()).toBe(1);
  });

  it('applies with a note, the mobile kept from the employer', async () => {
    const { baseUrl } = session();
    secondTab = await asCitizen.context().newPage();
    await secondTab.goto(`${baseUrl}/jobs/${postingId}`);
    const apply = asCitizen.locator('#apply');
    await apply.getByLabel('给用人单位的附言（选填，500 字以内）').fill('持初级会计证，有两年代理记账经验。');
    expect(await apply.getByLabel('允许用人单位查看我的手机号码').isChecked()).toBe(false);
    await checkPublicPage(asCitizen, notToCitizens);
    await apply.getByRole('button', { name: '提交应聘' }).click();
    await asCitizen.waitForURL(new RegExp(`/jobs/${postingId}\\?applied=1#apply$`));
    expect(await apply.getByRole('status').innerText()).toContain('应聘已提交');
    expect(await apply.getByRole('button', { name: '提交应聘' }).count()).toBe(0);
    await checkPublicPage(asCitizen, notToCitizens);
  });

  it('refuses a second application sent from a tab opened before the first, on the page /jobs/{id}/apply answers', async () => {
    const second = secondTab!;
    try {
      // The first tab applied meanwhile (the test before); this one still shows the form it loaded before that.
      await second.locator('#apply').getByLabel('给用人单位的附言（选填，500 字以内）').fill('再投一次');
      await second.locator('#apply').getByRole('button', { name: '提交应聘' }).click();
      await second.waitForURL(new RegExp(`/jobs/${postingId}/apply$`));
      expect(await second.locator('#apply').getByRole('alert').innerText()).toContain('您已应聘过该岗位');
      await checkPublicPage(second, notToCitizens);
    } finally {
      await second.close();
    }
  });

  it('saves the search: /my lists it with its personal feed, which has the posting, beside the registration and the application', async () => {
    const { baseUrl } = session();
    await asCitizen.goto(`${baseUrl}/jobs?q=${encodeURIComponent(words)}`);
    await asCitizen.getByRole('button', { name: '保存此搜索，有新岗位时通知我' }).click();
    await asCitizen.waitForURL(/\/my#my-searches$/);
    const saved = asCitizen.locator('section[aria-labelledby="my-searches"] li').filter({ hasText: words });
    await saved.waitFor();
    const feed = await saved.getByRole('link', { name: '个人订阅源（Atom）' }).getAttribute('href');
    expect(feed).toMatch(/^\/feeds\/saved\/[A-Za-z0-9_-]{32}$/);
    const atom = await (await asCitizen.request.get(`${baseUrl}${feed}`)).text();
    expect(atom).toContain(`/jobs/${postingId}`);

    // /my: the registration (its number is the office's, not the employer's business) and the application, sent.
    const registration = await asCitizen.locator('section[aria-labelledby="my-job-seeking"]').innerText();
    jobSeekingNo = /登记编号 (\S+?)，/.exec(registration)![1]!;
    const application = asCitizen.locator('section[aria-labelledby="my-applications"] li').filter({ hasText: title });
    expect(await application.locator('.state').innerText()).toBe('已投递');
    await checkPublicPage(asCitizen, notToCitizens);
  });

  it('the employer sees the application from its posting (name and note, no ID number, no mobile unshared) and records the hire', async () => {
    const { baseUrl } = session();
    await asEmployer.goto(`${baseUrl}/employer/postings/${postingId}`);
    await checkPublicPage(asEmployer, nowhere);
    await asEmployer.getByRole('link', { name: '查看应聘人员' }).click();
    await asEmployer.waitForURL(new RegExp(`/employer/postings/${postingId}/applications$`));
    const row = asEmployer.getByRole('row').filter({ hasText: citizen.label });
    expect(await row.count()).toBe(1);
    const cells = await row.innerText();
    expect(cells).toContain('持初级会计证，有两年代理记账经验。');
    expect(cells).toContain('未公开');
    expect(cells).toContain('单位已查看');
    // Nor what is between the citizen and the office: the job-seeker registration's number.
    await checkPublicPage(asEmployer, [...nowhere, jobSeekingNo]);

    await row.getByRole('button', { name: '录用（提交就业登记）' }).click();
    await asEmployer.waitForURL(/\/applications\?hired=/);
    employmentNo = /编号 ([A-Z]{2}\d{8,24})/.exec(await asEmployer.getByRole('status').innerText())![1]!;
    expect(await asEmployer.getByRole('row').filter({ hasText: citizen.label }).innerText()).toContain('已录用');
    await checkPublicPage(asEmployer, [...nowhere, jobSeekingNo]);
  });

  it('the workbench has the employment registration opened online at the office, and the evaluator counts the referral', async () => {
    const { baseUrl, page } = session();
    await page.evaluate(() => localStorage.removeItem('pes.token'));
    await session().signIn('caseworker');
    await page.goto(`${baseUrl}/admin/#/cases?q=${employmentNo}`);
    const found = page.getByRole('table', { name: '业务办件' }).getByRole('row').filter({ hasText: employmentNo });
    await found.waitFor();
    const line = await found.innerText();
    for (const text of ['就业登记', '受理', citizen.label, '网上申请']) expect(line).toContain(text);
    await found.getByRole('link', { name: employmentNo }).click();
    await page.getByRole('heading', { name: new RegExp(employmentNo) }).waitFor();
    // Waiting for the employment window, which registers it with the hire's facts.
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '办理就业登记' }).waitFor();

    expect(await referralsCounted(session())).toBe(referralsBefore + 1);
  });

  it('the citizen reads the outcome on /my', async () => {
    const { baseUrl } = session();
    await asCitizen.goto(`${baseUrl}/my`);
    const application = asCitizen.locator('section[aria-labelledby="my-applications"] li').filter({ hasText: title });
    expect(await application.locator('.state').innerText()).toBe('已录用');
    await checkPublicPage(asCitizen, notToCitizens);
    await asCitizen.goto(`${baseUrl}/jobs/${postingId}`);
    expect(await asCitizen.locator('#apply').innerText()).toContain('您已应聘该岗位');
    await checkPublicPage(asCitizen, notToCitizens);
  });

  it('gives the citizen\'s page and the employer\'s applications in English too, the names in them marked as Chinese', async () => {
    const { baseUrl } = session();
    await asCitizen.goto(`${baseUrl}/en/my`);
    expect(await asCitizen.locator('section[aria-labelledby="my-applications"] li').filter({ hasText: title }).locator('.state').innerText()).toBe('Hired');
    expect(await pageFaults(asCitizen, 'en')).toEqual([]);
    await asEmployer.goto(`${baseUrl}/en/employer/postings/${postingId}/applications`);
    expect(await asEmployer.getByRole('row').filter({ hasText: citizen.label }).innerText()).toContain('Hired');
    expect(await pageFaults(asEmployer, 'en')).toEqual([]);
  });
});
