import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { publicNotices, tasks } from '../../runtime/db/schema/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { formPost, sessionCookies } from '../support/public-accounts.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const UNIT = { code: '123502034265103M7Y', name: '厦门市思明区嘉莲街道社区服务中心', account: '35101588001052500817', bank: '中国建设银行厦门嘉莲支行' };
const placement = {
  employerCreditCode: UNIT.code,
  employerName: UNIT.name,
  employerAccount: UNIT.account,
  employerBank: UNIT.bank,
  postName: '社区公共服务协管员',
  placementStart: '2026-12-07',
  monthlySubsidyFen: 150_000,
  retirementCategory: 'male-60',
};

/**
 * Issue 17 item 8, 公示 of a public-welfare post placement (package 1.1.0): the person placed is on
 * the public site with the name masked, the post and the unit offering it (用人单位) for the working
 * days in force; the placement
 * takes effect when the period ends (its timer); an objection sent from the site takes the case back
 * to the caseworker's placement task.
 */
describe.each(backends)('public-welfare post placement notice (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let caseworker: string;
  const idNumber = citizenId('350203', '19750820', '031');
  const secrets = [idNumber, '陈国栋', UNIT.account, '150000'];

  const noticeIds = async (caseId: string) => (await t.rt.db.select({ id: publicNotices.id }).from(publicNotices).where(eq(publicNotices.caseId, caseId))).map((row) => row.id);
  const openTasks = async (caseId: string) =>
    (await t.rt.db.select({ state: tasks.state, role: tasks.role, post: tasks.post }).from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open'))));

  /** A recognised, employed person's public-welfare post, proposed for placement: under notice. */
  async function proposed(name: string, idNo: string): Promise<string> {
    const personId = await registerPerson(t, caseworker, idNo, name);
    await t.rt.db.execute(sql`UPDATE persons SET statuses = '{"difficultyStatus":"recognized","employmentStatus":"employed"}'::jsonb WHERE id = ${personId}`);
    const caseId = (await open(t, caseworker, 'public-welfare-post', personId)).id;
    expect((await act(t, caseworker, caseId, 'place', placement)).state).toBe('publicized');
    return caseId;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    // Monday 7 December 2026: five working days end on Monday the 14th.
    t.clock.set('2026-12-07T02:00:00.000Z');
    app = createPortalApp(t.rt);
    caseworker = await t.login('caseworker');
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: UNIT.code, name: UNIT.name } })).status).toBe(201);
  }, 120_000);
  afterAll(() => t?.close());

  it('shows the person placed on the site with the name masked, the post and the employer, leaves it at the period end, and then the placement takes effect', async () => {
    const caseId = await proposed('陈国栋', idNumber);
    const [id] = await noticeIds(caseId);
    expect(id).toBeDefined();
    expect((await t.rt.db.select({ employer: publicNotices.employer }).from(publicNotices).where(eq(publicNotices.caseId, caseId)))[0]?.employer).toBe(UNIT.name);
    const list = await (await app.request('/notices')).text();
    expect(list).toContain('公益性岗位安置人员公示');
    expect(list).toContain('陈*栋');
    expect(list).toContain('社区公共服务协管员');
    expect(list).toContain(`<dt>用人单位</dt><dd>${UNIT.name}</dd>`);
    expect(list).toContain('2026年12月7日至2026年12月14日');
    expect(list).toContain(`href="/notices/${id}"`);
    for (const secret of secrets) expect(list).not.toContain(secret);
    const page = await (await app.request(`/notices/${id}`)).text();
    expect(page).toContain(`action="/notices/${id}/objections"`);
    expect(page).toContain(`<dt>用人单位</dt><dd>${UNIT.name}</dd>`);
    // The monthly subsidy is not part of this notice.
    expect(page).not.toContain('1,500 元');
    for (const secret of secrets) expect(page).not.toContain(secret);
    for (const path of ['/en/notices', `/en/notices/${id}`]) {
      const en = await (await app.request(path)).text();
      expect(en).toContain('Public-welfare posts: persons placed');
      expect(en).toContain(`<dt>Employer</dt><dd><span lang="zh-CN">${UNIT.name}</span></dd>`);
      for (const secret of secrets) expect(en).not.toContain(secret);
    }
    expect(await openTasks(caseId)).toEqual([]);
    expect(await (await t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'submitClaim', data: { period: '2026-12', amountFen: 150_000 }, version: (await getCase(t, caseworker, caseId)).version } })).body.code).toBe(
      'TRANSITION_NOT_AVAILABLE',
    );

    // Tuesday 15 December, before the timer worker runs: the period is over, the notice is not shown.
    t.clock.set('2026-12-15T01:00:00.000Z');
    expect(await (await app.request('/notices')).text()).not.toContain(id);
    expect((await app.request(`/notices/${id}`)).status).toBe(404);
    const fired = (await fireDueTimers(t.rt)).filter((timer) => timer.caseId === caseId);
    expect(fired.map((timer) => timer.outcome)).toEqual([{ sent: 'endNotice' }]);
    // A week on, the session has lapsed: the caseworker signs in again.
    caseworker = await t.login('caseworker');
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'placed', status: 'active', data: placement });
    expect(await noticeIds(caseId)).toEqual([]);
    expect((await act(t, caseworker, caseId, 'submitClaim', { period: '2026-12', amountFen: 150_000 })).state).toBe('claimSubmitted');
  });

  it('takes an objection sent from the site during the period to the case: back at the caseworker, the notice off the site', async () => {
    const caseId = await proposed('林志强', citizenId('350206', '19780301', '053'));
    const [id] = await noticeIds(caseId);
    const reason = '据我所知，该人员家中经营门店，收入稳定，不属于就业困难人员。';
    const sent = await app.request(`/notices/${id}/objections`, formPost(sessionCookies(null), { name: '郑秀兰', phone: '13805920021', reason }), { incoming: { socket: { remoteAddress: '10.0.0.21' } } });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, '/notices/objection-received']);

    expect((await getCase(t, caseworker, caseId)).state).toBe('postApproved');
    const last = (await caseHistory(t, caseworker, caseId)).at(-1)!;
    expect(last).toMatchObject({ from: 'publicized', to: 'postApproved', event: 'objection', actor: { id: 'system', role: 'system' } });
    expect(String(last.data['objection'])).toContain(reason);
    expect(await openTasks(caseId)).toEqual([{ state: 'postApproved', role: 'caseworker', post: 'subsidy-window' }]);
    const listed = await t.request('GET', `/api/cases/${caseId}/objections`, { token: caseworker });
    expect(listed.body.items).toEqual([expect.objectContaining({ name: '郑秀兰', phone: '13805920021', reason })]);
    expect(await noticeIds(caseId)).toEqual([]);
    expect((await app.request(`/notices/${id}`)).status).toBe(404);

    // Checked and found eligible, the caseworker proposes the placement again: a new notice.
    expect((await act(t, caseworker, caseId, 'place', placement)).state).toBe('publicized');
    const [again] = await noticeIds(caseId);
    expect(again).toBeDefined();
    expect(again).not.toBe(id);
  });
});
