import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../engine/index.ts';
import { calendarAt, currentCalendarVersion } from '../../runtime/calendar/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { schedule2027 } from '../support/calendar.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

/** 10:00 in Beijing on a China date. */
const beijing = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
/** The end of a China date, as deadlines fall. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

const ON_TIME = 'unemployment-registration-on-time-rate';
const JANUARY = 'orgUnit=350200&from=2027-01-01&to=2027-01-31';

// The tests share one runtime per backend and move its clock forward only: a registration
// submitted over New Year, one submitted before the Spring Festival, the 2027 schedule entered
// late (in February), then a province's own holiday.
describe.each(backends)('the working-day calendar kept as data (%s)', (backend) => {
  let t: TestRuntime;
  const cases: Record<'overNewYear' | 'decidedLate' | 'beforeSpringFestival', string> = { overNewYear: '', decidedLate: '', beforeSpringFestival: '' };

  // Sessions last hours and the clock moves by days: each request signs in afresh.
  const caseworker = () => t.login('caseworker');
  const reviewer = () => t.login('reviewer');
  const task = async (caseId: string) => (await t.request('GET', '/api/tasks?pageSize=100', { token: await reviewer() })).body.items.find((i: { caseId: string }) => i.caseId === caseId);
  const history = async (caseId: string) => (await t.request('GET', `/api/cases/${caseId}/history`, { token: await reviewer() })).body;
  const onTimeRate = async () => (await t.request('GET', `/api/indicators/${ON_TIME}?${JANUARY}`, { token: await t.login('evaluator') })).body;

  async function submittedRegistration(id: string, name: string): Promise<string> {
    const token = await caseworker();
    const person = await registerPerson(t, token, id, name);
    const opened = await open(t, token, 'unemployment-registration', person);
    await act(t, token, opened.id, 'submit', registrationForm());
    return opened.id;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock(beijing('2026-12-30')) });
  });
  afterAll(() => t.close());

  it('counts over New Year 2027 Monday to Friday and marks the deadline provisional, while 2027 has no schedule', async () => {
    cases.overNewYear = await submittedRegistration(citizenId('350203', '19880808', '013'), '林小月');
    cases.decidedLate = await submittedRegistration(citizenId('350203', '19890909', '025'), '陈晓东');
    // Three working days after Wednesday 30 December: Thursday 31, Friday 1 January (no schedule says it is a holiday), Monday 4.
    expect(await task(cases.overNewYear)).toMatchObject({ state: 'submitted', dueAt: endOf('2027-01-04'), dueProvisional: true });
    const health = await t.request('GET', '/api/health');
    expect(health.body.calendar).toEqual({ version: 1, lastScheduledYear: 2026, missingYears: [2027] });
  });

  it('records a step judged against a provisional deadline as such', async () => {
    t.clock.set(beijing('2027-01-05'));
    await act(t, await reviewer(), cases.decidedLate, 'approve', { opinion: '同意' });
    const approval = (await history(cases.decidedLate)).items.at(-1);
    expect(approval).toMatchObject({ event: 'approve', dueAt: endOf('2027-01-04'), onTime: false, dueProvisional: true, calendarVersion: 1, recalculated: null });
    // The only step of January: late by the Monday-to-Friday count, and saying that count was provisional.
    expect(await onTimeRate()).toMatchObject({ numerator: 0, denominator: 1, calendar: { provisionalRecords: 1, recalculatedRecords: 0 } });
  });

  it('refuses the schedule from anyone but a ministry administrator, and a wrong one with every problem, writing nothing', async () => {
    const before = await tableCounts(t.rt);
    const version = await currentCalendarVersion(t.rt.db);
    const body = { notice: schedule2027.notice, days: schedule2027.days };
    for (const username of ['admin', 'provincial-admin', 'configurator']) {
      const refused = await t.request('PUT', '/api/calendar/years/2027', { token: await t.login(username), body });
      expect([username, refused.status, refused.body.code]).toEqual([username, 403, 'ROLE_NOT_PERMITTED']);
    }
    const ministry = await t.login('ministry-admin');
    const wrong = await t.request('PUT', '/api/calendar/years/2027', {
      token: ministry,
      body: {
        notice: schedule2027.notice,
        days: [
          { date: '2027-02-10', kind: 'workday', name: '春节' },
          { date: '2027-02-30', kind: 'holiday', name: '春节' },
          { date: '2028-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
          { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
        ],
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CALENDAR_INVALID');
    expect(wrong.body.details.problems.map((p: { element: string }) => p.element)).toEqual(['days[0]', 'days[1]', 'days[2]', 'days[4]']);
    expect(wrong.body.details.problems[0].reason['zh-CN']).toContain('不是周末');
    const malformed = await t.request('POST', '/api/calendar/import', { token: ministry, body: { fileName: 'x.csv', content: 'date,kind\n2027-01-01,holiday' } });
    expect([malformed.status, malformed.body.code]).toEqual([422, 'CALENDAR_INVALID']);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(await currentCalendarVersion(t.rt.db)).toBe(version);
  });

  it('escalates the deadline counted through the Spring Festival as if it were a working week', async () => {
    t.clock.set(beijing('2027-02-03'));
    cases.beforeSpringFestival = await submittedRegistration(citizenId('350203', '19900101', '037'), '王春华');
    expect(await task(cases.beforeSpringFestival)).toMatchObject({ dueAt: endOf('2027-02-08'), dueProvisional: true });
    t.clock.set(beijing('2027-02-09'));
    await fireDueTimers(t.rt);
    expect(await task(cases.beforeSpringFestival)).toMatchObject({ overdue: true, escalatedTo: 'supervisor' });
  });

  it('entering the 2027 schedule moves the open deadlines, each move in the case history, and judges the provisional record again', async () => {
    const ministry = await t.login('ministry-admin');
    const body = { notice: schedule2027.notice, days: schedule2027.days };
    const preview = await t.request('PUT', '/api/calendar/years/2027', { token: ministry, body: { ...body, dryRun: true } });
    expect(preview.body.changes[0]).toMatchObject({ year: 2027, version: null, changes: true, diff: { changedFrom: '2027-01-01' } });
    expect(preview.body.followUp).toBeNull();
    expect(await task(cases.beforeSpringFestival)).toMatchObject({ dueAt: endOf('2027-02-08') });

    const entered = await t.request('PUT', '/api/calendar/years/2027', { token: ministry, body });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.changes[0]).toMatchObject({ year: 2027, version: 2, changes: true });
    // Two records were judged against provisional deadlines: the approval of 5 January, and the submission of 3 February (due the 4th either way).
    expect(entered.body.followUp).toMatchObject({ calendarVersion: 2, moved: 2, recalculatedRecords: 2 });

    // Over New Year: 31 December, 4 and 5 January. Still past, so still escalated.
    expect(await task(cases.overNewYear)).toMatchObject({ dueAt: endOf('2027-01-05'), dueProvisional: false });
    // Before the Spring Festival: 4 February, then 15 and 16 February; the escalation on the wrong deadline is withdrawn.
    expect(await task(cases.beforeSpringFestival)).toMatchObject({ dueAt: endOf('2027-02-16'), dueProvisional: false, overdue: false, escalatedTo: null });
    expect((await history(cases.beforeSpringFestival)).deadlineMoves).toEqual([
      expect.objectContaining({ state: 'submitted', target: 'task', from: endOf('2027-02-08'), to: endOf('2027-02-16'), fromProvisional: true, toProvisional: false, calendarVersion: 2, escalationWithdrawn: true }),
    ]);
    const [sla] = await queryRows<{ n: number | string }>(t.rt.db, sql`SELECT count(*) AS n FROM timers WHERE case_id = ${cases.beforeSpringFestival} AND kind = 'sla' AND fired_at IS NULL AND cancelled_at IS NULL`);
    expect(Number(sla!.n)).toBe(1);

    // The approval on 5 January was late against the Monday-to-Friday count, and on time against the schedule.
    const approval = (await history(cases.decidedLate)).items.at(-1);
    expect(approval).toMatchObject({ dueAt: endOf('2027-01-04'), onTime: false, dueProvisional: false, recalculated: { dueAt: endOf('2027-01-05'), onTime: true, calendarVersion: 2 } });
    expect(await onTimeRate()).toMatchObject({ numerator: 1, denominator: 1, calendar: { provisionalRecords: 0, recalculatedRecords: 1 } });

    const health = await t.request('GET', '/api/health');
    expect(health.body.calendar).toEqual({ version: 2, lastScheduledYear: 2027, missingYears: [] });
    // Entering the same schedule again changes nothing and makes no version.
    const again = await t.request('PUT', '/api/calendar/years/2027', { token: ministry, body });
    expect(again.body).toMatchObject({ changes: [{ version: null, changes: false }], followUp: null });
  });

  it("lets a province add its own holiday, which moves only its cities' deadlines", async () => {
    const provincial = await t.login('provincial-admin');
    const holiday = { notice: { title: '福建省关于2027年地方节日放假的规定（测试）' }, days: [{ date: '2027-02-15', kind: 'holiday', name: '本省节日' }] };
    const refused = await t.request('PUT', '/api/calendar/provinces/440000/years/2027', { token: provincial, body: holiday });
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);
    const workday = await t.request('PUT', '/api/calendar/provinces/350000/years/2027', { token: provincial, body: { ...holiday, days: [{ date: '2027-02-20', kind: 'workday', name: '本省' }] } });
    expect([workday.status, workday.body.code]).toEqual([422, 'CALENDAR_INVALID']);

    const set = await t.request('PUT', '/api/calendar/provinces/350000/years/2027', { token: provincial, body: holiday });
    expect(set.body).toMatchObject({ changes: [{ scope: '350000', version: 3 }], followUp: { moved: 1 } });
    expect(await task(cases.beforeSpringFestival)).toMatchObject({ dueAt: endOf('2027-02-17') });
    // Another province counts 15 February as a working day.
    expect(isWorkingDay(await calendarAt(t.rt.db, t.rt, 3, '/000000/440000/440100/'), '2027-02-15')).toBe(true);
    expect(isWorkingDay(await calendarAt(t.rt.db, t.rt, 3, '/000000/350000/350200/'), '2027-02-15')).toBe(false);
  });

  it('replays the case with the calendar of its time: the same end and the same deadlines', async () => {
    t.clock.set(beijing('2027-02-17'));
    await act(t, await reviewer(), cases.beforeSpringFestival, 'approve', { opinion: '同意' });
    await act(t, await caseworker(), cases.beforeSpringFestival, 'cancel', { cancellationReason: 'business-started' });
    const approval = (await history(cases.beforeSpringFestival)).items.find((i: { event: string }) => i.event === 'approve');
    expect(approval).toMatchObject({ dueAt: endOf('2027-02-17'), onTime: true, calendarVersion: 3 });

    const configurator = await t.login('configurator');
    const replayed = await t.request('POST', '/api/processes/unemployment-registration/overlay/replay', { token: configurator, body: { limit: 100 } });
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    const ours = replayed.body.cases.find((c: { caseId: string }) => c.caseId === cases.beforeSpringFestival);
    expect(ours).toMatchObject({ result: 'same', finalState: 'cancelled', deadlinesDiffer: [] });
  });

  it('shows the calendar and one year, with who entered each version', async () => {
    const overview = await t.request('GET', '/api/calendar', { token: await caseworker() });
    expect(overview.body.national[0]).toMatchObject({ year: 2027, version: 2, holidays: 19, workdays: 3, source: 'form', enteredBy: '部级系统管理员' });
    expect(overview.body.national.at(-1)).toMatchObject({ year: 2004, source: 'chinese-days 1.5.7', enteredBy: null });
    expect(overview.body.province).toMatchObject({ id: '350000', years: [{ year: 2027, holidays: 1 }] });
    const year = await t.request('GET', '/api/calendar/years/2027', { token: await caseworker() });
    expect(year.body.national.days).toHaveLength(22);
    expect(year.body.history.map((h: { scope: string; version: number }) => `${h.scope}@${h.version}`)).toEqual(['000000@2', '350000@3']);
    expect((await t.request('GET', '/api/calendar/years/2031', { token: await caseworker() })).status).toBe(404);
  });

  it('counts the make-up Saturday after the Spring Festival and skips the National Day week, as the entered schedule says', async () => {
    t.clock.set(beijing('2027-02-18'));
    const afterSpringFestival = await submittedRegistration(citizenId('350203', '19910303', '049'), '赵一鸣');
    // Friday 19, the make-up Saturday 20, Monday 22 (Monday to Friday would give Tuesday 23).
    expect(await task(afterSpringFestival)).toMatchObject({ dueAt: endOf('2027-02-22'), dueProvisional: false });
    t.clock.set(beijing('2027-09-30'));
    const beforeNationalDay = await submittedRegistration(citizenId('350203', '19920404', '051'), '孙国庆');
    // 1-7 October off: Friday 8, the make-up Saturday 9, Monday 11.
    expect(await task(beforeNationalDay)).toMatchObject({ dueAt: endOf('2027-10-11'), dueProvisional: false });
  });

  it('imports years from a file, every year or none, after a dry run that writes nothing', async () => {
    const ministry = await t.login('ministry-admin');
    const csv = ['year,notice_number,notice_date,date,kind,name', '2028,国办发明电〔2027〕99号（测试）,2027-11-08,2028-01-01,holiday,元旦', '2028,,,2028-01-02,holiday,元旦', '2028,,,2028-01-29,workday,春节'].join('\n');
    const before = await tableCounts(t.rt);
    const preview = await t.request('POST', '/api/calendar/import', { token: ministry, body: { fileName: '2028.csv', content: csv, dryRun: true } });
    expect(preview.body.changes).toEqual([expect.objectContaining({ year: 2028, version: null, changes: true, diff: expect.objectContaining({ changedFrom: '2028-01-01' }) })]);
    expect(preview.body.changes[0].diff.added).toHaveLength(3);
    expect(await tableCounts(t.rt)).toEqual(before);

    // One good year and one with a make-up day on a Monday: neither is imported.
    const json = JSON.stringify({ schedules: [{ year: 2029, days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }] }, { year: 2030, days: [{ date: '2030-01-07', kind: 'workday', name: '春节' }] }] });
    const refused = await t.request('POST', '/api/calendar/import', { token: ministry, body: { fileName: 'two.json', content: json } });
    expect([refused.status, refused.body.code, refused.body.details.year]).toEqual([422, 'CALENDAR_INVALID', 2030]);
    expect(await tableCounts(t.rt)).toEqual(before);

    const imported = await t.request('POST', '/api/calendar/import', { token: ministry, body: { fileName: '2028.csv', content: csv } });
    expect(imported.body.changes).toEqual([expect.objectContaining({ year: 2028, version: 4 })]);
    const year = await t.request('GET', '/api/calendar/years/2028', { token: ministry });
    expect(year.body.national).toMatchObject({ notice: { number: '国办发明电〔2027〕99号（测试）', date: '2027-11-08', title: '国务院办公厅关于2028年部分节假日安排的通知' }, source: 'import:2028.csv', holidays: 2, workdays: 1 });
  });
});

