import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

/**
 * Issue 16, defect 2: a step that changes a legal status is marked from the definitions, with what
 * it will do (statuses set, the person's other cases moved on), so that the workbench asks first.
 */
describe.each(backends)('what a step will do, on the case (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker = '';
  let reviewer = '';

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  });
  afterAll(() => t.close());

  const action = (detail: { actions: { event: string }[] }, event: string) => detail.actions.find((a) => a.event === event) as Record<string, unknown>;

  it('names the registration an employment registration cancels, and asks for nothing on a plain step', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19860311', '011'), '协同甲', { phone: '13912345678' });
    const registration = await open(t, caseworker, 'unemployment-registration', personId);
    // Submitting sets no status and emits nothing: no confirmation.
    expect(action(registration, 'submit')['consequences']).toEqual({ confirm: false, statuses: [], coordinated: [], opens: [] });
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    // Approval sets the unemployment registration status.
    const review = await getCase(t, reviewer, registration.id);
    expect(action(review, 'approve')).toMatchObject({
      targetTitle: { 'zh-CN': '已登记失业' },
      consequences: { confirm: true, statuses: [{ key: 'unemploymentStatus', value: 'registered', title: { 'zh-CN': '失业登记状态' } }] },
    });
    await act(t, reviewer, registration.id, 'approve', { opinion: '同意' });

    const employment = await open(t, caseworker, 'employment-registration', personId);
    expect(action(employment, 'register')['consequences']).toEqual({
      confirm: true,
      statuses: [{ key: 'employmentStatus', value: expect.any(String), title: expect.objectContaining({ 'zh-CN': '就业登记状态' }) }],
      coordinated: [
        {
          caseId: registration.id,
          caseNo: registration.caseNo,
          processTitle: expect.objectContaining({ 'zh-CN': '失业登记' }),
          stepTitle: expect.objectContaining({ 'zh-CN': '就业登记自动注销' }),
          stateTitle: expect.objectContaining({ 'zh-CN': '已注销' }),
          conditional: false,
        },
      ],
      opens: [],
    });
    expect(action(employment, 'discard')['consequences']).toMatchObject({ confirm: false });
  });
});
