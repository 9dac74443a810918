import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { cases, jobApplications } from '../../runtime/db/schema/index.ts';
import { deliverSearchAlerts } from '../../runtime/saved-searches/index.ts';
import { tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
import { citizenSession, employerSession, type PublicSession } from '../support/public-accounts.ts';
import { act, postVacancy } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const FIRM = '91350203MA2Y3K1B9C';
const OTHER = '91350100M000100Y43';
const START = '2026-11-02T01:00:00.000Z';

type Session = PublicSession;

describe.each(backends)('a citizen applies online and the employer hires (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let staff: { caseworker: string; reviewer: string };
  let citizen: Session;
  let employer: Session;
  let stranger: Session;
  let accountant: string;
  let withdrawn: string;

  /** A form sent as a browser sends it, with the session's cookie and CSRF token. */
  const post = (path: string, session: Session, fields: Record<string, string | string[]> = {}) => {
    const body = new URLSearchParams({ _csrf: session.csrf });
    for (const [name, value] of Object.entries(fields)) for (const each of [value].flat()) body.append(name, each);
    return app.request(path, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
  };
  const get = (path: string, session?: Session) => app.request(path, session ? { headers: { cookie: session.cookie } } : {});
  const accountingPosting = (title: string, overrides: Record<string, unknown> = {}) =>
    vacancyPostingForm(FIRM, { validFrom: '2026-11-02', validUntil: '2026-12-31', title, occupation: '2-06-03-00', workArea: '350203', ...overrides });

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock(START) });
    app = createPortalApp(t.rt);
    staff = { caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer') };
    const registered = async (creditCode: string, name: string) =>
      (await t.request('POST', '/api/employers', { token: staff.caseworker, body: { creditCode, name } })).body.id as string;
    employer = await employerSession(t.rt, { creditCode: FIRM, name: '厦门思明示例咨询有限公司', employerId: await registered(FIRM, '厦门思明示例咨询有限公司') });
    stranger = await employerSession(t.rt, { creditCode: OTHER, name: '厦门海沧示例物流有限公司', employerId: await registered(OTHER, '厦门海沧示例物流有限公司') });
    citizen = await citizenSession(t.rt, { name: '林小梅' });
    accountant = await postVacancy(t, staff, employer.account.employerId!, accountingPosting('财务会计'));
    withdrawn = await postVacancy(t, staff, employer.account.employerId!, accountingPosting('出纳会计'));
    await act(t, staff.caseworker, withdrawn, 'withdraw', { withdrawalReason: '岗位取消' });
  }, 240_000);
  afterAll(() => t?.close());

  it('registers the citizen as a job seeker from the form in force, refused field by field first, as a case of the online channel', async () => {
    const form = await (await get('/my/job-seeking', citizen)).text();
    expect(form).toContain('name="desiredOccupations"');
    expect(form).toContain('期望月薪（元）');
    const before = await tableCounts(t.rt);
    const refused = await post('/my/job-seeking', citizen, { expectedPayFen: '6000', education: '20' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('id="f-desiredOccupations-error"');
    expect(html).toContain('value="6000"');
    expect(html).toContain('<li><a href="#f-desiredOccupations">求职意向职业（职业分类大典代码）</a>：');
    // The education chosen is kept; the city's counties are offered to tick.
    expect(html).toContain('<option value="20" selected="">');
    expect(html).toContain('<input type="checkbox" name="desiredAreas" value="350203" aria-invalid="true"/><span>思明区</span>');
    expect(await tableCounts(t.rt)).toEqual(before);
    const done = await post('/my/job-seeking?next=', citizen, {
      desiredOccupations: ['2-06-03'],
      desiredAreas: ['350203', '350206'],
      expectedPayFen: '6000',
      education: '20',
      availableFrom: '2026-11-03',
      validUntil: '2027-04-30',
    });
    expect([done.status, done.headers.get('location')]).toEqual([303, '/my']);
    const [registration] = await t.rt.db.select().from(cases).where(and(eq(cases.subjectId, citizen.account.personId!), eq(cases.processId, 'job-seeking')));
    expect([registration?.state, registration?.data['expectedPayFen'], registration?.openedByAccount]).toEqual(['active', 600_000, citizen.account.id]);
    expect([registration?.data['desiredOccupations'], registration?.data['desiredAreas']]).toEqual([['2-06-03'], ['350203', '350206']]);
    const online = await t.request('GET', '/api/cases?channel=online&pageSize=50', { token: await t.login('admin') });
    expect(online.body.items.find((item: { id: string }) => item.id === registration!.id)?.channel).toBe('online');
  });

  it('applies once to a live posting: the employer and the office see it, the referrals count it; a second try is refused by the key', async () => {
    const page = await (await get(`/jobs/${accountant}`, citizen)).text();
    expect(page).toContain(`action="/jobs/${accountant}/apply"`);
    const sent = await post(`/jobs/${accountant}/apply`, citizen, { note: '有三年会计经验', sharePhone: 'yes' });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, `/jobs/${accountant}?applied=1#apply`]);

    const again = await post(`/jobs/${accountant}/apply`, citizen, { note: '再投一次' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('您已应聘过该岗位');
    const rows = await t.rt.db.select().from(jobApplications).where(eq(jobApplications.vacancyCaseId, accountant));
    expect(rows.map((row) => row.note)).toEqual(['有三年会计经验']);
    // The database's key holds even without the service's look first.
    const duplicate = t.rt.db.insert(jobApplications).values({ ...rows[0]!, id: randomUUID(), note: null });
    await expect(duplicate).rejects.toThrow();

    const list = await get(`/employer/postings/${accountant}/applications`, employer);
    expect(list.status).toBe(200);
    const listed = await list.text();
    for (const text of ['林小梅', '有三年会计经验', '单位已查看']) expect(listed).toContain(text);
    expect((await get(`/employer/postings/${accountant}/applications`, stranger)).status).toBe(404);

    const inbox = await t.request('GET', '/api/tasks?pageSize=100', { token: staff.caseworker });
    expect(inbox.body.items.map((task: { caseId: string }) => task.caseId)).toContain(rows[0]!.referralCaseId);
    const indicator = await t.request('GET', `/api/indicators/referral-success-rate?orgUnit=350200&from=2026-11-01&to=2026-11-30`, { token: await t.login('admin') });
    expect(indicator.body.denominator).toBe(1);
  });

  it('refuses an application to a withdrawn posting and writes nothing', async () => {
    const before = await tableCounts(t.rt);
    const refused = await post(`/jobs/${withdrawn}/apply`, citizen, { note: '你好' });
    expect(refused.status).toBe(410);
    expect(await refused.text()).toContain('该岗位已由用人单位撤回');
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('records a hire: the employment registration opens at the office and the citizen reads “hired” on /my', async () => {
    const [application] = await t.rt.db.select().from(jobApplications).where(eq(jobApplications.vacancyCaseId, accountant));
    expect((await post(`/employer/applications/${application!.id}/hire`, stranger, { hireDate: '2026-11-02' })).status).toBe(404);
    const hired = await post(`/employer/applications/${application!.id}/hire`, employer, { hireDate: '2026-11-02' });
    expect(hired.status).toBe(303);
    const [after] = await t.rt.db.select().from(jobApplications).where(eq(jobApplications.id, application!.id));
    const [employment] = await t.rt.db.select().from(cases).where(eq(cases.id, after!.employmentCaseId!));
    expect([after?.state, employment?.processId, employment?.state, employment?.data['employerCreditCode']]).toEqual(['hired', 'employment-registration', 'pending', FIRM]);
    expect(await (await get(hired.headers.get('location')!, employer)).text()).toContain(employment!.caseNo);
    expect(await (await get('/my', citizen)).text()).toContain('已录用');
  });

  it('tells of new postings matching a saved search in the message box, and gives its feed only at its secret address', async () => {
    const saved = await post('/my/searches', citizen, { search: `q=${encodeURIComponent('会计')}&district=350203` });
    expect(saved.status).toBe(303);
    const token = /\/feeds\/saved\/([A-Za-z0-9_-]{32})/.exec(await (await get('/my', citizen)).text())?.[1];
    expect(token).toBeDefined();
    t.clock.set('2026-11-02T02:00:00.000Z');
    await postVacancy(t, staff, employer.account.employerId!, accountingPosting('成本会计'));
    await postVacancy(t, staff, employer.account.employerId!, accountingPosting('仓库管理员', { occupation: '4-02-06-03', workArea: '350206' }));
    t.clock.set('2026-11-02T02:15:00.000Z');
    expect(await deliverSearchAlerts(t.rt)).toBe(1);
    expect(await deliverSearchAlerts(t.rt)).toBe(0);
    const my = await (await get('/my', citizen)).text();
    expect(my).toContain('有 1 个新岗位');
    expect(my).toContain('成本会计');
    expect(my).not.toContain('仓库管理员');
    const feed = await get(`/feeds/saved/${token}`);
    expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    const atom = await feed.text();
    expect(atom).toContain('<title>成本会计</title>');
    expect(atom).not.toContain('仓库管理员');
    expect((await get(`/feeds/saved/${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);
  });
});
