import { and, asc, count, eq, gt, max } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { searchAccessLog, verifyAccessLog } from '../../runtime/audit/index.ts';
import { accessLog, orgUnits, persons, publicAccounts, publicSessions } from '../../runtime/db/schema/index.ts';
import { citizenId, withWrongCheck } from '../support/fixtures.ts';
import { PUBLIC_TEST_PASSWORD, citizenSession, formPost, sessionCookies } from '../support/public-accounts.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

/** The value a response sets for a cookie, with the attributes it was set with. */
function setCookie(response: Response, name: string): { value: string; attributes: string } | undefined {
  const line = response.headers.getSetCookie().find((each) => each.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split('; ');
  return { value: pair!.slice(name.length + 1), attributes: attributes.join('; ') };
}

describe.each(backends)('public accounts: signing up, in and out on the public site (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let sequence = 100;
  const nextId = () => citizenId('350203', '19900101', String((sequence += 2)));
  const accountsNow = async () => Number((await t.rt.db.select({ n: count() }).from(publicAccounts))[0]!.n);
  const personsNow = async () => Number((await t.rt.db.select({ n: count() }).from(persons))[0]!.n);

  /** A browser that has read the sign-up page: its form token, and a code sent to `mobile` (the demo sender shows it). */
  async function browserWithCode(mobile: string, path = '/signup') {
    const first = await app.request(path);
    const csrf = setCookie(first, 'portal_csrf')!.value;
    const browser = { cookie: `portal_csrf=${csrf}`, csrf };
    const sent = await app.request(path, formPost(browser, { action: 'code', mobile, cityCode: '350200' }));
    const html = await sent.text();
    const code = /验证码为 (\d{6})|code is (\d{6})/.exec(html);
    return { browser, code: code?.[1] ?? code?.[2], html, status: sent.status };
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    app = createPortalApp(t.rt);
  }, 120_000);
  afterAll(() => t?.close());

  it('signs a citizen up under real name: the code shown in demo mode, the person created by nobody on staff, the session cookie HttpOnly and SameSite=Lax', async () => {
    const page = await app.request('/signup');
    expect(page.status).toBe(200);
    const html = await page.text();
    const token = setCookie(page, 'portal_csrf')!;
    expect(token.attributes).toContain('HttpOnly');
    expect(token.attributes).toContain('SameSite=Lax');
    expect(html).toContain(`name="_csrf" value="${token.value}"`);

    const { browser, code, html: sentHtml } = await browserWithCode('13905921001');
    expect(sentHtml).toContain('验证码已发送至 139****1001');
    expect(code).toMatch(/^\d{6}$/);
    const idNumber = nextId();
    const done = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '陈小雨', idNumber, mobile: '13905921001', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect([done.status, done.headers.get('location')]).toEqual([303, '/my']);
    const session = setCookie(done, 'portal_session')!;
    expect(session.attributes).toMatch(/HttpOnly/);
    expect(session.attributes).toMatch(/SameSite=Lax/);
    expect(session.attributes).not.toMatch(/Secure/); // served over plain HTTP here

    const [row] = await t.rt.db.select().from(publicAccounts).where(eq(publicAccounts.displayName, '陈小雨'));
    expect(row).toMatchObject({ kind: 'citizen', status: 'active', cityCode: '350200', mobileMasked: '139****1001' });
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('13905921001');
    const [person] = await t.rt.db.select().from(persons).where(eq(persons.id, row!.personId!));
    expect(person).toMatchObject({ name: '陈小雨', createdBy: null, gender: 'female', birthDate: '1990-01-01' });

    const my = await app.request('/my', { headers: { cookie: `portal_session=${session.value}; portal_csrf=${browser.csrf}` } });
    expect(my.status).toBe(200);
    expect(my.headers.get('cache-control')).toBe('private, no-store');
    expect(await my.text()).toContain('陈小雨，您好');
  });

  it('refuses a malformed sign-up field by field in either language, and writes nothing', async () => {
    const before = [await accountsNow(), await personsNow()];
    const { browser, code } = await browserWithCode('13905921002', '/en/signup');
    const response = await app.request('/en/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: 'x', idNumber: withWrongCheck(nextId()), mobile: '13905921002', code: code!, password: 'short', passwordAgain: 'short' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Not a valid citizen ID number (check the last character)');
    expect(html).toContain('id="problem-name"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="13905921002"'); // kept
    expect([await accountsNow(), await personsNow()]).toEqual(before);

    const weak = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '陈小雨', idNumber: nextId(), mobile: '13905921002', code: code!, password: 'abcdefghij', passwordAgain: 'abcdefghij' }));
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('密码不符合安全要求');
    const differ = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '陈小雨', idNumber: nextId(), mobile: '13905921002', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: 'other' }));
    expect(await differ.text()).toContain('两次输入的密码不一致');
    const wrongCode = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '陈小雨', idNumber: nextId(), mobile: '13905921002', code: code === '000000' ? '000001' : '000000', password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(await wrongCode.text()).toContain('短信验证码不正确或已过期');
    expect([await accountsNow(), await personsNow()]).toEqual(before);
  });

  it('refuses a form without its token, or sent from another site, and writes nothing', async () => {
    const before = await accountsNow();
    const { browser, code } = await browserWithCode('13905921003');
    const fields = { action: 'signup', cityCode: '350200', name: '王小明', idNumber: nextId(), mobile: '13905921003', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD };
    const forged = await app.request('/signup', formPost({ cookie: browser.cookie, csrf: sessionCookies(null).csrf }, fields));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('页面已过期');
    const noCookie = await app.request('/signup', formPost({ cookie: '', csrf: browser.csrf }, fields));
    expect(noCookie.status).toBe(403);
    const init = formPost(browser, fields);
    const crossSite = await app.request('/signup', { ...init, headers: { ...(init.headers as Record<string, string>), origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await accountsNow()).toBe(before);
  });

  it('checks the name against the city\'s record of the ID number, and takes one account per ID number', async () => {
    const idNumber = nextId();
    await citizenSession(t.rt, { idNumber, name: '赵一鸣' });
    const persons1 = await personsNow();
    const { browser, code } = await browserWithCode('13905921004');
    const again = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '赵一鸣', idNumber, mobile: '13905921004', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('记录已存在');

    // A person a caseworker registered: the account joins the record when the name matches, refused when not.
    const caseworker = await t.login('caseworker');
    const registered = nextId();
    await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: registered, name: '孙立新', phone: '13905920000' } });
    const mismatch = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '孙利新', idNumber: registered, mobile: '13905921004', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(await mismatch.text()).toContain('姓名与公民身份号码登记的不一致');
    const matched = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '孙立新', idNumber: registered, mobile: '13905921004', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(matched.status).toBe(303);
    expect(await personsNow()).toBe(persons1 + 1); // the caseworker's record, no second one
  });

  it('signs in with the ID number, counts wrong passwords until the login is locked, and signs out', async () => {
    const idNumber = nextId();
    await citizenSession(t.rt, { idNumber, name: '钱多多' });
    const browser = sessionCookies(null);
    const attempt = (password: string) => app.request('/login', formPost(browser, { kind: 'citizen', cityCode: '350200', login: idNumber, password, next: '/jobs?q=会计' }));
    const wrong = await attempt('Wrong#password1');
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('证件号码或密码不正确');
    const right = await attempt(PUBLIC_TEST_PASSWORD);
    expect([right.status, right.headers.get('location')]).toEqual([303, '/jobs?q=%E4%BC%9A%E8%AE%A1']);
    const token = setCookie(right, 'portal_session')!.value;

    const offsite = await app.request('/login', formPost(browser, { kind: 'citizen', cityCode: '350200', login: idNumber, password: PUBLIC_TEST_PASSWORD, next: '//evil.example/' }));
    expect(offsite.headers.get('location')).toBe('/my');

    for (let i = 0; i < t.rt.config.loginMaxFailures; i++) await attempt('Wrong#password1');
    const locked = await attempt(PUBLIC_TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('尝试次数过多');

    const signedIn = { cookie: `portal_session=${token}; portal_csrf=${browser.csrf}`, csrf: browser.csrf };
    expect((await app.request('/my', { headers: { cookie: signedIn.cookie } })).status).toBe(200);
    const out = await app.request('/logout', formPost(signedIn, {}));
    expect([out.status, out.headers.get('location')]).toEqual([303, '/']);
    const [left] = await t.rt.db.select({ n: count() }).from(publicSessions).where(eq(publicSessions.tokenHash, createHash('sha256').update(token).digest('hex')));
    expect(Number(left!.n)).toBe(0);
    const after = await app.request('/my', { headers: { cookie: signedIn.cookie } });
    expect([after.status, after.headers.get('location')]).toEqual([303, '/login']);
  });

  it('records sign-ups, sign-ins, failures, a lock and sign-outs in the access log as staff ones are: the account, or the login\'s blind index, never the ID number, the mobile or the password', async () => {
    const [last] = await t.rt.db.select({ id: max(accessLog.id) }).from(accessLog);
    const since = last?.id ?? 0;
    const [city] = await t.rt.db.select().from(orgUnits).where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.cityCode, '350200')));
    const mobile = '13905921006';
    const { browser, code } = await browserWithCode(mobile);
    const idNumber = nextId();
    const signedUp = await app.request('/signup', formPost(browser, { action: 'signup', cityCode: '350200', name: '周明远', idNumber, mobile, code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(signedUp.status).toBe(303);
    const [account] = await t.rt.db.select().from(publicAccounts).where(eq(publicAccounts.displayName, '周明远'));
    const attempt = (login: string, password: string, kind = 'citizen') => app.request('/login', formPost(sessionCookies(null), { kind, cityCode: '350200', login, password }));

    const wrong = 'Wrong#password1';
    expect((await attempt(idNumber, wrong)).status).toBe(422);
    const nobody = nextId();
    for (let i = 0; i < t.rt.config.loginMaxFailures; i++) expect((await attempt(nobody, wrong)).status).toBe(422);
    expect((await attempt(nobody, wrong)).status).toBe(429); // locked: refused before any password is checked, so not a failure to record
    // A citizen's ID number typed into the employer's form goes in as a blind index, as a citizen's login does.
    expect((await attempt(idNumber, wrong, 'employer')).status).toBe(422);
    const right = await attempt(idNumber, PUBLIC_TEST_PASSWORD);
    expect(right.status).toBe(303);
    const token = setCookie(right, 'portal_session')!.value;
    const out = await app.request('/logout', formPost({ cookie: `portal_session=${token}; portal_csrf=${browser.csrf}`, csrf: browser.csrf }, {}));
    expect(out.status).toBe(303);

    const entries = await t.rt.db.select().from(accessLog).where(gt(accessLog.id, since)).orderBy(asc(accessLog.id));
    const failures = Array.from({ length: t.rt.config.loginMaxFailures }, () => ['public.failure', null, 'citizen']);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.actorRole])).toEqual([
      ['public.signup', account!.id, 'citizen'],
      ['public.failure', account!.id, 'citizen'],
      ...failures,
      ['public.lock', null, 'citizen'],
      ['public.failure', null, 'employer'],
      ['public.login', account!.id, 'citizen'],
      ['public.logout', account!.id, 'citizen'],
    ]);
    expect(new Set(entries.map((entry) => entry.orgUnitId))).toEqual(new Set([city!.id]));
    expect(entries[1]!.details).toEqual({ kind: 'citizen', login: account!.loginIndex, reason: 'password' });
    expect(entries[2]!.details).toEqual({ kind: 'citizen', login: t.rt.cipher.index(nobody), reason: 'password' });
    expect(entries.at(-3)!.details).toEqual({ kind: 'employer', login: t.rt.cipher.index(idNumber), reason: 'password' });
    const written = JSON.stringify(entries);
    for (const secret of [idNumber, nobody, mobile, wrong, PUBLIC_TEST_PASSWORD]) expect(written).not.toContain(secret);

    // Chained like every entry, and found by the city's auditor in the city's subtree.
    expect((await verifyAccessLog(t.rt.db)).ok).toBe(true);
    const auditor = { actor: { id: null, name: 'auditor', role: 'auditor', orgUnitId: city!.id }, orgPath: city!.path };
    const found = await searchAccessLog(t.rt, auditor, { action: 'public.login', page: 1, pageSize: 50 }, { address: null, requestId: null });
    expect(found.items.map((item) => item.actorId)).toContain(account!.id);
  });

  it('signs an employer up to wait for a caseworker\'s check, and says so on its page', async () => {
    const { browser, code } = await browserWithCode('13905921005', '/signup/employer');
    const done = await app.request('/signup/employer', formPost(browser, { action: 'signup', cityCode: '350200', creditCode: '91350203MA2Y3K1B9C', employerName: '厦门鹭江餐饮管理有限公司', agentName: '黄经办', mobile: '13905921005', code: code!, password: PUBLIC_TEST_PASSWORD, passwordAgain: PUBLIC_TEST_PASSWORD }));
    expect(done.status).toBe(303);
    const [row] = await t.rt.db.select().from(publicAccounts).where(eq(publicAccounts.loginIndex, '91350203MA2Y3K1B9C'));
    expect(row).toMatchObject({ kind: 'employer', status: 'pending', employerId: null, creditCode: '91350203MA2Y3K1B9C' });
    expect(row!.agentName).not.toContain('黄经办');
    const my = await app.request('/my', { headers: { cookie: `portal_session=${setCookie(done, 'portal_session')!.value}` } });
    expect(await my.text()).toContain('data-status="pending"');
  });
});
