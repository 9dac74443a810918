import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const UNIT = '91350203MA2Y3K1B9C';
const internshipForm = { group: 'graduate', graduationDate: '2025-06-30', unitCreditCode: UNIT, internshipPost: '行政助理', startDate: '2026-10-08', months: 3, monthlySubsidyFen: 150_000 };

describe.each(backends)('the packages added as data, run by the runtime (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let sequence = 0;

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** A new person born in 2003 (a graduate of 2025); each call gets a sequence number of its own. */
  async function person(name: string): Promise<string> {
    return registerPerson(t, caseworker, citizenId('350203', '20030512', String(++sequence * 2 + 1).padStart(3, '0')), name);
  }

  async function ledger(caseId: string) {
    const response = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token: reviewer });
    expect(response.status).toBe(200);
    return response.body.items as Record<string, unknown>[];
  }

  async function approvedInternship(personId: string): Promise<string> {
    const { id } = await open(t, caseworker, 'internship', personId);
    expect((await act(t, caseworker, id, 'submit', internshipForm)).state).toBe('submitted');
    expect((await act(t, reviewer, id, 'approve', { opinion: '符合见习条件' })).state).toBe('interning');
    return id;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await signIn();
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: UNIT, name: '厦门示例科技有限公司' } })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('internship: pays an approved month into the ledger; the same month from a second internship is refused by the ledger key, nothing written', async () => {
    const personId = await person('陈晓雨');
    const first = await approvedInternship(personId);
    await act(t, caseworker, first, 'submitClaim', { period: '2026-10', attendanceDays: 18, amountFen: 120_000 });
    expect((await act(t, reviewer, first, 'approveClaim', { paidPeriod: '2026-10', opinion: '考勤属实' })).state).toBe('interning');
    expect(await ledger(first)).toEqual([expect.objectContaining({ subsidyType: 'internship-subsidy', item: 'internship-subsidy', period: '2026-10', fund: 'employment-subsidy', amountFen: 120_000 })]);

    expect((await act(t, caseworker, first, 'terminate', { terminationDate: '2026-11-02', endReason: 'unit-ended' })).state).toBe('ended');
    const second = await approvedInternship(personId);
    await act(t, caseworker, second, 'submitClaim', { period: '2026-10', attendanceDays: 5, amountFen: 30_000 });
    const { version } = await getCase(t, reviewer, second);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${second}/events`, { token: reviewer, body: { type: 'approveClaim', data: { paidPeriod: '2026-10', opinion: 'ok' }, version } });
    expect([response.status, response.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(await getCase(t, reviewer, second)).toMatchObject({ state: 'claimSubmitted', version });
  });

  it('internship: refuses a unit that is not registered, by the employerByCreditCode fact', async () => {
    const { id } = await open(t, caseworker, 'internship', await person('林一'));
    const { version } = await getCase(t, caseworker, id);
    const response = await t.request('POST', `/api/cases/${id}/events`, { token: caseworker, body: { type: 'submit', data: { ...internshipForm, unitCreditCode: '91350100M000100Y43' }, version } });
    expect([response.status, response.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(response.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['unit-registered']);
  });

  it('vocational-guidance: the follow-up reminder opens a visit task; an employment registration closes the case as employed', async () => {
    const personId = await person('王晨');
    const { id } = await open(t, caseworker, 'vocational-guidance', personId);
    await act(t, caseworker, id, 'accept', { channel: 'walk-in', needs: ['career-planning'] });
    await act(t, caseworker, id, 'recordSession', { sessionDate: '2026-11-02', topic: 'career-planning', counsellorNotes: '明确求职方向' });
    expect((await act(t, caseworker, id, 'agreePlan', { planDate: '2026-11-02', careerGoal: '从事行政工作', measures: ['job-referral'] })).state).toBe('followingUp');

    // Twenty working days after 2026-11-02 end on 2026-11-30.
    t.clock.set('2026-12-01T01:00:00.000Z');
    await signIn();
    const fired = (await fireDueTimers(t.rt)).filter((f) => f.caseId === id);
    expect(fired.map((f) => f.outcome)).toEqual([{ sent: 'followUpDue' }]);
    const [task] = await queryRows<{ role: string; post: string; status: string }>(t.rt.db, sql`SELECT role, post, status FROM tasks WHERE case_id = ${id} AND state = 'visitDue'`);
    expect(task).toEqual({ role: 'caseworker', post: 'guidance-window', status: 'open' });

    const hire = await open(t, caseworker, 'employment-registration', personId);
    expect((await act(t, caseworker, hire.id, 'register', { employmentForm: 'contract', employerCreditCode: UNIT, hireDate: '2026-12-01' })).state).toBe('employed');
    expect(await getCase(t, caseworker, id)).toMatchObject({ state: 'closed', status: 'final', data: { outcome: 'employed' } });
    expect((await caseHistory(t, caseworker, id)).at(-1)).toMatchObject({ event: 'employmentRegistered', actor: { role: 'system' }, cause: { event: 'employment.registered', caseId: hire.id } });
  });

  it('labour-survey: a verified survey is recorded and survey.recorded is in the outbox with the status fields', async () => {
    const { id } = await open(t, caseworker, 'labour-survey', await person('赵敏'));
    await act(t, caseworker, id, 'assign', { surveyRound: '2026-12', communityCode: '350203001001', enumerator: '张三' });
    await act(t, caseworker, id, 'collect', { surveyDate: '2026-12-01', householdId: 'H-7', employmentStatus: 'unemployed', occupationCode: 'none', education: '20', residenceArea: '350203' });
    expect((await act(t, reviewer, id, 'verify', { verifiedStatus: 'unemployed', opinion: '回访核实' })).state).toBe('recorded');
    const outbox = await queryRows<{ payload: unknown }>(t.rt.db, sql`SELECT payload FROM outbox WHERE case_id = ${id} AND event = 'survey.recorded'`);
    const payloads = outbox.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload));
    expect(payloads).toEqual([{ surveyRound: '2026-12', communityCode: '350203001001', householdId: 'H-7', employmentStatus: 'unemployed', occupationCode: 'none', education: '20', residenceArea: '350203' }]);
  });

  it('personnel-file: custody, a certificate, a reviewed transfer and dispatch; a file carried by the person is refused with nothing written', async () => {
    const { id } = await open(t, caseworker, 'personnel-file', await person('周航'));
    const intake = { fileNumber: 'DA-2026-7', sourceUnit: '厦门某大学', receivedDate: '2026-12-01', receivedVia: 'confidential-mail', materials: ['resume', 'education'] };
    const { version } = await getCase(t, caseworker, id);
    const before = await tableCounts(t.rt);
    const carried = await t.request('POST', `/api/cases/${id}/events`, { token: caseworker, body: { type: 'accept', data: { ...intake, receivedVia: 'carried-by-person' }, version } });
    expect([carried.status, carried.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(await tableCounts(t.rt)).toEqual(before);

    expect((await act(t, caseworker, id, 'accept', intake)).state).toBe('inCustody');
    expect((await act(t, caseworker, id, 'issueCertificate', { certificateType: 'custody', purpose: '落户', requestDate: '2026-12-01' })).data).toMatchObject({ certificatesIssued: 1 });
    await act(t, caseworker, id, 'requestTransfer', { destinationUnit: '福州某研究院', transferLetterNo: 'DD-9', transferLetterDate: '2026-12-01', transferReason: 'new-employer' });
    expect((await act(t, reviewer, id, 'approveTransfer', { opinion: '同意' })).state).toBe('dispatching');
    expect(await act(t, caseworker, id, 'dispatch', { dispatchDate: '2026-12-01', dispatchMethod: 'confidential-mail', trackingNo: 'JY-1' })).toMatchObject({ state: 'closed', status: 'final' });
  });
});
