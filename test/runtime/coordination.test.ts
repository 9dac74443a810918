import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, registrationForm, tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, placeAfterNotice, registerJobSeeker, registerPerson, type HistoryItem } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CITY = '350200';
const EMPLOYER_A = '91350100M000100Y43';
const EMPLOYER_B = '91350203MA2Y3K1B9C';
const OCCUPATION = '4-02-06-03';

/** A vacancy posting form that passes every screening rule: three posts, valid from the first day of these tests. */
function postingForm(employerCreditCode: string) {
  return vacancyPostingForm(employerCreditCode, {
    headcount: 3,
    occupation: OCCUPATION,
    duties: '负责货物出入库登记、盘点与库区安全巡查。',
    requirements: '男女不限，能适应倒班，熟练使用办公软件。',
    validFrom: '2026-11-02',
  });
}

/** A benefit application: 36 insured months (12 months of benefit), involuntary separation. */
const benefitApplication = {
  contributionMonths: 36,
  separationReason: 'dismissed-by-employer',
  separationDate: '2026-09-30',
  registrationDate: '2026-11-02',
  carriedOverMonths: 0,
  bankAccount: '6222021234567890123',
};

describe.each(backends)('coordination between processes through the outbox (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let vacancyA: string;
  let vacancyB: string;
  /** Person 1 of scenario 1, kept for the redelivery and difficulty.ended scenarios. */
  const p1 = { personId: '', hireId: '', hireOutboxId: 0, difficultyId: '' };

  async function login() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** The person's stored statuses (a status at its default `none` has no key) and refusal count. */
  async function personRow(id: string) {
    const [row] = await t.rt.db.select({ statuses: persons.statuses, unjustifiedRefusals: persons.unjustifiedRefusals }).from(persons).where(eq(persons.id, id));
    return row!;
  }

  async function casesOf(personId: string): Promise<{ id: string; process_id: string; state: string; status: string; created_by: string | null; data: Record<string, unknown> }[]> {
    return queryRows(t.rt.db, sql`SELECT id, process_id, state, status, created_by, data FROM cases WHERE subject_id = ${personId} ORDER BY created_at, case_no`);
  }

  async function outboxId(caseId: string, event: string): Promise<number> {
    const rows = await queryRows<{ id: string | number }>(t.rt.db, sql`SELECT id FROM outbox WHERE case_id = ${caseId} AND event = ${event}`);
    expect(rows).toHaveLength(1);
    return Number(rows[0]!.id);
  }

  async function deliveries(outbox: number): Promise<Record<string, { stepped: string[]; started: string[]; declined: { caseId: string; code: string }[] }>> {
    const rows = await queryRows<{ subscriber: string; outcome: unknown }>(t.rt.db, sql`SELECT subscriber, outcome FROM outbox_deliveries WHERE outbox_id = ${outbox}`);
    return Object.fromEntries(rows.map((r) => [r.subscriber, typeof r.outcome === 'string' ? JSON.parse(r.outcome) : r.outcome]));
  }

  /** Opens and approves an unemployment registration for a man of working age. */
  async function registerUnemployed(personId: string): Promise<string> {
    const { id } = await open(t, caseworker, 'unemployment-registration', personId);
    await act(t, caseworker, id, 'submit', registrationForm());
    expect((await act(t, reviewer, id, 'approve', { opinion: '材料齐全，予以登记' })).state).toBe('registered');
    return id;
  }

  /** Opens a benefit case, checks it (caseworker) and approves the entitled months at the standard in force (reviewer). */
  async function benefitReceiving(personId: string): Promise<string> {
    const { id } = await open(t, caseworker, 'unemployment-benefit', personId);
    expect((await act(t, caseworker, id, 'check', benefitApplication)).state).toBe('checked');
    // 36 insured months: 12 months of benefit; the standard in force since 2026-07-01 is 196,000 fen.
    const approved = await act(t, reviewer, id, 'approve', { months: 12, monthlyAmountFen: 196_000, opinion: '核定12个月', medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '中国建设银行厦门市分行' });
    expect(approved.state).toBe('receiving');
    return id;
  }

  /** A job referral walked to `hired` at the employer of a published vacancy. */
  async function referralHired(personId: string, vacancyId: string, employerCreditCode: string): Promise<string> {
    const id = await referralInterviewed(personId, vacancyId, employerCreditCode);
    expect((await act(t, caseworker, id, 'hire', { startDate: '2026-11-12' })).state).toBe('hired');
    return id;
  }

  async function referralInterviewed(personId: string, vacancyId: string, employerCreditCode: string): Promise<string> {
    const vacancy = await getCase(t, caseworker, vacancyId);
    await registerJobSeeker(t, caseworker, personId);
    const { id } = await open(t, caseworker, 'job-referral', personId);
    await act(t, caseworker, id, 'refer', { vacancyCaseNo: vacancy.caseNo, employerCreditCode, occupation: OCCUPATION });
    expect((await act(t, caseworker, id, 'interview', { interviewDate: '2026-11-12' })).state).toBe('interviewed');
    return id;
  }

  async function registerEmployment(personId: string, employerCreditCode: string): Promise<string> {
    const { id } = await open(t, caseworker, 'employment-registration', personId);
    const employed = await act(t, caseworker, id, 'register', { employmentForm: 'contract', employerCreditCode, hireDate: '2026-11-12' });
    expect(employed.state).toBe('employed');
    return id;
  }

  /** The last history row of a case, which a coordination step must have written. */
  function expectSystemStep(item: HistoryItem | undefined, event: string, causeEvent: string, cause: { caseId: string; outboxId: number }) {
    expect(item).toMatchObject({ event, actor: { id: 'system', role: 'system' }, cause: { event: causeEvent, caseId: cause.caseId } });
    expect(Number(item!.cause!.outboxId)).toBe(cause.outboxId);
  }

  beforeAll(async () => {
    // Monday 2026-11-02, 09:00 in Beijing.
    t = await createTestRuntime(backend);
    await login();
    for (const [creditCode, name] of [
      [EMPLOYER_A, '福州示例科技有限公司'],
      [EMPLOYER_B, '厦门某物流有限公司'],
    ] as const) {
      const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode, name } });
      expect(employer.status).toBe(201);
      const vacancy = (await open(t, caseworker, 'vacancy-posting', employer.body.id)).id;
      await act(t, caseworker, vacancy, 'submit', postingForm(creditCode));
      await act(t, reviewer, vacancy, 'startReview', {});
      expect((await act(t, reviewer, vacancy, 'publish', { opinion: '信息真实完整' })).state).toBe('published');
      if (creditCode === EMPLOYER_A) vacancyA = vacancy;
      else vacancyB = vacancy;
    }
  });
  afterAll(() => t.close());

  it('one employment registration cancels the unemployment registration, stops the benefit, re-checks the difficulty and completes the referral', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19750316', '011'), '陈建国');
    p1.personId = personId;
    const registration = await registerUnemployed(personId);

    // Employment difficulty: verified and publicised now, recognised after the notice period.
    const difficulty = (await open(t, caseworker, 'employment-difficulty', personId)).id;
    p1.difficultyId = difficulty;
    const verified = await act(t, caseworker, difficulty, 'verify', { category: 'disability', evidence: '残疾人证 35020319750316011', retirementCategory: 'male-60', holdsDisabilityCertificate: true });
    expect(verified.state).toBe('publicized');
    const benefit = await benefitReceiving(personId);

    // Five working days of public notice end on Monday 11-09; fire the notice timer a few days later.
    t.clock.set('2026-11-12T01:00:00.000Z');
    await login();
    const fired = await fireDueTimers(t.rt);
    expect(fired).toContainEqual(expect.objectContaining({ caseId: difficulty, state: 'publicized', outcome: { sent: 'endNotice' } }));
    expect((await getCase(t, caseworker, difficulty)).state).toBe('reviewed');
    expect((await act(t, reviewer, difficulty, 'recognize', { validUntil: '2027-11-11', opinion: '符合认定条件' })).state).toBe('recognized');
    expect((await act(t, caseworker, difficulty, 'startAssistance', { measures: ['job-referral', 'counselling'], nextVisitDate: '2026-12-12' })).state).toBe('assisted');

    const referral = await referralHired(personId, vacancyA, EMPLOYER_A);
    expect((await getCase(t, caseworker, benefit)).state).toBe('receiving');
    expect((await personRow(personId)).statuses).toEqual({ unemploymentStatus: 'registered', difficultyStatus: 'recognized' });

    const hire = await registerEmployment(personId, EMPLOYER_A);
    p1.hireId = hire;
    const outbox = await outboxId(hire, 'employment.registered');
    p1.hireOutboxId = outbox;
    const cause = { caseId: hire, outboxId: outbox };

    expect(await getCase(t, caseworker, registration)).toMatchObject({ state: 'cancelled', status: 'final', data: { cancellationReason: 'employed' } });
    expect(await getCase(t, caseworker, benefit)).toMatchObject({ state: 'terminated', status: 'final', data: { terminationReason: 'employed' } });
    expect(await getCase(t, caseworker, difficulty)).toMatchObject({ state: 'recheck', status: 'active' });
    expect(await getCase(t, caseworker, referral)).toMatchObject({ state: 'succeeded', status: 'final', data: { hiringEmployerCreditCode: EMPLOYER_A } });
    expect((await personRow(personId)).statuses).toEqual({ employmentStatus: 'employed', difficultyStatus: 'recognized' });

    expectSystemStep((await caseHistory(t, caseworker, registration)).at(-1), 'employmentRegistered', 'employment.registered', cause);
    expectSystemStep((await caseHistory(t, caseworker, benefit)).at(-1), 'employmentRegistered', 'employment.registered', cause);
    expectSystemStep((await caseHistory(t, caseworker, difficulty)).at(-1), 'employmentRegistered', 'employment.registered', cause);
    expectSystemStep((await caseHistory(t, caseworker, referral)).at(-1), 'employmentRegistered', 'employment.registered', cause);
    expect((await caseHistory(t, caseworker, registration)).at(-1)).toMatchObject({ from: 'registered', to: 'cancelled', data: { cancellationReason: 'employed' } });
    expect((await caseHistory(t, caseworker, difficulty)).at(-1)).toMatchObject({ from: 'assisted', to: 'recheck' });

    // The re-check is a caseworker's task now; the stopped benefit pays no later month.
    const [recheckTask] = await queryRows<{ role: string; status: string }>(t.rt.db, sql`SELECT role, status FROM tasks WHERE case_id = ${difficulty} AND state = 'recheck'`);
    expect(recheckTask).toEqual({ role: 'caseworker', status: 'open' });
    const liveTimers = await queryRows(t.rt.db, sql`SELECT id FROM timers WHERE case_id = ${benefit} AND fired_at IS NULL AND cancelled_at IS NULL`);
    expect(liveTimers).toEqual([]);

    const outcome = await deliveries(outbox);
    expect(outcome['unemployment-registration:employmentRegistered']).toEqual({ stepped: [registration], started: [], declined: [] });
    expect(outcome['unemployment-benefit:employmentRegistered']).toEqual({ stepped: [benefit], started: [], declined: [] });
    expect(outcome['employment-difficulty:employmentRegistered']).toEqual({ stepped: [difficulty], started: [], declined: [] });
    expect(outcome['job-referral:employmentRegistered']).toEqual({ stepped: [referral], started: [], declined: [] });
  });

  it('leaves a referral hired at another employer in `hired` and records it as declined', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900721', '033'), '黄志明');
    const referral = await referralHired(personId, vacancyB, EMPLOYER_B);
    const before = await getCase(t, caseworker, referral);

    const hire = await registerEmployment(personId, EMPLOYER_A);
    const outbox = await outboxId(hire, 'employment.registered');

    expect(await getCase(t, caseworker, referral)).toMatchObject({ state: 'hired', status: 'active', version: before.version, data: before.data });
    expect((await caseHistory(t, caseworker, referral)).at(-1)).toMatchObject({ event: 'hire', cause: null });
    const outcome = await deliveries(outbox);
    expect(outcome['job-referral:employmentRegistered']).toEqual({ stepped: [], started: [], declined: [{ caseId: referral, code: 'RULE_VIOLATION' }] });
  });

  it('redelivering a delivered employment.registered event changes nothing', async () => {
    const before = await tableCounts(t.rt);
    const first = await t.rt.db.transaction((tx) => t.rt.stepper.redeliver(tx, t.rt, CITY, p1.hireOutboxId));
    const second = await t.rt.db.transaction((tx) => t.rt.stepper.redeliver(tx, t.rt, CITY, p1.hireOutboxId));
    expect([first, second]).toEqual([0, 0]);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await getCase(t, caseworker, p1.difficultyId)).state).toBe('recheck');
  });

  it('an involuntary termination opens a prefilled draft registration for the caseworker and a benefit check; a voluntary one opens nothing', async () => {
    const dismissed = await registerPerson(t, caseworker, citizenId('350203', '19850210', '051'), '林国强');
    const hire = await registerEmployment(dismissed, EMPLOYER_A);
    const terminated = await act(t, caseworker, hire, 'terminate', { terminationDate: '2026-11-12', terminationReason: 'dismissed', involuntary: true });
    expect(terminated.state).toBe('terminated');
    const outbox = await outboxId(hire, 'employment.terminated');

    const opened = await casesOf(dismissed);
    expect(opened.map((c) => [c.process_id, c.state, c.status]).sort()).toEqual([
      ['employment-registration', 'terminated', 'final'],
      ['unemployment-benefit', 'applied', 'active'],
      ['unemployment-registration', 'draft', 'active'],
    ]);
    const registration = opened.find((c) => c.process_id === 'unemployment-registration');
    const benefit = opened.find((c) => c.process_id === 'unemployment-benefit');
    expect(registration!.created_by).toBeNull();
    expect(registration!.data).toEqual({ category: 'lost-job', previousEmployerCreditCode: EMPLOYER_A, unemployedSince: '2026-11-12' });
    expect(benefit!.created_by).toBeNull();
    expect(benefit!.data).toEqual({ separationDate: '2026-11-12' });

    const [task] = await queryRows<{ role: string; post: string; status: string }>(t.rt.db, sql`SELECT role, post, status FROM tasks WHERE case_id = ${registration!.id} AND state = 'draft'`);
    expect(task).toEqual({ role: 'caseworker', post: 'unemployment-window', status: 'open' });
    const inbox = await t.request('GET', '/api/tasks?pageSize=100', { token: caseworker });
    expect(inbox.body.items.map((i: { caseId: string; state: string }) => [i.caseId, i.state])).toContainEqual([registration!.id, 'draft']);

    const [created] = await caseHistory(t, caseworker, registration!.id);
    expect(created).toMatchObject({ from: null, to: 'draft', event: 'create', actor: { role: 'system' }, cause: { event: 'employment.terminated', caseId: hire } });
    expect(await deliveries(outbox)).toEqual({
      'unemployment-registration:start': { stepped: [], started: [registration!.id], declined: [] },
      'unemployment-benefit:start': { stepped: [], started: [benefit!.id], declined: [] },
    });

    const resigned = await registerPerson(t, caseworker, citizenId('350203', '19920808', '071'), '吴海峰');
    const voluntaryHire = await registerEmployment(resigned, EMPLOYER_A);
    const before = await tableCounts(t.rt);
    await act(t, caseworker, voluntaryHire, 'terminate', { terminationDate: '2026-11-12', terminationReason: 'resigned', involuntary: false });
    const after = await tableCounts(t.rt);
    expect(after['cases']).toBe(before['cases']);
    expect((await casesOf(resigned)).map((c) => c.process_id)).toEqual(['employment-registration']);
    expect(await deliveries(await outboxId(voluntaryHire, 'employment.terminated'))).toEqual({
      'unemployment-registration:start': { stepped: [], started: [], declined: [] },
      'unemployment-benefit:start': { stepped: [], started: [], declined: [] },
    });
  });

  it('difficulty.ended ends a placed public-welfare post subsidy and lists a claim under review as not listening', async () => {
    // Person 1 is employed and still recognised, at the re-check after the employment registration.
    const post = (await open(t, caseworker, 'public-welfare-post', p1.personId)).id;
    const placed = await placeAfterNotice(t, caseworker, post, {
      employerCreditCode: EMPLOYER_A,
      employerName: '福州示例科技有限公司',
      employerAccount: '35101588001052500817',
      employerBank: '中国建设银行福州分行',
      postName: '社区公共服务岗',
      placementStart: '2026-11-12',
      monthlySubsidyFen: 150_000,
      retirementCategory: 'male-60',
    });
    expect(placed.state).toBe('placed');
    // A social insurance subsidy claim under review when recognition ends: that state does not listen.
    const insurance = (await open(t, caseworker, 'social-insurance-subsidy', p1.personId)).id;
    await act(t, caseworker, insurance, 'verify', { workerType: 'flexible', category: 'disability', employmentStart: '2026-11-12', recognizedOn: '2026-11-12', retirementCategory: 'male-60' });
    await act(t, reviewer, insurance, 'approve', { opinion: '符合条件' });
    expect((await act(t, caseworker, insurance, 'submitClaim', { period: '2026-11', contributionPaidFen: 90_000, amountFen: 60_000 })).state).toBe('claimSubmitted');

    const exited = await act(t, caseworker, p1.difficultyId, 'exit', { exitReason: 'employed' });
    expect(exited.state).toBe('exited');
    const outbox = await outboxId(p1.difficultyId, 'difficulty.ended');

    expect(await getCase(t, caseworker, post)).toMatchObject({ state: 'ended', status: 'final', data: { endReason: 'difficulty-ended' } });
    expectSystemStep((await caseHistory(t, caseworker, post)).at(-1), 'difficultyEnded', 'difficulty.ended', { caseId: p1.difficultyId, outboxId: outbox });
    expect((await personRow(p1.personId)).statuses).toEqual({ employmentStatus: 'employed' });
    expect((await deliveries(outbox))['public-welfare-post:difficultyEnded']).toEqual({ stepped: [post], started: [], declined: [] });
    // The missed event shows on the delivery row, and the claim is left for the reviewer.
    expect((await deliveries(outbox))['social-insurance-subsidy:difficultyEnded']).toEqual({ stepped: [], started: [], declined: [{ caseId: insurance, code: 'TRANSITION_NOT_AVAILABLE' }] });
    expect((await getCase(t, caseworker, insurance)).state).toBe('claimSubmitted');
  });

  it('counts unjustified refusals: the first stops the benefit, the third (the refusal limit) cancels the registration', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19880516', '091'), '郑海');
    const registration = await registerUnemployed(personId);
    const benefit = await benefitReceiving(personId);

    const refuse = async () => {
      const referral = await referralInterviewed(personId, vacancyA, EMPLOYER_A);
      expect((await act(t, caseworker, referral, 'refuseUnjustified', { refusalReason: '嫌工资低，无正当理由' })).state).toBe('rejected');
      return { referral, outbox: await outboxId(referral, 'referral.refused') };
    };

    const first = await refuse();
    expect((await personRow(personId)).unjustifiedRefusals).toBe(1);
    expect(await getCase(t, caseworker, registration)).toMatchObject({ state: 'registered', status: 'active' });
    expect(await getCase(t, caseworker, benefit)).toMatchObject({ state: 'terminated', status: 'final', data: { terminationReason: 'refused-suitable-work' } });
    expectSystemStep((await caseHistory(t, caseworker, benefit)).at(-1), 'refusedSuitableWork', 'referral.refused', { caseId: first.referral, outboxId: first.outbox });
    expect(await deliveries(first.outbox)).toEqual({
      'unemployment-registration:refusalRecorded': { stepped: [], started: [], declined: [{ caseId: registration, code: 'RULE_VIOLATION' }] },
      // A refusal at a referral is a contact: the six months without contact count again.
      'unemployment-registration:contactRecorded': { stepped: [registration], started: [], declined: [] },
      'unemployment-benefit:refusedSuitableWork': { stepped: [benefit], started: [], declined: [] },
    });

    await refuse();
    expect((await personRow(personId)).unjustifiedRefusals).toBe(2);
    expect(await getCase(t, caseworker, registration)).toMatchObject({ state: 'registered', status: 'active' });
    expect((await personRow(personId)).statuses).toEqual({ unemploymentStatus: 'registered' });

    const third = await refuse();
    expect(await personRow(personId)).toEqual({ unjustifiedRefusals: 3, statuses: {} });
    expect(await getCase(t, caseworker, registration)).toMatchObject({ state: 'cancelled', status: 'final', data: { cancellationReason: 'refused-jobs' } });
    const steps = await caseHistory(t, caseworker, registration);
    expect(steps.map((s) => s.event)).toEqual(['create', 'submit', 'approve', 'contactRecorded', 'contactRecorded', 'refusalRecorded']);
    expectSystemStep(steps.at(-1), 'refusalRecorded', 'referral.refused', { caseId: third.referral, outboxId: third.outbox });
  });
});
