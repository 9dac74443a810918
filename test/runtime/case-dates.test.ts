import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

const PROCESS = 'unemployment-registration';

/**
 * Issue 16, defect 1: a 失业时间 of 2030-01-01 was accepted and approved. A date of unemployment
 * later than the day of the step, or before the person turned 16 (《劳动法》第十五条), is refused by
 * the definition (the form's `x-not-after-today` bound, judged by the step's day, and its rules),
 * with nothing written.
 */
describe.each(backends)('dates a case form refuses (%s)', (backend) => {
  let t: TestRuntime;
  let clock: TestClock;
  let caseworker = '';
  let reviewer = '';
  let sequence = 1;

  /** A new case in intake for a man born on 11 March 1986. */
  async function intake(name: string): Promise<string> {
    const next = String(sequence++ * 2 + 1).padStart(3, '0');
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19860311', next), name, { phone: '13912345678' });
    return (await open(t, caseworker, PROCESS, personId)).id;
  }

  /** Sends a step that must be refused with `code`, changing no table and leaving the case where it was. */
  async function refused(token: string, caseId: string, type: string, data: Record<string, unknown>, code: string) {
    const before = await getCase(t, token, caseId);
    const counts = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, { token, body: { type, data, version: before.version } });
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.code).toBe(code);
    expect(await tableCounts(t.rt)).toEqual(counts);
    const after = await getCase(t, token, caseId);
    expect({ state: after.state, version: after.version, data: after.data }).toEqual({ state: before.state, version: before.version, data: before.data });
    return response.body.details;
  }

  /** Moves the platform's clock and signs in again (a session does not outlive months). */
  async function on(iso: string) {
    clock.set(iso);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  }

  beforeAll(async () => {
    // Monday 2 November 2026, 09:00 in China.
    clock = testClock('2026-11-02T01:00:00.000Z');
    t = await createTestRuntime(backend, { clock });
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  });
  afterAll(() => t.close());

  it('refuses a date of unemployment in the future, beside the field, in both languages', async () => {
    const caseId = await intake('未来甲');
    for (const day of ['2030-01-01', '2026-11-03']) {
      const details = await refused(caseworker, caseId, 'submit', registrationForm({ unemployedSince: day }), 'FORM_INVALID');
      expect(details.fields).toEqual([
        expect.objectContaining({ field: 'unemployedSince', keyword: 'x-not-after-today', text: { 'zh-CN': '不能晚于今天', en: 'Cannot be later than today' } }),
      ]);
    }
    // The day of the step itself is not in the future.
    expect((await act(t, caseworker, caseId, 'submit', registrationForm({ unemployedSince: '2026-11-02' }))).state).toBe('submitted');
  });

  it('refuses a date of unemployment before the person turned 16', async () => {
    const caseId = await intake('未满甲');
    const details = await refused(caseworker, caseId, 'submit', registrationForm({ unemployedSince: '2002-03-10' }), 'RULE_VIOLATION');
    expect(details.violations).toEqual([expect.objectContaining({ rule: 'unemployed-since-of-working-age' })]);
    // The 16th birthday is the first day of working age.
    expect((await act(t, caseworker, caseId, 'submit', registrationForm({ unemployedSince: '2002-03-11' }))).state).toBe('submitted');
  });

  it("judges 'today' by the step's day, not the machine's, and the review checks the date again", async () => {
    // 1 March 2027 on the platform's clock: a date in February 2027 has passed, whatever this machine's day.
    await on('2027-03-01T01:00:00.000Z');
    const caseId = await intake('复核甲');
    expect((await act(t, caseworker, caseId, 'submit', registrationForm({ unemployedSince: '2027-02-01' }))).state).toBe('submitted');
    // Reviewed on a day before that date (a case submitted before the bound existed holds such data): refused.
    await on('2026-12-01T01:00:00.000Z');
    const details = await refused(reviewer, caseId, 'approve', { opinion: '同意' }, 'RULE_VIOLATION');
    expect(details.violations).toEqual([expect.objectContaining({ rule: 'unemployed-since-not-in-future' })]);
    await on('2027-03-02T01:00:00.000Z');
    expect((await act(t, reviewer, caseId, 'approve', { opinion: '同意' })).state).toBe('registered');
  });
});
