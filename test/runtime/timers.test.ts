import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, vacancyPostingForm } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { calendar } from '../support/calendar.ts';

type Fired = Awaited<ReturnType<typeof fireDueTimers>>;

interface TimerRow {
  kind: string;
  state: string;
  event: string | null;
  data: Record<string, unknown>;
  fireAt: string;
  firedAt: string | null;
  cancelledAt: string | null;
  outcome: Record<string, unknown> | null;
}

/** Midnight in China at the start of a `YYYY-MM-DD` date, as an ISO instant. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/** A timestamptz column as an ISO string, the same on both drivers. */
const isoOf = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A vacancy posting form with no requirements, valid from one date to another. */
function vacancyPosting(creditCode: string, validFrom: string, validUntil: string) {
  const { requirements: _, ...form } = vacancyPostingForm(creditCode, { duties: '负责货物出入库登记、盘点与库区安全巡查。', validFrom, validUntil });
  return form;
}

// One runtime per backend; the tests share its clock and move it forward only, each from a
// start of its own later than where the previous one left it. fireDueTimers fires every due
// timer in the database, so each test looks only at what it did to its own cases.
describe.each(backends)('timers: SLA escalation, expiry, notice periods and monthly payments (%s)', (backend) => {
  let t: TestRuntime;
  let nextSequence = 1;
  let expiredVacancy = '';

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
  });
  afterAll(() => t.close());

  /** Sessions last 12 hours: sign in again after moving the clock. */
  const tokens = async () => ({ caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer'), supervisor: await t.login('supervisor') });

  /** A new (male) person; each call gets a sequence number of its own. */
  async function newPerson(token: string, name: string): Promise<string> {
    const sequence = String(nextSequence++ * 2 + 1).padStart(3, '0');
    return registerPerson(t, token, citizenId('350203', '19850612', sequence), name);
  }

  /** A person with an approved unemployment registration (what benefit and difficulty cases need). */
  async function registeredUnemployed(name: string): Promise<string> {
    const { caseworker, reviewer } = await tokens();
    const personId = await newPerson(caseworker, name);
    const caseId = (await open(t, caseworker, 'unemployment-registration', personId)).id;
    await act(t, caseworker, caseId, 'submit', registrationForm());
    expect((await act(t, reviewer, caseId, 'approve', { opinion: '同意' })).state).toBe('registered');
    return personId;
  }

  async function timersOf(caseId: string): Promise<TimerRow[]> {
    const rows = await queryRows<Omit<TimerRow, 'data' | 'outcome'> & { data: string; outcome: string | null }>(
      t.rt.db,
      sql`SELECT kind, state, event, data::text AS data, ${isoOf('fire_at')} AS "fireAt", ${isoOf('fired_at')} AS "firedAt",
                 ${isoOf('cancelled_at')} AS "cancelledAt", outcome::text AS outcome
          FROM timers WHERE case_id = ${caseId} ORDER BY fire_at, kind`,
    );
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data), outcome: row.outcome === null ? null : JSON.parse(row.outcome) }));
  }

  async function ledgerOf(token: string, caseId: string) {
    const response = await t.request('GET', `/api/ledger/items?caseId=${caseId}`, { token });
    expect(response.status).toBe(200);
    // The benefit months only: the fund's medical insurance for each month is tested in unemployment-benefit-rules.
    return (response.body.items as { period: string; fund: string; subsidyType: string; amountFen: number }[]).filter((item) => item.subsidyType !== 'medical-insurance');
  }

  const firedFor = (fired: Fired, caseIds: string | readonly string[]) => fired.filter((f) => (typeof caseIds === 'string' ? [caseIds] : caseIds).includes(f.caseId));

  describe('SLA escalation', () => {
    it('escalates an overdue draft to the supervisor once, with an audit entry; a task done in time is not escalated', async () => {
      // Monday 2026-11-02, 09:00 in Beijing: a one-working-day draft is due at the end of Tuesday.
      t.clock.set('2026-11-02T01:00:00.000Z');
      let { caseworker, reviewer, supervisor } = await tokens();
      const late = (await open(t, caseworker, 'unemployment-registration', await newPerson(caseworker, '逾期甲'))).id;
      const onTime = (await open(t, caseworker, 'unemployment-registration', await newPerson(caseworker, '按时乙'))).id;
      await act(t, caseworker, onTime, 'submit', registrationForm());
      await act(t, reviewer, onTime, 'approve', { opinion: '同意' });

      expect(await timersOf(late)).toEqual([
        { kind: 'sla', state: 'draft', event: null, data: {}, fireAt: '2026-11-03T15:59:59.999Z', firedAt: null, cancelledAt: null, outcome: null },
      ]);
      // Both SLA timers of the case done in time were cancelled when it left each state; registered, it waits on six months without contact.
      const doneTimers = await timersOf(onTime);
      expect(doneTimers.map((timer) => [timer.kind, timer.state])).toEqual([
        ['sla', 'draft'],
        ['sla', 'submitted'],
        ['event', 'registered'],
      ]);
      for (const timer of doneTimers.slice(0, 2)) expect(timer).toMatchObject({ cancelledAt: '2026-11-02T01:00:00.000Z', firedAt: null });
      expect(doneTimers[2]).toMatchObject({ event: 'noContact', fireAt: '2027-05-02T16:00:00.000Z', cancelledAt: null, firedAt: null });

      // Before the deadline, the supervisor does not see the caseworker's draft.
      const before = await t.request('GET', '/api/tasks?pageSize=100', { token: supervisor });
      expect(before.body.items.map((task: { caseId: string }) => task.caseId)).not.toContain(late);
      expect(firedFor(await fireDueTimers(t.rt), [late, onTime])).toEqual([]);

      t.clock.set('2026-11-04T01:00:00.000Z');
      ({ caseworker, reviewer, supervisor } = await tokens());
      const fired = firedFor(await fireDueTimers(t.rt), [late, onTime]);
      expect(fired).toEqual([{ caseId: late, kind: 'sla', state: 'draft', outcome: { escalated: expect.any(String), to: 'supervisor' } }]);
      const taskId = fired[0]!.outcome['escalated'];

      const inbox = await t.request('GET', '/api/tasks?pageSize=100', { token: supervisor });
      const escalated = inbox.body.items.filter((task: { caseId: string }) => task.caseId === late);
      expect(escalated).toEqual([expect.objectContaining({ id: taskId, state: 'draft', role: 'caseworker', overdue: true, escalatedTo: 'supervisor' })]);
      // The caseworker keeps the task; the ordinary reviewer post is not given it.
      const caseworkerInbox = await t.request('GET', '/api/tasks?pageSize=100', { token: caseworker });
      expect(caseworkerInbox.body.items.find((task: { caseId: string }) => task.caseId === late)).toMatchObject({ id: taskId, escalatedTo: 'supervisor' });
      const reviewerInbox = await t.request('GET', '/api/tasks?pageSize=100', { token: reviewer });
      expect(reviewerInbox.body.items.map((task: { caseId: string }) => task.caseId)).not.toContain(late);

      const audit = await queryRows<{ target: string; details: string; at: string }>(
        t.rt.db,
        sql`SELECT target, details::text AS details, ${isoOf('at')} AS at FROM audit_log WHERE action = 'task.escalated' AND details->>'caseId' = ${late}`,
      );
      expect(audit.map((row) => ({ ...row, details: JSON.parse(row.details) }))).toEqual([
        { target: taskId, details: expect.objectContaining({ caseId: late, state: 'draft', to: 'supervisor' }), at: '2026-11-04T01:00:00.000Z' },
      ]);
      expect((await timersOf(late))[0]).toMatchObject({ firedAt: '2026-11-04T01:00:00.000Z', cancelledAt: null, outcome: { escalated: taskId, to: 'supervisor' } });
      // The case itself did not move.
      expect(await getCase(t, caseworker, late)).toMatchObject({ state: 'draft', version: 1 });

      // Firing again does nothing new: no second escalation, no second audit row.
      expect(firedFor(await fireDueTimers(t.rt), [late, onTime])).toEqual([]);
      const [again] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'task.escalated' AND details->>'caseId' = ${late}`);
      expect(Number(again!.n)).toBe(1);
      for (const timer of await timersOf(onTime)) expect(timer).toMatchObject({ firedAt: null, outcome: null });
    });

    it('never fires a timer twice when two workers run at once', async () => {
      // Wednesday 2026-11-04: six drafts due at the end of Thursday.
      t.clock.set('2026-11-04T01:00:00.000Z');
      const { caseworker } = await tokens();
      const caseIds: string[] = [];
      for (let i = 0; i < 6; i++) caseIds.push((await open(t, caseworker, 'unemployment-registration', await newPerson(caseworker, `并发${i}`))).id);

      t.clock.set('2026-11-06T01:00:00.000Z');
      let fired: Fired;
      if (backend === 'postgres') {
        // A second connection pool is a second runtime process on the same database.
        const second = await t.secondProcess();
        try {
          const [first, other] = await Promise.all([fireDueTimers(t.rt), fireDueTimers(second.rt)]);
          fired = [...first, ...other];
        } finally {
          await second.close();
        }
      } else {
        const [first, other] = await Promise.all([fireDueTimers(t.rt), fireDueTimers(t.rt)]);
        fired = [...first, ...other];
      }

      // Each case has one draft SLA timer: one firing per case, each escalating a different task.
      const ours = firedFor(fired, caseIds);
      expect(ours.map((f) => f.caseId).sort()).toEqual([...caseIds].sort());
      for (const f of ours) expect(f).toMatchObject({ kind: 'sla', state: 'draft', outcome: { escalated: expect.any(String), to: 'supervisor' } });
      const taskIds = ours.map((f) => f.outcome['escalated'] as string);
      expect(new Set(taskIds).size).toBe(6);
      expect(firedFor(await fireDueTimers(t.rt), caseIds)).toEqual([]);

      for (const caseId of caseIds) {
        const timers = await timersOf(caseId);
        expect(timers).toHaveLength(1);
        expect(timers[0]).toMatchObject({ kind: 'sla', firedAt: '2026-11-06T01:00:00.000Z', cancelledAt: null });
      }
      const tasks = await queryRows<{ id: string; caseId: string; escalatedTo: string | null; escalatedAt: string | null }>(
        t.rt.db,
        sql`SELECT id, case_id AS "caseId", escalated_to AS "escalatedTo", ${isoOf('escalated_at')} AS "escalatedAt" FROM tasks WHERE state = 'draft'`,
      );
      const ourTasks = tasks.filter((task) => caseIds.includes(task.caseId));
      expect(ourTasks.map((task) => task.id).sort()).toEqual([...taskIds].sort());
      for (const task of ourTasks) expect(task).toMatchObject({ escalatedTo: 'supervisor', escalatedAt: '2026-11-06T01:00:00.000Z' });
      const audit = await queryRows<{ target: string; caseId: string }>(t.rt.db, sql`SELECT target, details->>'caseId' AS "caseId" FROM audit_log WHERE action = 'task.escalated'`);
      const ourAudit = audit.filter((row) => caseIds.includes(row.caseId));
      expect(ourAudit.map((row) => row.target).sort()).toEqual([...taskIds].sort());
    });
  });

  describe('event timers', () => {
    it('expires a published vacancy at the China midnight after validUntil, not before', async () => {
      // Friday 2026-11-06, 09:00 in Beijing.
      t.clock.set('2026-11-06T01:00:00.000Z');
      let { caseworker, reviewer } = await tokens();
      const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: '91350100M000100Y43', name: '福州示例科技有限公司' } });
      expect(employer.status, JSON.stringify(employer.body)).toBe(201);
      const caseId = (await open(t, caseworker, 'vacancy-posting', employer.body.id)).id;
      await act(t, caseworker, caseId, 'submit', vacancyPosting('91350100M000100Y43', '2026-11-06', '2026-11-20'));
      await act(t, reviewer, caseId, 'startReview', {});
      expect((await act(t, reviewer, caseId, 'publish', { opinion: '信息真实完整' })).state).toBe('published');

      const pending = (await timersOf(caseId)).filter((timer) => timer.firedAt === null && timer.cancelledAt === null);
      expect(pending).toEqual([{ kind: 'event', state: 'published', event: 'expire', data: {}, fireAt: '2026-11-20T16:00:00.000Z', firedAt: null, cancelledAt: null, outcome: null }]);

      // 23:59:59.999 on 2026-11-20 in Beijing: the last day of validity is not over.
      t.clock.set('2026-11-20T15:59:59.999Z');
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      ({ caseworker, reviewer } = await tokens());
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'published', status: 'active' });

      t.clock.set('2026-11-20T16:00:00.000Z');
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([{ caseId, kind: 'event', state: 'published', outcome: { sent: 'expire' } }]);
      ({ caseworker } = await tokens());
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'expired', status: 'final', outcome: 'completed' });
      const history = await caseHistory(t, caseworker, caseId);
      expect(history.at(-1)).toMatchObject({ from: 'published', to: 'expired', event: 'expire', actor: { role: 'system' } });
      expect((await timersOf(caseId)).find((timer) => timer.state === 'published')).toMatchObject({ firedAt: '2026-11-20T16:00:00.000Z', outcome: { sent: 'expire' } });
      expiredVacancy = caseId;
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      expect(await caseHistory(t, caseworker, caseId)).toHaveLength(history.length);
    });

    it('records the fired expiry timer as fired only, not also as cancelled by the step it sent', async () => {
      // Every timer row is either pending, fired or cancelled: "cancelled timers are never fired".
      const [expiry] = (await timersOf(expiredVacancy)).filter((timer) => timer.state === 'published');
      expect(expiry).toMatchObject({ event: 'expire', firedAt: '2026-11-20T16:00:00.000Z', outcome: { sent: 'expire' } });
      expect(expiry!.cancelledAt).toBeNull();
    });

    it('ends the public notice after five working days by the Chinese calendar, skipping the weekend', async () => {
      // Friday 2026-11-27, 10:00 in Beijing: the notice period spans a weekend.
      const verifiedAt = '2026-11-27T02:00:00.000Z';
      t.clock.set(verifiedAt);
      const personId = await registeredUnemployed('公示丙');
      let { caseworker, reviewer } = await tokens();
      const caseId = (await open(t, caseworker, 'employment-difficulty', personId)).id;
      const verified = await act(t, caseworker, caseId, 'verify', { category: 'disability', evidence: '残疾人证', retirementCategory: 'male-60', holdsDisabilityCertificate: true });
      expect(verified.state).toBe('publicized');

      const noticeDays = t.rt.registry.parameters('employment-difficulty', chinaDate(verifiedAt))['noticeWorkingDays'];
      expect(noticeDays).toBe(5);
      const endOfNotice = addWorkingDays(calendar, verifiedAt, 5).at;
      // Mon 11-30 .. Fri 12-04: the weekend of 11-28/29 does not count.
      expect(endOfNotice).toBe('2026-12-04T15:59:59.999Z');
      const timers = await timersOf(caseId);
      expect(timers.filter((timer) => timer.state === 'applied')).toEqual([expect.objectContaining({ kind: 'sla', cancelledAt: verifiedAt, firedAt: null })]);
      expect(timers.filter((timer) => timer.state === 'publicized')).toEqual([
        { kind: 'event', state: 'publicized', event: 'endNotice', data: {}, fireAt: endOfNotice, firedAt: null, cancelledAt: null, outcome: null },
      ]);

      t.clock.set(new Date(Date.parse(endOfNotice) - 1).toISOString());
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      ({ caseworker } = await tokens());
      expect((await getCase(t, caseworker, caseId)).state).toBe('publicized');

      t.clock.set(endOfNotice);
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([{ caseId, kind: 'event', state: 'publicized', outcome: { sent: 'endNotice' } }]);
      ({ caseworker, reviewer } = await tokens());
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'reviewed', status: 'active' });
      expect((await caseHistory(t, caseworker, caseId)).at(-1)).toMatchObject({ from: 'publicized', to: 'reviewed', event: 'endNotice', actor: { role: 'system' } });
      const inbox = await t.request('GET', '/api/tasks?pageSize=100', { token: reviewer });
      expect(inbox.body.items.find((task: { caseId: string }) => task.caseId === caseId)).toMatchObject({ state: 'reviewed', role: 'reviewer', escalatedTo: null });
    });

    it('never fires a cancelled timer, and a timer whose case left its state does nothing', async () => {
      // Monday 2026-12-07: a posting valid to 12-10 is withdrawn the day it is published.
      t.clock.set('2026-12-07T02:00:00.000Z');
      let { caseworker, reviewer } = await tokens();
      const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: '91350203MA2Y3K1B9C', name: '厦门示例物流有限公司' } });
      expect(employer.status, JSON.stringify(employer.body)).toBe(201);
      const caseId = (await open(t, caseworker, 'vacancy-posting', employer.body.id)).id;
      await act(t, caseworker, caseId, 'submit', vacancyPosting('91350203MA2Y3K1B9C', '2026-12-07', '2026-12-10'));
      await act(t, reviewer, caseId, 'startReview', {});
      await act(t, reviewer, caseId, 'publish', { opinion: '同意发布' });
      const withdrawn = await act(t, caseworker, caseId, 'withdraw', { withdrawalReason: '岗位取消' });
      expect(withdrawn).toMatchObject({ state: 'withdrawn', status: 'final' });
      const expiry = (await timersOf(caseId)).find((timer) => timer.state === 'published')!;
      expect(expiry).toMatchObject({ event: 'expire', fireAt: '2026-12-10T16:00:00.000Z', cancelledAt: '2026-12-07T02:00:00.000Z', firedAt: null });

      t.clock.set('2026-12-11T02:00:00.000Z');
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      for (const timer of await timersOf(caseId)) expect(timer).toMatchObject({ firedAt: null, outcome: null });

      // A timer left pending for a state the case has left (as if its cancellation were lost)
      // is claimed and recorded, but sends nothing.
      await t.rt.db.execute(sql`UPDATE timers SET cancelled_at = NULL WHERE case_id = ${caseId} AND state = 'published'`);
      ({ caseworker } = await tokens());
      const historyBefore = await caseHistory(t, caseworker, caseId);
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([{ caseId, kind: 'event', state: 'published', outcome: { skipped: 'case left the state' } }]);
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'withdrawn', version: withdrawn.version });
      expect(await caseHistory(t, caseworker, caseId)).toEqual(historyBefore);
      expect((await timersOf(caseId)).find((timer) => timer.state === 'published')).toMatchObject({ firedAt: '2026-12-11T02:00:00.000Z', outcome: { skipped: 'case left the state' } });
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
    });

    it('pays unemployment benefit monthly, skips suspended months, and ends exhausted after the approved months', async () => {
      // Monday 2026-12-14: approval pays December at once.
      t.clock.set('2026-12-14T02:00:00.000Z');
      const personId = await registeredUnemployed('领金丁');
      let { caseworker, reviewer } = await tokens();
      const caseId = (await open(t, caseworker, 'unemployment-benefit', personId)).id;
      await act(t, caseworker, caseId, 'check', {
        contributionMonths: 30,
        separationReason: 'dismissed-by-employer',
        separationDate: '2026-11-10',
        registrationDate: '2026-12-14',
        carriedOverMonths: 0,
        bankAccount: '6222020200112233445',
      });
      const monthlyAmountFen = t.rt.registry.parameters('unemployment-benefit', '2026-12-14')['monthlyAmountFen'] as number;
      expect((await act(t, reviewer, caseId, 'approve', { months: 12, monthlyAmountFen, medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '中国建设银行厦门市分行' })).state).toBe('receiving');
      expect(await ledgerOf(caseworker, caseId)).toEqual([]);

      const pay = { caseId, kind: 'event', state: 'receiving', outcome: { sent: 'pay' } };
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([pay]);
      const december = await ledgerOf(caseworker, caseId);
      expect(december).toEqual([expect.objectContaining({ period: '2026-12', fund: 'unemployment-insurance', subsidyType: 'unemployment-benefit', amountFen: monthlyAmountFen, personId })]);
      const pending = async () => (await timersOf(caseId)).filter((timer) => timer.firedAt === null && timer.cancelledAt === null);
      expect(await pending()).toEqual([expect.objectContaining({ event: 'pay', data: { period: '2027-01' }, fireAt: chinaMidnight('2027-01-01') })]);
      // Firing again the same day pays nothing more.
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      expect(await ledgerOf(caseworker, caseId)).toHaveLength(1);

      // Midnight of 1 January in China pays January, once.
      t.clock.set(chinaMidnight('2027-01-01'));
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([pay]);
      t.clock.set('2027-01-01T08:00:00.000Z');
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      ({ caseworker } = await tokens());
      expect((await ledgerOf(caseworker, caseId)).map((item) => item.period)).toEqual(['2026-12', '2027-01']);

      // Suspended in January: the February timer is cancelled and nothing is paid while suspended.
      t.clock.set('2027-01-11T02:00:00.000Z');
      ({ caseworker } = await tokens());
      expect((await act(t, caseworker, caseId, 'suspend', { suspensionReason: 'other', suspensionNote: '外出未按期报到' })).state).toBe('suspended');
      expect(await pending()).toEqual([]);
      const february = (await timersOf(caseId)).find((timer) => timer.data['period'] === '2027-02');
      expect(february).toMatchObject({ fireAt: chinaMidnight('2027-02-01'), cancelledAt: '2027-01-11T02:00:00.000Z', firedAt: null });
      for (const month of ['2027-02-01', '2027-03-01']) {
        t.clock.set(chinaMidnight(month));
        expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
      }
      ({ caseworker } = await tokens());
      expect(await ledgerOf(caseworker, caseId)).toHaveLength(2);

      // Resumed in March: March is paid at once; February, spent suspended, never is.
      t.clock.set('2027-03-15T02:00:00.000Z');
      ({ caseworker } = await tokens());
      expect((await act(t, caseworker, caseId, 'resume', { resumptionNote: '已按期报到' })).state).toBe('receiving');
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([pay]);
      expect((await ledgerOf(caseworker, caseId)).map((item) => item.period)).toEqual(['2026-12', '2027-01', '2027-03']);

      // April to December: one payment on the first of each month, twelve in all.
      for (let month = 4; month <= 12; month++) {
        t.clock.set(chinaMidnight(`2027-${String(month).padStart(2, '0')}-01`));
        expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([pay]);
      }
      ({ caseworker } = await tokens());
      const paid = await ledgerOf(caseworker, caseId);
      expect(paid.map((item) => item.period)).toEqual(['2026-12', '2027-01', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12']);
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'receiving', data: { paidMonths: 12, months: 12 } });

      // The thirteenth firing is refused by the approved months and sends `exhaust` instead.
      t.clock.set(chinaMidnight('2028-01-01'));
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([{ caseId, kind: 'event', state: 'receiving', outcome: { sent: 'exhaust', refused: { event: 'pay', code: 'RULE_VIOLATION' } } }]);
      ({ caseworker } = await tokens());
      expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'exhausted', status: 'final' });
      expect((await caseHistory(t, caseworker, caseId)).at(-1)).toMatchObject({ from: 'receiving', to: 'exhausted', event: 'exhaust', actor: { role: 'system' } });
      expect(await ledgerOf(caseworker, caseId)).toHaveLength(12);
      const [ended] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM outbox WHERE event = 'benefit.ended' AND case_id = ${caseId}`);
      expect(Number(ended!.n)).toBe(1);
      expect(await pending()).toEqual([]);
      expect(firedFor(await fireDueTimers(t.rt), caseId)).toEqual([]);
    });
  });
});
