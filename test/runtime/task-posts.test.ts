import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sqlState } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { caseHistory, getCase, open, registerPerson } from '../support/steps.ts';

/** The first task's step that needs no institution or rule: the trainee withdraws before the course. */
const withdrawal = { withdrawReason: '本人已找到工作，退出培训' };

/**
 * Issue 15, part 2: a task naming a post goes to the holders of that post in the task's
 * jurisdiction only; claim, release, hand-over, a supervisor's reassignment and the bulk one when
 * someone is away; the performance record keeps who claimed and who completed.
 */
describe.each(backends)('tasks bound to posts (%s)', (backend) => {
  let t: TestRuntime;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let personId = '';

  /** A training subsidy case waiting at its first task (补贴受理岗), opened by the generalist window. */
  async function subsidyCase(): Promise<{ caseId: string; taskId: string }> {
    const caseId = (await open(t, tokens['caseworker']!, 'training-subsidy', personId)).id;
    const [task] = await queryRows<{ id: string }>(t.rt.db, sql`SELECT id FROM tasks WHERE case_id = ${caseId} AND status = 'open'`);
    return { caseId, taskId: task!.id };
  }

  async function inbox(who: string, query = '') {
    const response = await t.request('GET', `/api/tasks?pageSize=100${query}`, { token: tokens[who] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as { id: string; caseId: string; post: string; claimedBy: { id: string; name: string } | null; mayReassign: boolean }[];
  }

  async function step(who: string, caseId: string, type: string, data: Record<string, unknown>) {
    const { version } = await getCase(t, tokens['caseworker']!, caseId);
    return t.request('POST', `/api/cases/${caseId}/events`, { token: tokens[who], body: { type, data, version } });
  }

  /** Sends a request that must be refused with `status` and `code`, changing no table. */
  async function refused(request: () => Promise<{ status: number; body: { code: string } }>, status: number, code: string) {
    const before = await tableCounts(t.rt);
    const response = await request();
    expect([response.status, response.body.code]).toEqual([status, code]);
    expect(await tableCounts(t.rt)).toEqual(before);
  }

  const post = (who: string, path: string, body?: unknown) => () => t.request('POST', path, { token: tokens[who], body: body ?? {} });

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    for (const who of ['caseworker', 'reviewer', 'supervisor', 'unemployment-clerk', 'subsidy-clerk']) {
      tokens[who] = await t.login(who);
      ids[who] = (await t.request('GET', '/api/auth/me', { token: tokens[who] })).body.id;
    }
    personId = await registerPerson(t, tokens['caseworker']!, citizenId('350206', '19930412', '051'), '陈志强', { phone: '13912345678' });
  });
  afterAll(() => t.close());

  it('refuses a subsidy-window step to a clerk who holds only the unemployment window, writing nothing; the subsidy clerk takes it at its post', async () => {
    const { caseId } = await subsidyCase();
    const { version } = await getCase(t, tokens['unemployment-clerk']!, caseId);
    await refused(() => t.request('POST', `/api/cases/${caseId}/events`, { token: tokens['unemployment-clerk'], body: { type: 'withdraw', data: withdrawal, version } }), 403, 'TASK_POST_REQUIRED');
    await refused(post('unemployment-clerk', '/api/cases', { processId: 'training-subsidy', subjectId: personId }), 403, 'TASK_POST_REQUIRED');
    const refusal = await step('unemployment-clerk', caseId, 'withdraw', withdrawal);
    expect(refusal.body.message.zh).toBe('该待办属于您未担任的岗位');
    expect(refusal.body.details).toMatchObject({ post: 'subsidy-window', role: 'caseworker' });

    expect((await step('subsidy-clerk', caseId, 'withdraw', withdrawal)).status).toBe(200);
    const [record] = await queryRows<{ actor_id: string; post: string }>(t.rt.db, sql`SELECT actor_id, post FROM case_events WHERE case_id = ${caseId} AND event = 'withdraw'`);
    expect(record).toEqual({ actor_id: ids['subsidy-clerk'], post: 'subsidy-window' });
  });

  it("offers each clerk only its post's tasks, the generalist window all of them, and no post held outside the task's jurisdiction", async () => {
    const { taskId: subsidyTask } = await subsidyCase();
    const registration = await open(t, tokens['unemployment-clerk']!, 'unemployment-registration', personId);
    const [unemploymentTask] = await queryRows<{ id: string }>(t.rt.db, sql`SELECT id FROM tasks WHERE case_id = ${registration.id} AND status = 'open'`);

    const subsidyClerk = (await inbox('subsidy-clerk')).map((task) => task.id);
    const unemploymentClerk = (await inbox('unemployment-clerk')).map((task) => task.id);
    expect(subsidyClerk).toContain(subsidyTask);
    expect(subsidyClerk).not.toContain(unemploymentTask!.id);
    expect(unemploymentClerk).toContain(unemploymentTask!.id);
    expect(unemploymentClerk).not.toContain(subsidyTask);
    expect((await inbox('caseworker')).map((task) => task.id)).toEqual(expect.arrayContaining([subsidyTask, unemploymentTask!.id]));
    expect((await inbox('subsidy-clerk')).every((task) => task.post === 'subsidy-window')).toBe(true);

    // A caseworker at the city, holding the subsidy window of the city's own office: the district's tasks are in its subtree, not in that post's jurisdiction.
    const cityClerk = randomUUID();
    await t.rt.db.execute(sql`INSERT INTO users (id, username, password_hash, display_name, role, org_unit_id, demo)
      SELECT ${cityClerk}, 'city-subsidy-clerk', password_hash, '市级补贴受理岗', 'caseworker', '350200', true FROM users WHERE username = 'subsidy-clerk'`);
    await t.rt.db.execute(sql`INSERT INTO user_posts (user_id, post_id) SELECT ${cityClerk}, id FROM posts WHERE org_unit_id = '350200-01' AND code = 'subsidy-window'`);
    tokens['city'] = await t.login('city-subsidy-clerk');
    expect((await inbox('city')).map((task) => task.id)).not.toContain(subsidyTask);
    await refused(post('city', `/api/tasks/${subsidyTask}/claim`), 403, 'TASK_POST_REQUIRED');
  });

  it('lets only the claimant step a claimed task; others see it claimed, by whom, and are refused with 409; the record keeps the claim', async () => {
    const { caseId, taskId } = await subsidyCase();
    const claimed = await t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens['subsidy-clerk'] });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({ id: taskId, caseId, post: 'subsidy-window', claimedBy: { id: ids['subsidy-clerk'], name: '补贴受理岗经办员' } });
    // Claiming one's own claim again changes nothing.
    const before = await tableCounts(t.rt);
    expect((await t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens['subsidy-clerk'] })).body).toEqual(claimed.body);
    expect(await tableCounts(t.rt)).toEqual(before);

    const seen = (await inbox('caseworker', '&claim=others')).find((task) => task.id === taskId);
    expect(seen?.claimedBy).toEqual({ id: ids['subsidy-clerk'], name: '补贴受理岗经办员' });
    expect((await inbox('caseworker', '&claim=unclaimed')).map((task) => task.id)).not.toContain(taskId);
    expect((await inbox('subsidy-clerk', '&claim=mine')).map((task) => task.id)).toEqual([taskId]);

    const { version } = await getCase(t, tokens['caseworker']!, caseId);
    await refused(() => t.request('POST', `/api/cases/${caseId}/events`, { token: tokens['caseworker'], body: { type: 'withdraw', data: withdrawal, version } }), 409, 'TASK_CLAIMED');
    await refused(post('caseworker', `/api/tasks/${taskId}/claim`), 409, 'TASK_CLAIMED');
    await refused(post('caseworker', `/api/tasks/${taskId}/release`), 409, 'TASK_CLAIMED');

    expect((await step('subsidy-clerk', caseId, 'withdraw', withdrawal)).status).toBe(200);
    const [record] = await queryRows<{ actor_id: string; claimed_by: string; claimed: boolean }>(
      t.rt.db,
      sql`SELECT actor_id, claimed_by, claimed_at IS NOT NULL AS claimed FROM case_events WHERE case_id = ${caseId} AND event = 'withdraw'`,
    );
    expect(record).toEqual({ actor_id: ids['subsidy-clerk'], claimed_by: ids['subsidy-clerk'], claimed: true });
    const history = await caseHistory(t, tokens['caseworker']!, caseId);
    expect(history.find((item) => item.event === 'withdraw')).toMatchObject({ claimed: { by: { id: ids['subsidy-clerk'], name: '补贴受理岗经办员' } }, post: 'subsidy-window' });
    expect(history[0]).toMatchObject({ event: 'create', claimed: null });
    // The step closed the task, which keeps who had claimed it.
    const closed = await queryRows<{ status: string; claimed_by: string | null; closed_by: string }>(t.rt.db, sql`SELECT status, claimed_by, closed_by FROM tasks WHERE id = ${taskId}`);
    expect(closed).toEqual([{ status: 'done', claimed_by: ids['subsidy-clerk'], closed_by: ids['subsidy-clerk'] }]);
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/release`), 409, 'TASK_NOT_OPEN');
  });

  it('gives a task claimed by two at once to one of them; the other is refused with 409', async () => {
    const { taskId } = await subsidyCase();
    const responses = await Promise.all(['caseworker', 'subsidy-clerk'].map((who) => t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens[who] })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)!.body.code).toBe('TASK_CLAIMED');
    const claims = await queryRows<{ to_user: string }>(t.rt.db, sql`SELECT to_user FROM task_assignments WHERE task_id = ${taskId}`);
    const winner = responses.find((r) => r.status === 200)!.body.claimedBy.id;
    expect(claims).toEqual([{ to_user: winner }]);
    const who = winner === ids['caseworker'] ? 'caseworker' : 'subsidy-clerk';
    expect((await t.request('POST', `/api/tasks/${taskId}/release`, { token: tokens[who] })).status).toBe(200);
  });

  it('releases a claim to the post, hands a task over only to a colleague holding its post, and keeps every change', async () => {
    const { caseId, taskId } = await subsidyCase();
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/release`), 409, 'TASK_NOT_CLAIMED');
    expect((await t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens['subsidy-clerk'] })).status).toBe(200);
    const released = await t.request('POST', `/api/tasks/${taskId}/release`, { token: tokens['subsidy-clerk'] });
    expect(released.body).toMatchObject({ id: taskId, claimedBy: null, claimedAt: null });

    expect((await t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens['subsidy-clerk'] })).status).toBe(200);
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/handover`, { to: ids['unemployment-clerk'] }), 422, 'TASK_ASSIGNEE_INVALID');
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/handover`, { to: ids['reviewer'] }), 422, 'TASK_ASSIGNEE_INVALID');
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/handover`, { to: randomUUID() }), 422, 'TASK_ASSIGNEE_INVALID');
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/handover`, { to: 'nobody' }), 400, 'BAD_REQUEST');

    const colleagues = await t.request('GET', `/api/tasks/colleagues?task=${taskId}`, { token: tokens['subsidy-clerk'] });
    expect(colleagues.body.items.map((c: { id: string }) => c.id).sort()).toEqual([ids['caseworker'], ids['subsidy-clerk']].sort());

    const handed = await t.request('POST', `/api/tasks/${taskId}/handover`, { token: tokens['subsidy-clerk'], body: { to: ids['caseworker'], reason: '下午请假' } });
    expect(handed.body.claimedBy).toEqual({ id: ids['caseworker'], name: '综合窗口经办员' });
    expect((await step('subsidy-clerk', caseId, 'withdraw', withdrawal)).body.code).toBe('TASK_CLAIMED');
    expect((await step('caseworker', caseId, 'withdraw', withdrawal)).status).toBe(200);

    const changes = await queryRows<{ action: string; from_user: string | null; to_user: string | null; by_user: string; post: string; reason: string | null }>(
      t.rt.db,
      sql`SELECT action, from_user, to_user, by_user, post, reason FROM task_assignments WHERE task_id = ${taskId} ORDER BY id`,
    );
    const clerk = ids['subsidy-clerk']!;
    expect(changes).toEqual([
      { action: 'claim', from_user: null, to_user: clerk, by_user: clerk, post: 'subsidy-window', reason: null },
      { action: 'release', from_user: clerk, to_user: null, by_user: clerk, post: 'subsidy-window', reason: null },
      { action: 'claim', from_user: null, to_user: clerk, by_user: clerk, post: 'subsidy-window', reason: null },
      { action: 'handover', from_user: clerk, to_user: ids['caseworker'], by_user: clerk, post: 'subsidy-window', reason: '下午请假' },
    ]);
    // Who claimed first and who completed, told apart by a join of the record and the task's assignments.
    const [performance] = await queryRows<{ first_claimant: string; completed_by: string }>(
      t.rt.db,
      sql`SELECT (SELECT to_user FROM task_assignments a WHERE a.task_id = ${taskId} AND a.action = 'claim' ORDER BY a.id LIMIT 1) AS first_claimant, e.actor_id AS completed_by
        FROM case_events e WHERE e.case_id = ${caseId} AND e.event = 'withdraw'`,
    );
    expect(performance).toEqual({ first_claimant: clerk, completed_by: ids['caseworker'] });

    let state: string | undefined;
    try {
      await t.rt.db.execute(sql`UPDATE task_assignments SET reason = 'changed' WHERE task_id = ${taskId}`);
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe('42501');
  });

  it("lets the office supervisor reassign one task, or all of an absent user's, all or none", async () => {
    const { taskId } = await subsidyCase();
    expect((await t.request('POST', `/api/tasks/${taskId}/claim`, { token: tokens['caseworker'] })).status).toBe(200);
    await refused(post('subsidy-clerk', `/api/tasks/${taskId}/reassign`, { to: ids['subsidy-clerk'] }), 403, 'TASK_SUPERVISOR_REQUIRED');

    const supervised = (await inbox('supervisor', '&supervised=true')).find((task) => task.id === taskId);
    expect(supervised).toMatchObject({ mayReassign: true, claimedBy: { id: ids['caseworker'] } });
    expect((await inbox('subsidy-clerk')).find((task) => task.id === taskId)?.mayReassign).toBe(false);
    await refused(post('supervisor', `/api/tasks/${taskId}/reassign`, { to: ids['unemployment-clerk'] }), 422, 'TASK_ASSIGNEE_INVALID');
    const reassigned = await t.request('POST', `/api/tasks/${taskId}/reassign`, { token: tokens['supervisor'], body: { to: ids['subsidy-clerk'], reason: '均衡工作量' } });
    expect(reassigned.body.claimedBy).toEqual({ id: ids['subsidy-clerk'], name: '补贴受理岗经办员' });

    // The generalist is away with a subsidy task and an unemployment registration: the subsidy clerk may take only the first.
    const second = await subsidyCase();
    const otherId = await registerPerson(t, tokens['caseworker']!, citizenId('350203', '19880916', '072'), '林美华', { phone: '13812345678' });
    const registration = await open(t, tokens['caseworker']!, 'unemployment-registration', otherId);
    const [registrationTask] = await queryRows<{ id: string }>(t.rt.db, sql`SELECT id FROM tasks WHERE case_id = ${registration.id} AND status = 'open'`);
    for (const id of [second.taskId, registrationTask!.id]) expect((await t.request('POST', `/api/tasks/${id}/claim`, { token: tokens['caseworker'] })).status).toBe(200);
    const away = { from: ids['caseworker'], to: ids['subsidy-clerk'], reason: '休假' };
    await refused(post('subsidy-clerk', '/api/tasks/reassign-all', away), 403, 'TASK_SUPERVISOR_REQUIRED');
    await refused(post('supervisor', '/api/tasks/reassign-all', away), 422, 'TASK_ASSIGNEE_INVALID');
    const moved = await t.request('POST', '/api/tasks/reassign-all', { token: tokens['supervisor'], body: { ...away, post: 'subsidy-window' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ reassigned: 1, items: [{ id: second.taskId, claimedBy: { id: ids['subsidy-clerk'] } }] });
    const rest = await t.request('POST', '/api/tasks/reassign-all', { token: tokens['supervisor'], body: { from: ids['caseworker'], to: ids['unemployment-clerk'] } });
    expect(rest.body).toMatchObject({ reassigned: 1, items: [{ id: registrationTask!.id, claimedBy: { id: ids['unemployment-clerk'] } }] });
    const [reassignments] = await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM task_assignments WHERE action = 'reassign' AND by_user = ${ids['supervisor']}`);
    expect(reassignments!.n).toBe(3);
  });
});
