import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

/** 厦港街道 of 思明区: the street whose service point the administrator sets up. */
const XIAGANG = '350203001';
const NEW_PASSWORD = 'Xg7#pw2!Lq9m';

/**
 * Issue 15, done means: an administrator sets up a street service point (基层劳动保障工作平台) with a
 * post, creates a caseworker there holding it; that caseworker's cases wait at the service point for
 * the holders of that post only, and the caseworker claims one; the review the service point has no
 * post for goes to the district office. Every step through the API.
 */
describe.each(backends)('a street service point set up by the city administrator (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  let office = '';

  /** Creates an account at the service point holding the post, signs it in and changes its temporary password. */
  async function staff(username: string, displayName: string, postCode: string): Promise<string> {
    const unit = await t.request('GET', `/api/admin/org/units/${office}/posts`, { token: admin });
    const post = unit.body.items.find((p: { code: string; orgUnitId: string }) => p.code === postCode && p.orgUnitId === office);
    const created = await t.request('POST', '/api/admin/users', { token: admin, body: { username, displayName, role: 'caseworker', orgUnitId: office, postIds: [post.id] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = await t.login(username, created.body.temporaryPassword);
    const changed = await t.request('POST', '/api/auth/password', { token, body: { current: created.body.temporaryPassword, next: NEW_PASSWORD } });
    expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
    return t.login(username, NEW_PASSWORD);
  }

  async function inbox(token: string) {
    const response = await t.request('GET', '/api/tasks?pageSize=100', { token });
    expect(response.status).toBe(200);
    return response.body.items as { id: string; caseId: string; post: string; claimedBy: { name: string } | null }[];
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    admin = await t.login('admin');
    const created = await t.request('POST', `/api/admin/org/units/${XIAGANG}/offices`, {
      token: admin,
      body: { name: '厦港街道劳动保障事务所', posts: [{ code: 'unemployment-window' }, { code: 'subsidy-window' }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    office = created.body.id;
  });
  afterAll(() => t.close());

  it('offers the service point’s task to the holder of its post only, who claims it', async () => {
    const windowClerk = await staff('xiagang.lin', '林晓', 'unemployment-window');
    const subsidyClerk = await staff('xiagang.wu', '吴敏', 'subsidy-window');
    const me = await t.request('GET', '/api/auth/me', { token: windowClerk });
    expect(me.body).toMatchObject({ orgUnit: { id: office, kind: 'office' }, posts: [{ code: 'unemployment-window', orgUnitId: office }], restriction: null });

    const personId = await registerPerson(t, windowClerk, citizenId('350203', '19910305', '042'), '郑海燕', { phone: '13912340042' });
    const registration = await open(t, windowClerk, 'unemployment-registration', personId);
    const [task] = await queryRows<{ id: string; post: string; org_unit_id: string }>(t.rt.db, sql`SELECT id, post, org_unit_id FROM tasks WHERE case_id = ${registration.id} AND status = 'open'`);
    expect(task).toMatchObject({ post: 'unemployment-window', org_unit_id: office });

    expect((await inbox(windowClerk)).map((item) => item.caseId)).toContain(registration.id);
    // The subsidy window of the same service point, and the district office's unemployment clerk, do not see it.
    expect((await inbox(subsidyClerk)).map((item) => item.caseId)).not.toContain(registration.id);
    expect((await inbox(await t.login('unemployment-clerk'))).map((item) => item.caseId)).not.toContain(registration.id);

    const claimed = await t.request('POST', `/api/tasks/${task!.id}/claim`, { token: windowClerk, body: {} });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect((await inbox(windowClerk)).find((item) => item.id === task!.id)?.claimedBy).toMatchObject({ name: '林晓' });

    // The district office's 业务科长 oversees the street's service point: the task is among those they may reassign.
    const supervised = await t.request('GET', '/api/tasks?supervised=true&pageSize=100', { token: await t.login('supervisor') });
    expect(supervised.body.items.find((item: { id: string }) => item.id === task!.id)).toMatchObject({ mayReassign: true });
  });

  it('sends the review the service point has no post for to the district office, whose reviewer completes it', async () => {
    const windowClerk = await staff('xiagang.chen', '陈静', 'unemployment-window');
    const personId = await registerPerson(t, windowClerk, citizenId('350203', '19880412', '051'), '黄丽华', { phone: '13912340051' });
    const registration = await open(t, windowClerk, 'unemployment-registration', personId);
    await act(t, windowClerk, registration.id, 'submit', registrationForm());

    // The review waits at 思明区's employment service centre, the nearest office with a review post.
    const [review] = await queryRows<{ id: string; post: string; org_unit_id: string }>(t.rt.db, sql`SELECT id, post, org_unit_id FROM tasks WHERE case_id = ${registration.id} AND status = 'open'`);
    expect(review).toMatchObject({ post: 'unemployment-review', org_unit_id: '350203-01' });
    expect((await inbox(windowClerk)).map((item) => item.caseId)).not.toContain(registration.id);

    const reviewer = await t.login('reviewer');
    expect((await inbox(reviewer)).map((item) => item.caseId)).toContain(registration.id);
    expect((await t.request('GET', `/api/cases/${registration.id}`, { token: reviewer })).status).toBe(200);
    await act(t, reviewer, registration.id, 'approve', { opinion: '材料齐全，准予登记' });
    expect((await getCase(t, reviewer, registration.id)).state).toBe('registered');
  });
});
