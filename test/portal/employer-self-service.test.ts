import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { openVerificationOfAccount } from '../../runtime/employer-accounts/index.ts';
import { demoSmsSender, sendVerificationCode, signUpEmployer, startSession } from '../../runtime/public-accounts/index.ts';
import { employerSession, PUBLIC_TEST_PASSWORD, sessionCookies, type PublicSession } from '../support/public-accounts.ts';
import { vacancyPostingForm } from '../support/fixtures.ts';
import { act, caseHistory } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const HAULIER = '91350100M000100Y43';
const FIRM = '91350203MA2Y3K1B9C';
const NEWCOMER = '92350203MA8W5T1L58';
const REFUSED = '92350203MA8W7R2T23';

type Session = PublicSession;

/** The posting form as a browser sends it: every value a string, pay typed in yuan, the employer's credit code left to the site. */
function formBody(overrides: Record<string, unknown> = {}): Record<string, string> {
  const { employerCreditCode: _, ...form } = vacancyPostingForm(HAULIER, { validFrom: '2026-11-02', ...overrides });
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, key.endsWith('Fen') && typeof value === 'number' ? String(value / 100) : String(value)]));
}

describe.each(backends)('employer self-service on the public site (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let caseworker: string;
  let reviewer: string;
  let haulier: Session;

  const get = (path: string, session?: Session) => app.request(path, session ? { headers: { cookie: session.cookie } } : {});
  const post = (path: string, session: Session, fields: Record<string, string>) =>
    app.request(path, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: session.csrf, ...fields }) });
  const counts = async () => (await queryRows<{ cases: number; events: number }>(t.rt.db, sql`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events`))[0]!;
  const caseOf = async (id: string) => (await queryRows<{ state: string; version: number; opened_by_account: string | null }>(t.rt.db, sql`SELECT state, version, opened_by_account FROM cases WHERE id = ${id}`))[0]!;
  /** Submits a posting through the site; returns its id from the redirect to its page. */
  const submit = async (session: Session, overrides: Record<string, unknown> = {}) => {
    const response = await post('/employer/postings/new', session, formBody(overrides));
    expect(response.status, await response.clone().text()).toBe(303);
    const id = /\/employer\/postings\/([0-9a-f-]{36})\?done=submitted$/.exec(response.headers.get('location') ?? '')?.[1];
    expect(id).toBeDefined();
    return id!;
  };
  /** An employer on the register, as a caseworker registers one; returns its id. */
  const register = async (creditCode: string, name: string) => (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode, name } })).body.id as string;
  /** An employer signed up as the public site signs one up (its check opened in the sign-up's transaction) and signed in. */
  const signUp = async (creditCode: string, name: string, mobile: string): Promise<Session> => {
    const { shownCode } = await sendVerificationCode(t.rt, demoSmsSender, mobile, 'signup');
    const account = await signUpEmployer(t.rt, { cityCode: '350200', creditCode, employerName: name, agentName: '陈经办', mobile, code: shownCode!, password: PUBLIC_TEST_PASSWORD }, openVerificationOfAccount);
    return { account, ...sessionCookies(await startSession(t.rt, account.id)) };
  };
  /** The verification case an employer's sign-up opened. */
  const verificationCase = async (session: Session) => ({ caseId: (await queryRows<{ id: string }>(t.rt.db, sql`SELECT id FROM cases WHERE opened_by_account = ${session.account.id}`))[0]!.id });
  const approve = async (id: string) => {
    await act(t, reviewer, id, 'startReview', {});
    await act(t, reviewer, id, 'publish', { opinion: '信息真实，予以发布' });
  };

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    app = createPortalApp(t.rt);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    haulier = await employerSession(t.rt, { creditCode: HAULIER, name: '厦门海沧示例物流有限公司', employerId: await register(HAULIER, '厦门海沧示例物流有限公司') });
  }, 180_000);
  afterAll(() => t?.close());

  it('verifies an employer account by a case in the caseworkers\' inbox: approved, the account is active on a register record written from the application; refused, /my gives the reason', async () => {
    const newcomer = await signUp(NEWCOMER, '厦门思明示例科技有限公司', '13960000101');
    expect(newcomer.account.status).toBe('pending');
    const verification = await verificationCase(newcomer);
    const inbox = (await t.request('GET', '/api/tasks?pageSize=100', { token: caseworker })).body.items as { caseId: string; processId: string; state: string }[];
    expect(inbox.find((task) => task.caseId === verification.caseId)).toMatchObject({ processId: 'employer-verification', state: 'submitted' });
    expect((await get('/employer/postings', newcomer)).status).toBe(403);
    const waiting = await (await get('/my', newcomer)).text();
    expect(waiting).toContain('正在由公共就业服务机构核验');
    expect(waiting).toContain(`核验业务编号：${(await queryRows<{ case_no: string }>(t.rt.db, sql`SELECT case_no FROM cases WHERE id = ${verification.caseId}`))[0]!.case_no}`);

    await act(t, caseworker, verification.caseId, 'verify', { marketStatus: 'operating', verificationNote: '营业执照与经办人已核实' });
    const [account] = await queryRows<{ status: string; employer_id: string }>(t.rt.db, sql`SELECT status, employer_id FROM public_accounts WHERE id = ${newcomer.account.id}`);
    expect(account!.status).toBe('active');
    const [employer] = await queryRows<{ name: string; credit_code: string }>(t.rt.db, sql`SELECT name, credit_code FROM employers WHERE id = ${account!.employer_id}`);
    expect(employer).toEqual({ name: '厦门思明示例科技有限公司', credit_code: NEWCOMER });
    expect((await caseHistory(t, caseworker, verification.caseId)).map((step) => step.event)).toEqual(['create', 'verify']);

    const refused = await signUp(REFUSED, '厦门思明示例餐饮店', '13960000102');
    await act(t, caseworker, (await verificationCase(refused)).caseId, 'refuse', { refusalReason: '营业执照名称与申请不符' });
    const page = await (await get('/my', refused)).text();
    expect(page).toContain('未通过核验');
    expect((await get('/employer/postings', refused)).status).toBe(403);
    expect(page).toContain('营业执照名称与申请不符');
  });

  it('submits a posting online: a vacancy case of the online channel waits in the reviewers\' inbox, approved it is live on /jobs', async () => {
    const id = await submit(haulier, { title: '叉车司机' });
    expect(await caseOf(id)).toMatchObject({ state: 'submitted', opened_by_account: haulier.account.id });
    // Pay typed in yuan is kept in fen; the credit code is the account's employer's.
    const [row] = await queryRows<{ data: Record<string, unknown> }>(t.rt.db, sql`SELECT data FROM cases WHERE id = ${id}`);
    expect([row!.data['payMinFen'], row!.data['payMaxFen'], row!.data['employerCreditCode']]).toEqual([450_000, 600_000, HAULIER]);
    const online = await t.request('GET', '/api/cases?channel=online&pageSize=100', { token: reviewer });
    expect(online.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const inbox = (await t.request('GET', '/api/tasks?pageSize=100', { token: reviewer })).body.items as { caseId: string; state: string }[];
    expect(inbox.map((task) => [task.caseId, task.state])).toContainEqual([id, 'submitted']);
    expect((await get(`/jobs/${id}`)).status).toBe(404);

    await approve(id);
    expect((await get(`/jobs/${id}`)).status).toBe(200);
    const mine = await (await get('/employer/postings', haulier)).text();
    expect(mine).toContain('叉车司机');
    expect(mine).toContain('信息真实，予以发布');
  });

  it('takes an edited posting off the site until it is approved again, and a withdrawn one for good (410)', async () => {
    const id = await submit(haulier, { title: '仓库理货员' });
    await approve(id);
    const { version } = await caseOf(id);
    // The edit form holds the posting's data, its pay in yuan, its credit code left to the site.
    const editForm = await (await get(`/employer/postings/${id}`, haulier)).text();
    expect(editForm).toMatch(/<input id="edit-payMinFen" name="payMinFen"[^>]*value="4500"/);
    expect(editForm).toMatch(/<input id="edit-title" name="title"[^>]*value="仓库理货员"/);
    expect(editForm).not.toContain('name="employerCreditCode"');
    const edited = await post(`/employer/postings/${id}/edit`, haulier, { version: String(version), ...formBody({ title: '仓库理货组长' }) });
    expect([edited.status, edited.headers.get('location')]).toEqual([303, `/employer/postings/${id}?done=edited`]);
    expect((await caseOf(id)).state).toBe('submitted');
    // Off the site until approved again: paused, not withdrawn.
    const paused = await get(`/jobs/${id}`);
    expect([paused.status, (await paused.text()).includes('正在重新审核')]).toEqual([404, true]);

    await approve(id);
    const live = await get(`/jobs/${id}`);
    expect([live.status, (await live.text()).includes('仓库理货组长')]).toEqual([200, true]);

    const withdrawn = await post(`/employer/postings/${id}/withdraw`, haulier, { version: String((await caseOf(id)).version), withdrawalReason: '岗位已取消' });
    expect(withdrawn.status).toBe(303);
    expect((await get(`/jobs/${id}`)).status).toBe(410);
    expect((await caseOf(id)).state).toBe('withdrawn');
  });

  it('refuses bad input field by field in both languages and writes nothing', async () => {
    const before = await counts();
    const zh = await post('/employer/postings/new', haulier, formBody({ title: '', headcount: 'two', contactPhone: '12345' }));
    expect(zh.status).toBe(422);
    const zhPage = await zh.text();
    expect(zhPage).toMatch(/id="posting-title-error"[^>]*>必填</);
    expect(zhPage).toMatch(/id="posting-headcount-error"[^>]*>请输入整数</);
    expect(zhPage).toMatch(/id="posting-contactPhone-error"[^>]*>请输入有效的11位手机号码</);
    const en = await post('/en/employer/postings/new', haulier, formBody({ title: '' }));
    expect(await en.text()).toMatch(/id="posting-title-error"[^>]*>Required</);
    // A rule of the flow refuses it whole, with the rule's message.
    const rule = await post('/employer/postings/new', haulier, formBody({ requirements: '限男性，已婚已育优先' }));
    expect([rule.status, (await rule.text()).includes('违反《就业促进法》第二十七条')]).toEqual([422, true]);
    expect(await counts()).toEqual(before);
  });

  it('answers another employer\'s posting as not found and changes nothing', async () => {
    const id = await submit(haulier, { title: '装卸工' });
    const other = await employerSession(t.rt, { creditCode: FIRM, name: '厦门思明示例咨询有限公司', employerId: await register(FIRM, '厦门思明示例咨询有限公司') });
    const before = await caseOf(id);
    expect((await get(`/employer/postings/${id}`, other)).status).toBe(404);
    expect((await post(`/employer/postings/${id}/withdraw`, other, { version: String(before.version), withdrawalReason: '恶意撤回' })).status).toBe(404);
    expect((await post(`/employer/postings/${id}/edit`, other, { version: String(before.version), ...formBody({ title: '改掉' }) })).status).toBe(404);
    expect(await (await get('/employer/postings', other)).text()).not.toContain('装卸工');
    expect(await caseOf(id)).toEqual(before);
  });
});
