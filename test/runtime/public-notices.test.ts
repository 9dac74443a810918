import { eq, sql } from 'drizzle-orm';
import { formPost, sessionCookies } from '../support/public-accounts.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { createPortalApp } from '../../portal/index.ts';
import { noticeObjections, publicNotices } from '../../runtime/db/schema/index.ts';
import { OBJECTIONS_PER_ADDRESS } from '../../runtime/notices/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const first17 = `91350203MA2Y3K1B${organizationCodeCheckCharacter('MA2Y3K1B')}`;
const studio = { creditCode: first17 + creditCodeCheckCharacter(first17), name: '厦门建国设计工作室', establishedOn: '2023-01-05' };
const idNumber = citizenId('350203', '19900315', '013');
const phone = '13912345670';

/** The form as a browser sends it (with its form token), from an address. */
function post(app: ReturnType<typeof createPortalApp>, path: string, fields: Record<string, string>, address = '10.0.0.1') {
  return app.request(path, formPost(sessionCookies(null), fields), { incoming: { socket: { remoteAddress: address } } });
}

/**
 * Issue 17 item 8, 公示: a start-up subsidy checked at the window is under public notice for the
 * working days in force; the notice is on the public site with the name masked while the period
 * runs, leaves it when the period ends (its timer) or an objection takes the case back to
 * verification; objections are checked, sealed, throttled, and refused after the period.
 */
