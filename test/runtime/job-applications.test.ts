import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../engine/index.ts';
import { cases, jobApplications } from '../../runtime/db/schema/index.ts';
import { applyToPosting, myApplications, postingApplications, recordHire, registerJobSeekerOnline } from '../../runtime/job-applications/index.ts';
import type { PublicAccount } from '../../runtime/public-accounts/types.ts';
import { citizenId, jobSeekingForm, vacancyPostingForm } from '../support/fixtures.ts';
import { act, postVacancy, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const FIRM = '91350203MA2Y3K1B9C';

async function refusal(run: Promise<unknown>): Promise<PlatformError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe.each(backends)('applications from the public site, as services (%s)', (backend) => {
  let t: TestRuntime;
  let citizen: PublicAccount;
  let employer: PublicAccount;
  let posting: string;
  let withdrawn: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const firm = (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: FIRM, name: '厦门思明示例咨询有限公司' } })).body.id as string;
    const form = vacancyPostingForm(FIRM, { validFrom: '2026-11-02', title: '财务会计', occupation: '2-06-03-00', workArea: '350203' });
    posting = await postVacancy(t, { caseworker, reviewer }, firm, form);
    withdrawn = await postVacancy(t, { caseworker, reviewer }, firm, { ...form, title: '出纳会计' });
    await act(t, caseworker, withdrawn, 'withdraw', { withdrawalReason: '岗位取消' });
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900101', '123'), '林小梅', { phone: '13905921234' });
    citizen = { id: randomUUID(), kind: 'citizen', status: 'active', cityCode: '350200', displayName: '林小梅', personId, employerId: null };
    employer = { id: randomUUID(), kind: 'employer', status: 'active', cityCode: '350200', displayName: '厦门思明示例咨询有限公司', personId: null, employerId: firm };
  }, 180_000);
  afterAll(() => t?.close());

  it('applies as a registered job seeker, once; the employer sees it and hires', async () => {
    expect((await refusal(applyToPosting(t.rt, citizen, posting, { sharePhone: true }))).code).toBe('RULE_VIOLATION');
    const registered = await registerJobSeekerOnline(t.rt, citizen, jobSeekingForm({ desiredAreas: ['350203'] }));
    expect(registered.state).toBe('active');
    const applied = await applyToPosting(t.rt, citizen, posting, { note: '有三年会计经验', sharePhone: true });
    const [referral] = await t.rt.db.select().from(cases).where(eq(cases.id, applied.referralCaseId));
    expect(referral?.state).toBe('referred');
    expect((await refusal(applyToPosting(t.rt, citizen, posting, { sharePhone: false }))).code).toBe('APPLICATION_EXISTS');
    expect((await refusal(applyToPosting(t.rt, citizen, withdrawn, { sharePhone: false }))).code).toBe('POSTING_NOT_OPEN');
    const [rows] = await t.rt.db.select({ n: count() }).from(jobApplications);
    expect(rows?.n).toBe(1);
    const seen = await postingApplications(t.rt, employer, posting);
    expect(seen.items).toMatchObject([{ applicantName: '林小梅', phone: '13905921234', note: '有三年会计经验', state: 'seen' }]);
    expect((await myApplications(t.rt, citizen))[0]?.state).toBe('seen');
    const other = { ...employer, id: randomUUID(), employerId: randomUUID() };
    expect((await refusal(postingApplications(t.rt, other, posting))).code).toBe('NOT_FOUND');
    const hired = await recordHire(t.rt, employer, seen.items[0]!.id, { hireDate: '2026-11-02' });
    const [employment] = await t.rt.db.select().from(cases).where(eq(cases.id, hired.employmentCaseId));
    expect([employment?.processId, employment?.state]).toEqual(['employment-registration', 'pending']);
    expect((await myApplications(t.rt, citizen))[0]?.state).toBe('hired');
  });
});
