import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

describe.each(backends)('workload per post (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    // Monday 2026-11-09, 10:00 in Beijing.
    t = await createTestRuntime(backend, { clock: testClock('2026-11-09T02:00:00.000Z') });
  });
  afterAll(() => t.close());

  it('counts handled steps with their working days per post, and the open and overdue tasks now', async () => {
    const caseworker = await t.login('caseworker');
    const first = await registerPerson(t, caseworker, citizenId('350203', '19850101', '013'), '林一');
    const second = await registerPerson(t, caseworker, citizenId('350203', '19860202', '015'), '林二');
    const a = await open(t, caseworker, 'unemployment-registration', first);
    const b = await open(t, caseworker, 'unemployment-registration', second);
    // Both submitted on Monday (0 working days at the window).
    await act(t, caseworker, a.id, 'submit', registrationForm());
    await act(t, caseworker, b.id, 'submit', registrationForm());
    // A approved on Wednesday: Tuesday and Wednesday, 2 working days at review.
    t.clock.set('2026-11-11T02:00:00.000Z');
    await act(t, await t.login('reviewer'), a.id, 'approve', { opinion: '同意' });
    // B still waits for review on Monday 11-16, past its 3-working-day deadline (end of Thursday 11-12).
    t.clock.set('2026-11-16T02:00:00.000Z');
    const evaluator = await t.login('evaluator');
    const response = await t.request('GET', '/api/workload?orgUnit=350200&from=2026-11-01&to=2026-11-30', { token: evaluator });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const rows = Object.fromEntries(response.body.rows.map((r: { post: string }) => [r.post, r]));
    expect(rows['unemployment-window']).toMatchObject({ name: '失业登记窗口', handled: 2, averageWorkingDays: 0, p90WorkingDays: 0, openTasks: 0, overdueTasks: 0 });
    expect(rows['unemployment-review']).toMatchObject({ name: '失业登记审核岗', handled: 1, averageWorkingDays: 2, p90WorkingDays: 2, openTasks: 1, overdueTasks: 1 });
    const outOfScope = await t.request('GET', '/api/workload?orgUnit=350200&from=2026-11-01&to=2026-11-30', { token: await t.login('caseworker') });
    expect(outOfScope.status).toBe(404);
  });
});