describe.each(backends)('public notices and objections (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let caseworker: string;
  let caseId = '';
  let caseNo = '';
  const objection = { name: '陈美玲', phone: '13805920011', reason: '据我所知，申请人此前已在同安区开办过餐饮店，并非首次创业。' };
  const noticeIds = async () => (await t.rt.db.select({ id: publicNotices.id }).from(publicNotices).where(eq(publicNotices.caseId, caseId))).map((row) => row.id);
  const objections = async () => t.rt.db.select().from(noticeObjections).where(eq(noticeObjections.caseId, caseId));

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    // Thursday 12 June 2025: five working days end on Thursday the 19th.
    t.clock.set('2025-06-12T02:00:00.000Z');
    app = createPortalApp(t.rt);
    caseworker = await t.login('caseworker');
    const personId = await registerPerson(t, caseworker, idNumber, '王建国', { phone });
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { ...studio, legalRepIdNumber: idNumber } });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);
    const opened = await open(t, caseworker, 'start-up-subsidy', personId);
    caseId = opened.id;
    caseNo = opened.caseNo;
    const submitted = await act(t, caseworker, caseId, 'submit', { businessCreditCode: studio.creditCode, businessName: studio.name, businessStartDate: studio.establishedOn, amountFen: 500_000, graduate: true, period: 'once' });
    expect(submitted.state).toBe('publicized');
  }, 120_000);
  afterAll(() => t?.close());

  /** Every public answer about the notice: never the ID number, the phone, the name in full or the case's number. */
  function expectNothingPersonal(html: string) {
    for (const secret of [idNumber, idNumber.slice(-6), phone, '王建国', caseNo, caseId]) expect(html).not.toContain(secret);
  }

  it('shows a case entering its notice on the site in both languages, the name masked, the amount, district and period, nothing else personal', async () => {
    const [id] = await noticeIds();
    expect(id).toBeDefined();
    const list = await (await app.request('/notices')).text();
    expect(list).toContain('一次性创业补贴拟发放名单');
    expect(list).toContain('王*国');
    expect(list).toContain('5,000 元');
    expect(list).toContain('2025年6月12日至2025年6月19日');
    expect(list).toContain(`href="/notices/${id}"`);
    expectNothingPersonal(list);
    const page = await app.request(`/notices/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`action="/notices/${id}/objections"`);
    expectNothingPersonal(html);
    // This notice declares no employer: the applicant's own business (named after him) is not on it.
    expect(html).not.toContain('<dt>用人单位</dt>');
    expect(html).not.toContain(studio.name);
    const en = await (await app.request(`/en/notices/${id}`)).text();
    expect(en).toContain('Start-up subsidy: proposed recipients');
    expect(en).toContain('12 Jun 2025 to 19 Jun 2025');
    expectNothingPersonal(en);
  });

  it('refuses an objection with a bad field, saying what is wrong beside each field in the page language, writing nothing', async () => {
    const [id] = await noticeIds();
    const before = await tableCounts(t.rt);
    const zh = await post(app, `/notices/${id}/objections`, { name: '', phone: '12345', reason: '不对' });
    expect(zh.status).toBe(422);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('请输入有效的11位手机号码');
    expect(zhHtml).toContain('aria-invalid="true"');
    expect(zhHtml).toContain('至少 5 个字符');
    const en = await post(app, `/en/notices/${id}/objections`, { name: '陈美玲', phone: '12345', reason: objection.reason });
    expect(en.status).toBe(422);
    expect(await en.text()).toContain('Enter a valid 11-digit mobile number');
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await getCase(t, caseworker, caseId)).state).toBe('publicized');
  });

  it('throttles objections per address: one address past its limit is refused (429), nothing written', async () => {
    const [id] = await noticeIds();
    const address = '10.0.0.9';
    const index = t.rt.cipher.index(`notice-objection:${address}`);
    const earlier = Array.from({ length: OBJECTIONS_PER_ADDRESS }, (_, i) => ({
      cityCode: '350200', id: crypto.randomUUID(), caseId: crypto.randomUUID(), noticeId: crypto.randomUUID(), name: 'x', phone: 'x', phoneMasked: 'x', reason: `earlier ${i}`, addressIndex: index, receivedAt: t.clock.now(),
    }));
    await t.rt.db.insert(noticeObjections).values(earlier);
    const before = await tableCounts(t.rt);
    const refused = await post(app, `/notices/${id}/objections`, objection, address);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('提交过于频繁');
    expect(await tableCounts(t.rt)).toEqual(before);
    await t.rt.db.execute(sql`DELETE FROM notice_objections WHERE address_index = ${index}`);
  });

  it('takes an objection during the period to the case: kept sealed, sent as the objection event, the case back at verification and the notice off the site', async () => {
    const [id] = await noticeIds();
    const sent = await post(app, `/notices/${id}/objections`, objection);
    expect([sent.status, sent.headers.get('location')]).toEqual([303, '/notices/objection-received']);
    expect((await app.request('/notices/objection-received')).status).toBe(200);
    const [kept] = await objections();
    expect(kept).toMatchObject({ noticeId: id, reason: objection.reason, phoneMasked: '138****0011' });
    expect([kept!.name, kept!.phone]).not.toContain(objection.name);
    expect(kept!.phone).not.toBe(objection.phone);
    expect((await getCase(t, caseworker, caseId)).state).toBe('applied');
    const last = (await caseHistory(t, caseworker, caseId)).at(-1)!;
    expect(last).toMatchObject({ from: 'publicized', to: 'applied', event: 'objection', actor: { id: 'system', role: 'system' } });
    expect(String(last.data['objection'])).toContain(objection.reason);
    // The caseworker reads who objected, to check with them; the reading is logged.
    const listed = await t.request('GET', `/api/cases/${caseId}/objections`, { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ name: objection.name, phone: objection.phone, reason: objection.reason })]);
    expect(await noticeIds()).toEqual([]);
    expect(await (await app.request('/notices')).text()).not.toContain(id);
    expect((await app.request(`/notices/${id}`)).status).toBe(404);
  });

  it('puts the case under a new notice when submitted again; at the period end it leaves the site, objections are refused (409, nothing written), and the timer moves the case on', async () => {
    await act(t, caseworker, caseId, 'submit', { businessCreditCode: studio.creditCode, businessName: studio.name, businessStartDate: studio.establishedOn, amountFen: 500_000, graduate: true, period: 'once' });
    const [id] = await noticeIds();
    expect(id).toBeDefined();
    expect(await (await app.request('/notices')).text()).toContain(id);
    // Friday 20 June, before the timer worker has run: the period is over, whatever the timer has done.
    t.clock.set('2025-06-20T01:00:00.000Z');
    expect(await (await app.request('/notices')).text()).not.toContain(id);
    expect((await app.request(`/notices/${id}`)).status).toBe(404);
    const before = await tableCounts(t.rt);
    const late = await post(app, `/notices/${id}/objections`, { ...objection, phone: '13805920012' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('该公示已结束或已撤下，不再受理异议');
    expect(await tableCounts(t.rt)).toEqual(before);
    const fired = (await fireDueTimers(t.rt)).filter((timer) => timer.caseId === caseId);
    expect(fired.map((timer) => timer.outcome)).toEqual([{ sent: 'endNotice' }]);
    expect((await getCase(t, await t.login('caseworker'), caseId)).state).toBe('submitted');
    expect(await noticeIds()).toEqual([]);
  });
});
