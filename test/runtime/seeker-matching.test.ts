import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../runtime/db/schema/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { citizenId, jobSeekingForm, vacancyPostingForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';

/** A job-seeking profile wanting warehouse work in district 350206, overridden where a seeker differs. */
const profile = jobSeekingForm;

describe.each(backends)('job seekers matched to a published vacancy (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let vacancy: { id: string; caseNo: string };
  let unpublished: { id: string; caseNo: string };
  const seekers: Record<string, { personId: string; caseId: string; idNumber: string }> = {};

  async function seeker(key: string, idNumber: string, name: string, form: Record<string, unknown>, withdraw = false) {
    const personId = await registerPerson(t, caseworker, idNumber, name, { phone: '13906001234' });
    const seeking = await open(t, caseworker, 'job-seeking', personId);
    await act(t, caseworker, seeking.id, 'register', form);
    if (withdraw) await act(t, caseworker, seeking.id, 'withdraw', { withdrawalReason: '本人申请' });
    seekers[key] = { personId, caseId: seeking.id, idNumber };
  }

  const matchReads = async () => Number((await t.rt.db.select({ n: count() }).from(accessLog).where(eq(accessLog.action, 'vacancy.seeker-matches')))[0]!.n);

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '厦门示例物流有限公司' } });
    const posting = vacancyPostingForm(EMPLOYER, { workArea: '350206', validFrom: '2026-11-01', validUntil: '2026-12-31' });
    vacancy = await open(t, caseworker, 'vacancy-posting', employer.body.id);
    await act(t, caseworker, vacancy.id, 'submit', posting);
    await act(t, reviewer, vacancy.id, 'startReview', {});
    await act(t, reviewer, vacancy.id, 'publish', { opinion: '信息真实，予以发布' });
    unpublished = await open(t, caseworker, 'vacancy-posting', employer.body.id);
    await act(t, caseworker, unpublished.id, 'submit', posting);

    await seeker('best', citizenId('350206', '19900312', '035'), '林志强', profile());
    await seeker('late', citizenId('350206', '19880705', '019'), '陈海峰', profile({ availableFrom: '2027-01-04' }));
    await seeker('nearby', citizenId('350203', '19920214', '027'), '郑文华', profile({ desiredOccupations: ['4-02-06-01'], desiredAreas: ['350203'], education: '70', expectedPayFen: 700_000 }));
    await seeker('otherTrade', citizenId('350206', '19850101', '011'), '王建国', profile({ desiredOccupations: ['2-06-01-01'] }));
    await seeker('withdrawn', citizenId('350206', '19930909', '043'), '李雪梅', profile(), true);
  });
  afterAll(() => t.close());

  it('ranks the active seekers by the shared fit rules, says why each fits, and shows their ID numbers masked', async () => {
    const response = await t.request('GET', `/api/cases/${vacancy.id}/seeker-matches`, { token: caseworker });
    expect(response.status).toBe(200);
    expect(response.body.vacancy).toMatchObject({ caseNo: vacancy.caseNo, title: '仓库管理员', occupation: '4-02-06-03', workArea: '350206', education: '60' });
    expect(response.body.total).toBe(3);
    const items = response.body.items as Record<string, any>[];
    expect(items.map((m) => m.person.id)).toEqual([seekers['best']!.personId, seekers['late']!.personId, seekers['nearby']!.personId]);
    expect(items[0]).toMatchObject({ caseId: seekers['best']!.caseId, occupation: 'exact', region: 'county', score: 7, payFits: true, educationFits: true, availableInTime: true, person: { name: '林志强' } });
    expect(items[1]).toMatchObject({ score: 7, availableInTime: false, availableFrom: '2027-01-04' });
    expect(items[2]).toMatchObject({ occupation: 'minor-group', region: 'city', desiredOccupation: '4-02-06-01', desiredArea: '350203', payFits: false, educationFits: false, expectedPayFen: 700_000 });
    // Masked as the person list masks them, even for the caseworker who registered them.
    for (const [i, key] of ['best', 'late', 'nearby'].entries()) {
      const listed = await t.request('GET', `/api/persons?q=${seekers[key]!.idNumber}`, { token: caseworker });
      const shown = items[i]!.person.idNumber as string;
      expect(shown).toBe(listed.body.items[0].idNumber);
      expect(shown).toContain('*');
      expect(shown).not.toBe(seekers[key]!.idNumber);
    }
    // Nothing else of the person: no phone, no birth date.
    expect(Object.keys(items[0]!.person).sort()).toEqual(['id', 'idNumber', 'name']);
    expect(JSON.stringify(response.body)).not.toContain('13906001234');
  });

  it('records the read in the access log with the persons it showed', async () => {
    const before = await matchReads();
    await t.request('GET', `/api/cases/${vacancy.id}/seeker-matches`, { token: reviewer });
    expect(await matchReads()).toBe(before + 1);
    const [entry] = await t.rt.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'vacancy.seeker-matches'), eq(accessLog.actorRole, 'reviewer')));
    expect(entry).toMatchObject({ targetType: 'case', targetId: vacancy.id, details: { caseNo: vacancy.caseNo, persons: [seekers['best']!.personId, seekers['late']!.personId, seekers['nearby']!.personId] } });
  });

  it('gives the seeker the vacancy with the same reasons the vacancy gives the seeker', async () => {
    const fromVacancy = (await t.request('GET', `/api/cases/${vacancy.id}/seeker-matches`, { token: caseworker })).body.items[2];
    const fromSeeker = (await t.request('GET', `/api/persons/${seekers['nearby']!.personId}/vacancy-matches`, { token: caseworker })).body.items;
    expect(fromSeeker).toHaveLength(1);
    const reasons = ['occupation', 'region', 'desiredOccupation', 'desiredArea', 'score', 'payFits', 'educationFits', 'availableInTime'];
    for (const reason of reasons) expect([reason, fromSeeker[0][reason]]).toEqual([reason, fromVacancy[reason]]);
    expect(fromSeeker[0].vacancy.caseNo).toBe(vacancy.caseNo);
  });

  it('answers 404 for a case that is not a published vacancy, recording nothing', async () => {
    const before = await matchReads();
    const notVacancy = await t.request('GET', `/api/cases/${seekers['best']!.caseId}/seeker-matches`, { token: caseworker });
    expect(notVacancy.status).toBe(404);
    expect(notVacancy.body).toMatchObject({ code: 'NOT_FOUND', details: { case: seekers['best']!.caseId, process: 'vacancy-posting' } });
    const notPublished = await t.request('GET', `/api/cases/${unpublished.id}/seeker-matches`, { token: caseworker });
    expect(notPublished.status).toBe(404);
    expect(notPublished.body).toMatchObject({ code: 'NOT_FOUND', details: { case: unpublished.id, state: 'submitted' } });
    const missing = await t.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000/seeker-matches', { token: caseworker });
    expect(missing.status).toBe(404);
    // Another district's office, in the same city, may not open the vacancy's case: nor its seekers.
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: 'unemployment-window' }]);
    const huli = await t.login('huli-caseworker');
    expect((await t.request('GET', `/api/cases/${vacancy.id}`, { token: huli })).status).toBe(404);
    const outOfSubtree = await t.request('GET', `/api/cases/${vacancy.id}/seeker-matches`, { token: huli });
    expect([outOfSubtree.status, outOfSubtree.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await matchReads()).toBe(before);
  });

  it('keeps the seekers from roles that may not read persons', async () => {
    const before = await matchReads();
    for (const username of ['evaluator', 'configurator']) {
      const response = await t.request('GET', `/api/cases/${vacancy.id}/seeker-matches`, { token: await t.login(username) });
      expect([username, response.status, response.body.code]).toEqual([username, 403, 'ROLE_NOT_PERMITTED']);
    }
    expect(await matchReads()).toBe(before);
  });
});
