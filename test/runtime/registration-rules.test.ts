import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerJobSeeker, registerPerson } from '../support/steps.ts';

const EMPLOYER = '91350100M000100Y43';
const PROCESS = 'unemployment-registration';

/** A timestamptz column as an ISO string, the same on both drivers. */
const isoOf = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Issue 14, 失业登记 and 就业登记 through the API: the cancellation grounds of 《就业服务与就业管理规定》
 * art. 66 (stable income checked against the local minimum wage), six months without contact ending a
 * registration by a timer that each contact re-arms, hires and terminations registered after the
 * 30 / 15 days of art. 62 marked late with a reason, and "involuntary" following from the reason.
 */
describe.each(backends)('unemployment and employment registration rules through the API (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker = '';
  let reviewer = '';
  let sequence = 1;

  async function signIn() {
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  /** A new (male) person; each call gets a sequence number of its own. */
  async function newPerson(name: string): Promise<string> {
    const next = String(sequence++ * 2 + 1).padStart(3, '0');
    return registerPerson(t, caseworker, citizenId('350203', '19860311', next), name, { phone: '13912345678' });
  }

  /** A person with an approved unemployment registration: the person and the case. */
  async function registered(name: string): Promise<{ personId: string; caseId: string }> {
    const personId = await newPerson(name);
    const caseId = (await open(t, caseworker, PROCESS, personId)).id;
    await act(t, caseworker, caseId, 'submit', registrationForm());
    expect((await act(t, reviewer, caseId, 'approve', { opinion: '材料齐全，予以登记' })).state).toBe('registered');
    return { personId, caseId };
  }

  /** A person with an employment registration in force, hired on `hireDate` (registered in time). */
  async function employed(name: string, hireDate: string): Promise<{ personId: string; caseId: string }> {
    const personId = await newPerson(name);
    const caseId = (await open(t, caseworker, 'employment-registration', personId)).id;
    await act(t, caseworker, caseId, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate });
    return { personId, caseId };
  }

  /** Sends an event that must be refused with RULE_VIOLATION, changing no table; returns the rules named. */
  async function violated(caseId: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, caseworker, caseId);
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type, data, version } });
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    expect(await tableCounts(t.rt)).toEqual(before);
    return response.body.details.violations.map((v: { rule: string }) => v.rule);
  }

  async function pendingTimers(caseId: string) {
    const rows = await queryRows<{ event: string; data: string; fireAt: string }>(
      t.rt.db,
      sql`SELECT event, data::text AS data, ${isoOf('fire_at')} AS "fireAt" FROM timers
          WHERE case_id = ${caseId} AND kind = 'event' AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY fire_at`,
    );
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  }

  async function unemploymentStatus(personId: string): Promise<string> {
    return (await t.request('GET', `/api/persons/${personId}`, { token: caseworker })).body.statuses.unemploymentStatus;
  }

  beforeAll(async () => {
    // Monday 2 November 2026, 09:00 in China.
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    await signIn();
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '福州示例科技有限公司' } });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);
  });
  afterAll(() => t.close());

  describe('cancellation grounds (art. 66)', () => {
    it('offers every national ground, keeping those there before', async () => {
      const { caseId } = await registered('注销甲');
      const cancel = (await getCase(t, caseworker, caseId)).actions.find((a: { event: string }) => a.event === 'cancel');
      const reasons = cancel.form.schema.properties.cancellationReason.oneOf.map((o: { const: string }) => o.const);
      expect(reasons).toEqual(expect.arrayContaining(['employed', 'business-started', 'pension', 'school-army-emigration', 'prison', 'no-contact', 'refused-jobs']));
      expect(reasons).toEqual(expect.arrayContaining(['incapacitated', 'stable-income', 'no-longer-seeking']));
    });

    it('cancels for complete loss of the capacity to work and for no longer seeking work', async () => {
      for (const [name, reason] of [['注销乙', 'incapacitated'], ['注销丙', 'no-longer-seeking']] as const) {
        const { personId, caseId } = await registered(name);
        expect(await act(t, caseworker, caseId, 'cancel', { cancellationReason: reason })).toMatchObject({ state: 'cancelled', data: { cancellationReason: reason } });
        expect(await unemploymentStatus(personId)).toBe('none');
      }
    });

    it('refuses stable income below the local minimum wage, and cancels at or above it', async () => {
      const minimum = t.rt.registry.parameters(PROCESS, '2026-11-02')['minimumMonthlyWageFen'] as number;
      expect(minimum).toBe(203_000);
      const { personId, caseId } = await registered('注销丁');
      expect(await violated(caseId, 'cancel', { cancellationReason: 'stable-income', monthlyIncomeFen: minimum - 1 })).toEqual(['stable-income-not-below-minimum-wage']);
      expect(await unemploymentStatus(personId)).toBe('registered');
      // The income is stated with the ground.
      const { version } = await getCase(t, caseworker, caseId);
      const missing = await t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'cancel', data: { cancellationReason: 'stable-income' }, version } });
      expect([missing.status, missing.body.code]).toEqual([422, 'FORM_INVALID']);
      expect(await act(t, caseworker, caseId, 'cancel', { cancellationReason: 'stable-income', monthlyIncomeFen: minimum })).toMatchObject({ state: 'cancelled' });
      expect(await unemploymentStatus(personId)).toBe('none');
    });
  });

  describe('six months without contact (art. 66)', () => {
    it('is a locked national parameter with its legal basis', async () => {
      const process = await t.request('GET', `/api/processes/${PROCESS}`, { token: caseworker });
      expect(process.status).toBe(200);
      expect(t.rt.registry.parameters(PROCESS, '2026-11-02')['noContactMonths']).toBe(6);
      const configurator = await t.login('configurator');
      const saved = await t.request('PUT', `/api/processes/${PROCESS}/overlay`, { token: configurator, body: { parameters: [{ id: 'noContactMonths', from: '2026-12-01', value: 12 }] } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const codes = saved.body.problems.map((p: { code: string; element: string }) => `${p.code}@${p.element}`);
      expect(codes).toContain('OVERLAY_LOCK_VIOLATION@parameters.noContactMonths');
      const lock = saved.body.problems.find((p: { code: string }) => p.code === 'OVERLAY_LOCK_VIOLATION');
      expect(lock.reason['zh-CN']).toContain('《就业服务与就业管理规定》第六十六条');
      expect(lock.reason.en).toContain('art. 66');
    });

    it('cancels a registration with no contact for six months; a recorded contact, or a refusal at a referral, counts them again', async () => {
      const silent = await registered('失联甲');
      const contacted = await registered('失联乙');
      const referred = await registered('失联丙');
      // Registered on 2026-11-02: the six months end with 2027-05-02, China time.
      expect(await pendingTimers(silent.caseId)).toEqual([{ event: 'noContact', data: { cancellationReason: 'no-contact' }, fireAt: '2027-05-02T16:00:00.000Z' }]);

      // A contact on 2027-02-10 counts the six months from then.
      t.clock.set('2027-02-10T02:00:00.000Z');
      await signIn();
      expect((await act(t, caseworker, contacted.caseId, 'contact', { contactDate: '2027-02-10', channel: 'phone' })).state).toBe('registered');
      expect(await pendingTimers(contacted.caseId)).toEqual([expect.objectContaining({ event: 'noContact', fireAt: '2027-08-10T16:00:00.000Z' })]);
      // A contact dated after the day is refused beside the field (the form's bound, before any rule), writing nothing.
      const before = await tableCounts(t.rt);
      const { version } = await getCase(t, caseworker, contacted.caseId);
      const future = await t.request('POST', `/api/cases/${contacted.caseId}/events`, { token: caseworker, body: { type: 'contact', data: { contactDate: '2027-02-11', channel: 'phone' }, version } });
      expect([future.status, future.body.code]).toEqual([422, 'FORM_INVALID']);
      expect(future.body.details.fields).toEqual([expect.objectContaining({ field: 'contactDate', keyword: 'x-not-after-today' })]);
      expect(await tableCounts(t.rt)).toEqual(before);

      // An unjustified refusal of offered training, recorded on 2027-03-01, is a contact too (one refusal ends nothing).
      t.clock.set('2027-03-01T02:00:00.000Z');
      await signIn();
      await registerJobSeeker(t, caseworker, referred.personId, '2027-12-31');
      const seeking = (await t.request('GET', `/api/cases?subjectId=${referred.personId}`, { token: caseworker })).body.items.find((c: { processId: string }) => c.processId === 'job-seeking');
      await act(t, caseworker, seeking.id, 'refuseTraining', { offeredTraining: '叉车司机培训', offeredOn: '2027-03-01', refusalReason: '无正当理由' });
      expect(await getCase(t, caseworker, referred.caseId)).toMatchObject({ state: 'registered' });
      expect((await caseHistory(t, caseworker, referred.caseId)).at(-1)).toMatchObject({ from: 'registered', to: 'registered', event: 'contactRecorded', actor: { role: 'system' } });
      expect(await pendingTimers(referred.caseId)).toEqual([expect.objectContaining({ event: 'noContact', fireAt: '2027-09-01T16:00:00.000Z' })]);

      // The last minute of 2027-05-02 in China: not yet.
      t.clock.set('2027-05-02T15:59:00.000Z');
      expect((await fireDueTimers(t.rt)).filter((f) => f.caseId === silent.caseId)).toEqual([]);
      t.clock.set('2027-05-02T16:00:00.000Z');
      expect((await fireDueTimers(t.rt)).filter((f) => f.caseId === silent.caseId)).toEqual([{ caseId: silent.caseId, kind: 'event', state: 'registered', outcome: { sent: 'noContact' } }]);
      await signIn();
      expect(await getCase(t, caseworker, silent.caseId)).toMatchObject({ state: 'cancelled', status: 'final', data: { cancellationReason: 'no-contact' } });
      expect((await caseHistory(t, caseworker, silent.caseId)).at(-1)).toMatchObject({ from: 'registered', to: 'cancelled', event: 'noContact', actor: { role: 'system' }, data: { cancellationReason: 'no-contact' } });
      expect(await unemploymentStatus(silent.personId)).toBe('none');
      const [emitted] = await queryRows<{ payload: string }>(t.rt.db, sql`SELECT payload::text AS payload FROM outbox WHERE event = 'unemployment.cancelled' AND case_id = ${silent.caseId}`);
      expect(JSON.parse(emitted!.payload)).toEqual({ cancellationReason: 'no-contact' });
      for (const other of [contacted, referred]) expect(await getCase(t, caseworker, other.caseId)).toMatchObject({ state: 'registered' });

      // Six months after the contact the second one ends too; the third, contacted later, still runs.
      t.clock.set('2027-08-10T16:00:00.000Z');
      await fireDueTimers(t.rt);
      await signIn();
      expect(await getCase(t, caseworker, contacted.caseId)).toMatchObject({ state: 'cancelled', data: { cancellationReason: 'no-contact' } });
      // Unemployment monitoring counts its spell from the registration (2026-11-02), not from the contact:
      // 282 China days to the exit at midnight starting 2027-08-11.
      const august = await t.request('GET', '/api/monitoring/unemployment?orgUnit=350200&from=2027-08&to=2027-08', { token: await t.login('evaluator') });
      expect(august.status, JSON.stringify(august.body)).toBe(200);
      expect(august.body.months).toEqual([expect.objectContaining({ month: '2027-08', inflow: 0, outflow: 1, outflowByReason: { 'no-contact': 1 }, averageDurationDays: 282 })]);
      expect(await getCase(t, caseworker, referred.caseId)).toMatchObject({ state: 'registered' });
      t.clock.set('2027-09-01T16:00:00.000Z');
      await fireDueTimers(t.rt);
      await signIn();
      expect(await getCase(t, caseworker, referred.caseId)).toMatchObject({ state: 'cancelled', data: { cancellationReason: 'no-contact' } });
    });
  });

  describe('late hire and termination registrations (art. 62: 30 and 15 days)', () => {
    beforeAll(async () => {
      // Wednesday 1 December 2027.
      t.clock.set('2027-12-01T02:00:00.000Z');
      await signIn();
    });

    it('takes a hire registered within 30 days as it is, and refuses to mark it late', async () => {
      const personId = await newPerson('登记甲');
      const caseId = (await open(t, caseworker, 'employment-registration', personId)).id;
      expect(await violated(caseId, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2027-11-01', lateReport: true, lateReportReason: '补办' })).toEqual(['hire-late-report-only-when-late']);
      // 30 days after the hire is still on time.
      expect((await act(t, caseworker, caseId, 'register', { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2027-11-01' })).state).toBe('employed');
    });

    it('refuses a hire registered after 30 days unless marked late with a reason, which its record then shows', async () => {
      const personId = await newPerson('登记乙');
      const caseId = (await open(t, caseworker, 'employment-registration', personId)).id;
      const hire = { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2027-10-31' };
      expect(await violated(caseId, 'register', hire)).toEqual(['hire-late-report-explained']);
      expect(await violated(caseId, 'register', { ...hire, lateReport: true })).toEqual(['hire-late-report-explained']);
      expect((await act(t, caseworker, caseId, 'register', { ...hire, lateReport: true, lateReportReason: '用人单位逾期报送' })).state).toBe('employed');
      expect((await caseHistory(t, caseworker, caseId)).at(-1)).toMatchObject({ event: 'register', data: { hireDate: '2027-10-31', lateReport: true, lateReportReason: '用人单位逾期报送' } });
    });

    it('refuses a termination registered after 15 days unless marked late with a reason; within 15 days it is on time', async () => {
      const late = (await employed('终止甲', '2027-11-10')).caseId;
      const ended = { terminationDate: '2027-11-15', terminationReason: 'resigned', involuntary: false };
      expect(await violated(late, 'terminate', ended)).toEqual(['termination-late-report-explained']);
      expect((await act(t, caseworker, late, 'terminate', { ...ended, lateReport: true, lateReportReason: '单位未及时告知' })).state).toBe('terminated');
      expect((await caseHistory(t, caseworker, late)).at(-1)).toMatchObject({ event: 'terminate', data: { lateReport: true, lateReportReason: '单位未及时告知' } });

      const onTime = (await employed('终止乙', '2027-11-10')).caseId;
      const inTime = { terminationDate: '2027-11-16', terminationReason: 'resigned', involuntary: false };
      expect(await violated(onTime, 'terminate', { ...inTime, lateReport: true, lateReportReason: '补办' })).toEqual(['termination-late-report-only-when-late']);
      expect((await act(t, caseworker, onTime, 'terminate', inTime)).state).toBe('terminated');
    });
  });

  describe('involuntary separation follows from the reason', () => {
    async function prompts(caseId: string): Promise<string[]> {
      const rows = await queryRows<{ payload: string }>(t.rt.db, sql`SELECT payload::text AS payload FROM outbox WHERE event = 'employment.terminated' AND case_id = ${caseId}`);
      return rows.map((row) => JSON.parse(row.payload).involuntary);
    }

    it('refuses an involuntary resignation and a voluntary dismissal, opening nothing', async () => {
      const caseId = (await employed('离职甲', '2027-11-20')).caseId;
      expect(await violated(caseId, 'terminate', { terminationDate: '2027-11-30', terminationReason: 'resigned', involuntary: true })).toEqual(['involuntary-follows-reason']);
      expect(await violated(caseId, 'terminate', { terminationDate: '2027-11-30', terminationReason: 'dismissed', involuntary: false })).toEqual(['involuntary-follows-reason']);
      expect(await violated(caseId, 'terminate', { terminationDate: '2027-11-30', terminationReason: 'contract-expired-employee-declined', involuntary: true })).toEqual(['involuntary-follows-reason']);
      expect(await prompts(caseId)).toEqual([]);
    });

    it('emits an involuntary termination for a contract the employer did not renew, prompting a registration; a voluntary one for a declined renewal', async () => {
      const { personId: expiredPerson, caseId: expired } = await employed('离职乙', '2027-11-20');
      await act(t, caseworker, expired, 'terminate', { terminationDate: '2027-11-30', terminationReason: 'contract-expired', involuntary: true });
      expect(await prompts(expired)).toEqual([true]);
      const opened = (await t.request('GET', `/api/cases?subjectId=${expiredPerson}`, { token: caseworker })).body.items.map((c: { processId: string }) => c.processId);
      expect(opened).toContain(PROCESS);

      const { personId: declinedPerson, caseId: declined } = await employed('离职丙', '2027-11-20');
      await act(t, caseworker, declined, 'terminate', { terminationDate: '2027-11-30', terminationReason: 'contract-expired-employee-declined', involuntary: false });
      expect(await prompts(declined)).toEqual([false]);
      const none = (await t.request('GET', `/api/cases?subjectId=${declinedPerson}`, { token: caseworker })).body.items.map((c: { processId: string }) => c.processId);
      expect(none).not.toContain(PROCESS);
    });
  });
});
