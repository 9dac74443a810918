import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog, auditLog, posts, users } from '../../runtime/db/schema/index.ts';
import { adminCounts } from '../support/admin-counts.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CITY = '350200';
const SIMING = '350203';
const SIMING_OFFICE = '350203-01';
const HULI_OFFICE = '350206-01';
const STRONG = 'Kx7#mq2!Lp9z';

describe.each(backends)('user administration (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  let provincialAdmin: string;
  let postId: (office: string, code: string) => Promise<string>;
  /** The ids of the seeded accounts, as the ministry's administrator lists them. */
  let ids: Record<string, string> = {};
  const created = (username: string) => ids[username]!;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    admin = await t.login('admin');
    provincialAdmin = await t.login('provincial-admin');
    const all = await t.request('GET', '/api/admin/users?pageSize=100', { token: await t.login('ministry-admin') });
    ids = Object.fromEntries(all.body.items.map((u: { username: string; id: string }) => [u.username, u.id]));
    postId = async (office, code) => (await t.rt.db.select({ id: posts.id }).from(posts).where(and(eq(posts.orgUnitId, office), eq(posts.code, code))))[0]!.id;
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) => t.request('POST', '/api/admin/users', { token, body });
  const userId = async (username: string) => (await t.request('GET', `/api/admin/users?q=${username}`, { token: provincialAdmin })).body.items.find((u: { username: string }) => u.username === username).id as string;

  /** Sends a request that must be refused with `status` and `code`, and checks that nothing was written. */
  async function refused(status: number, code: string, send: () => Promise<{ status: number; body: any }>) {
    const before = await adminCounts(t.rt);
    const response = await send();
    expect([response.status, response.body.code]).toEqual([status, code]);
    expect(response.body.message.zh.length).toBeGreaterThan(0);
    expect(response.body.message.en.length).toBeGreaterThan(0);
    expect(await adminCounts(t.rt)).toEqual(before);
    return response;
  }

  it("lists the accounts of the administrator's subtree, a page at a time, found by part of a username or name", async () => {
    const all = await t.request('GET', '/api/admin/users?pageSize=100', { token: admin });
    expect(all.status).toBe(200);
    const names = all.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'caseworker', 'reviewer', 'supervisor', 'configurator', 'auditor']));
    // The province's and the ministry's accounts lie above the city administrator.
    expect(names).not.toContain('provincial-admin');
    expect(names).not.toContain('ministry-admin');
    expect(all.body.total).toBe(names.length);
    const caseworker = all.body.items.find((u: { username: string }) => u.username === 'caseworker');
    expect(caseworker).toMatchObject({ role: 'caseworker', active: true, lockedUntil: null, orgUnit: { id: SIMING_OFFICE }, posts: expect.arrayContaining([expect.objectContaining({ code: 'unemployment-window', orgUnitId: SIMING_OFFICE })]) });
    expect(caseworker).not.toHaveProperty('passwordHash');
    const found = await t.request('GET', `/api/admin/users?q=${encodeURIComponent('审核')}`, { token: admin });
    expect(found.body.items.map((u: { username: string }) => u.username)).toEqual(['reviewer']);
    const paged = await t.request('GET', '/api/admin/users?pageSize=2&page=2', { token: admin });
    expect([paged.body.items.length, paged.body.total]).toEqual([2, all.body.total]);
    const out = await t.request('GET', `/api/admin/users/${created('ministry-admin')}`, { token: admin });
    expect([out.status, out.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('creates a caseworker with posts and a temporary password shown once, to be changed at the first sign-in; audited', async () => {
    const window = await postId(SIMING_OFFICE, 'employment-window');
    const created = await create(admin, { username: 'chen.jing', displayName: '陈静', role: 'caseworker', orgUnitId: SIMING_OFFICE, postIds: [window] });
    expect(created.status).toBe(201);
    const password = created.body.temporaryPassword as string;
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(created.body.user).toMatchObject({ username: 'chen.jing', role: 'caseworker', mustChangePassword: true, orgUnit: { id: SIMING_OFFICE }, posts: [{ id: window, code: 'employment-window' }] });
    const id = created.body.user.id as string;
    // Never shown again.
    expect(JSON.stringify((await t.request('GET', `/api/admin/users/${id}`, { token: admin })).body)).not.toContain(password);

    const token = await t.login('chen.jing', password);
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body).toMatchObject({ restriction: 'password-change', posts: [{ code: 'employment-window' }] });
    expect((await t.request('GET', '/api/tasks', { token })).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.request('POST', '/api/auth/password', { token, body: { current: password, next: STRONG } })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token })).body.restriction).toBeNull();

    const [audit] = await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.target, id)));
    expect(audit).toMatchObject({ cityCode: CITY, details: { username: 'chen.jing', role: 'caseworker', orgUnitId: SIMING_OFFICE, postIds: [window] } });
    expect(JSON.stringify(audit!.details)).not.toContain(password);
    const [logged] = await t.rt.db.select().from(accessLog).where(and(eq(accessLog.action, 'user.create'), eq(accessLog.targetId, id)));
    expect(logged).toMatchObject({ actorName: '系统管理员', targetType: 'user' });
  });

  it('refuses a unit outside the administrator\'s subtree: no one is placed above one\'s own level', async () => {
    await refused(403, 'ORG_UNIT_OUT_OF_REACH', () => create(admin, { username: 'zhou.pei', displayName: '周培', role: 'admin', orgUnitId: '350000', postIds: [] }));
    // A district administrator may not place someone at the city either.
    const district = await create(admin, { username: 'siming.admin', displayName: '思明区管理员', role: 'admin', orgUnitId: SIMING, postIds: [] });
    const districtToken = await t.login('siming.admin', district.body.temporaryPassword);
    await t.request('POST', '/api/auth/password', { token: districtToken, body: { current: district.body.temporaryPassword, next: STRONG } });
    await refused(403, 'ORG_UNIT_OUT_OF_REACH', () => create(districtToken, { username: 'zhou.pei', displayName: '周培', role: 'admin', orgUnitId: CITY, postIds: [] }));
    await refused(403, 'ORG_UNIT_OUT_OF_REACH', () => t.request('PATCH', `/api/admin/users/${district.body.user.id}`, { token: admin, body: { orgUnitId: '350000' } }));
    // And the accounts of the city above it are out of its sight.
    await refused(404, 'NOT_FOUND', () => t.request('POST', `/api/admin/users/${created('admin')}/disable`, { token: districtToken }));
  });

  it('refuses a post of an office outside the user\'s subtree, and a username taken (409)', async () => {
    const huli = await postId(HULI_OFFICE, 'unemployment-window');
    await refused(422, 'POST_OUT_OF_REACH', () => create(admin, { username: 'he.lan', displayName: '何兰', role: 'caseworker', orgUnitId: SIMING_OFFICE, postIds: [huli] }));
    await refused(422, 'POST_OUT_OF_REACH', () => t.request('PATCH', `/api/admin/users/${created('caseworker')}`, { token: admin, body: { postIds: [huli] } }));
    // Moving someone to another office without new posts would leave them holding posts of the old one.
    await refused(422, 'POST_OUT_OF_REACH', () => t.request('PATCH', `/api/admin/users/${created('caseworker')}`, { token: admin, body: { orgUnitId: HULI_OFFICE } }));
    const taken = await refused(409, 'DUPLICATE_RECORD', () => create(admin, { username: 'caseworker', displayName: '重名', role: 'caseworker', orgUnitId: SIMING_OFFICE, postIds: [] }));
    expect(taken.body.details).toMatchObject({ field: 'username' });
    await refused(400, 'BAD_REQUEST', () => create(admin, { username: 'X', displayName: '', role: 'boss', orgUnitId: SIMING_OFFICE }));
  });

  it('refuses an administrator changing their own role or unit, or disabling or resetting themselves', async () => {
    const self = created('admin');
    await refused(403, 'SELF_ADMINISTRATION', () => t.request('PATCH', `/api/admin/users/${self}`, { token: admin, body: { role: 'configurator' } }));
    await refused(403, 'SELF_ADMINISTRATION', () => t.request('PATCH', `/api/admin/users/${self}`, { token: admin, body: { orgUnitId: SIMING } }));
    await refused(403, 'SELF_ADMINISTRATION', () => t.request('POST', `/api/admin/users/${self}/disable`, { token: admin }));
    await refused(403, 'SELF_ADMINISTRATION', () => t.request('POST', `/api/admin/users/${self}/reset-password`, { token: admin }));
    // The name is one's own to correct.
    const renamed = await t.request('PATCH', `/api/admin/users/${self}`, { token: admin, body: { displayName: '市系统管理员' } });
    expect([renamed.status, renamed.body.displayName]).toEqual([200, '市系统管理员']);
  });

  it("refuses disabling, demoting or moving a city's last active administrator, and allows it once there is another", async () => {
    const cityAdmin = created('admin');
    await refused(409, 'LAST_ADMINISTRATOR', () => t.request('POST', `/api/admin/users/${cityAdmin}/disable`, { token: provincialAdmin }));
    await refused(409, 'LAST_ADMINISTRATOR', () => t.request('PATCH', `/api/admin/users/${cityAdmin}`, { token: provincialAdmin, body: { role: 'configurator' } }));
    await refused(409, 'LAST_ADMINISTRATOR', () => t.request('PATCH', `/api/admin/users/${cityAdmin}`, { token: provincialAdmin, body: { orgUnitId: SIMING } }));
    // The province's own administrator is the last of the province, as the ministry's is of the installation.
    const ministry = await t.login('ministry-admin');
    await refused(409, 'LAST_ADMINISTRATOR', () => t.request('POST', `/api/admin/users/${created('provincial-admin')}/disable`, { token: ministry }));
    const second = await create(provincialAdmin, { username: 'xm.admin2', displayName: '厦门市第二管理员', role: 'admin', orgUnitId: CITY, postIds: [] });
    expect(second.status).toBe(201);
    const disabled = await t.request('POST', `/api/admin/users/${cityAdmin}/disable`, { token: provincialAdmin });
    expect([disabled.status, disabled.body.active]).toEqual([200, false]);
    // Now the second is the last.
    await refused(409, 'LAST_ADMINISTRATOR', () => t.request('POST', `/api/admin/users/${second.body.user.id}/disable`, { token: provincialAdmin }));
    expect((await t.request('POST', `/api/admin/users/${cityAdmin}/enable`, { token: provincialAdmin })).body.active).toBe(true);
    admin = await t.login('admin');
  });

  // PGlite runs one transaction at a time; the race needs a second connection.
  it.runIf(backend === 'postgres')("waits for another change of the city's administrators before counting them: of two disabled at once, one stays", async () => {
    const second = (await t.request('GET', '/api/admin/users?q=xm.admin2', { token: provincialAdmin })).body.items[0].id as string;
    const other = await t.secondProcess();
    try {
      let release!: () => void;
      let updated!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const written = new Promise<void>((resolve) => (updated = resolve));
      // Another administrator's transaction disables the city's first administrator and has not committed yet.
      const concurrent = other.rt.db.transaction(async (tx) => {
        await tx.update(users).set({ active: false }).where(eq(users.id, created('admin')));
        updated();
        await held;
      });
      await written;
      const answer = t.request('POST', `/api/admin/users/${second}/disable`, { token: provincialAdmin });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await concurrent;
      const refusal = await answer;
      expect([refusal.status, refusal.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
      expect((await t.request('GET', `/api/admin/users/${second}`, { token: provincialAdmin })).body.active).toBe(true);
    } finally {
      await other.close();
    }
    expect((await t.request('POST', `/api/admin/users/${created('admin')}/enable`, { token: provincialAdmin })).status).toBe(200);
    admin = await t.login('admin');
  });

  it('disables an account: its sessions end and it cannot sign in; enabled, it can again', async () => {
    const token = await t.login('reviewer');
    const disabled = await t.request('POST', `/api/admin/users/${created('reviewer')}/disable`, { token: admin });
    expect([disabled.status, disabled.body.active]).toEqual([200, false]);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'reviewer', password: 'demo' } })).status).toBe(401);
    const [audit] = await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.disable'), eq(auditLog.target, created('reviewer'))));
    expect(audit!.details).toMatchObject({ username: 'reviewer', sessionsEnded: 1 });
    await t.request('POST', `/api/admin/users/${created('reviewer')}/enable`, { token: admin });
    expect(await t.login('reviewer')).toBeTruthy();
  });

  it('unlocks an account that wrong passwords locked', async () => {
    for (let i = 0; i < 5; i++) await t.request('POST', '/api/auth/login', { body: { username: 'supervisor', password: `wrong-${i}` }, address: `10.0.0.${i}` });
    const locked = await t.request('POST', '/api/auth/login', { body: { username: 'supervisor', password: 'demo' }, address: '10.0.1.1' });
    expect([locked.status, locked.body.code]).toEqual([429, 'AUTH_LOCKED']);
    const seen = await t.request('GET', `/api/admin/users/${created('supervisor')}`, { token: admin });
    expect(seen.body.lockedUntil).not.toBeNull();
    const unlocked = await t.request('POST', `/api/admin/users/${created('supervisor')}/unlock`, { token: admin });
    expect([unlocked.status, unlocked.body.lockedUntil]).toEqual([200, null]);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'supervisor', password: 'demo' }, address: '10.0.1.1' })).status).toBe(200);
    expect(await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.unlock'), eq(auditLog.target, created('supervisor'))))).toHaveLength(1);
  });

  it('resets a password: a new temporary one shown once, every session ended, the old password gone', async () => {
    const id = await userId('chen.jing');
    const token = await t.login('chen.jing', STRONG);
    const reset = await t.request('POST', `/api/admin/users/${id}/reset-password`, { token: admin });
    expect(reset.status).toBe(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'chen.jing', password: STRONG } })).status).toBe(401);
    const fresh = await t.login('chen.jing', reset.body.temporaryPassword);
    expect((await t.request('GET', '/api/auth/me', { token: fresh })).body.restriction).toBe('password-change');
  });

  it('changes the role, unit and posts held, audited with each value before and after', async () => {
    const id = await userId('chen.jing');
    const huliWindow = await postId(HULI_OFFICE, 'employment-window');
    const huliSupervisor = await postId(HULI_OFFICE, 'supervisor');
    const changed = await t.request('PATCH', `/api/admin/users/${id}`, { token: admin, body: { role: 'reviewer', orgUnitId: HULI_OFFICE, postIds: [huliWindow, huliSupervisor] } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'reviewer', orgUnit: { id: HULI_OFFICE } });
    expect(changed.body.posts.map((p: { code: string }) => p.code)).toEqual(['employment-window', 'supervisor']);
    const [audit] = await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.update'), eq(auditLog.target, id)));
    expect(audit!.details).toMatchObject({ role: { from: 'caseworker', to: 'reviewer' }, orgUnitId: { from: SIMING_OFFICE, to: HULI_OFFICE }, postIds: { to: [huliWindow, huliSupervisor] } });
    // Nothing to change: nothing recorded.
    await t.request('PATCH', `/api/admin/users/${id}`, { token: admin, body: { role: 'reviewer' } });
    expect(await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.update'), eq(auditLog.target, id)))).toHaveLength(1);
  });

  it('is for administrators of a district and above: a caseworker is refused', async () => {
    const caseworker = await t.login('caseworker');
    await refused(403, 'ROLE_NOT_PERMITTED', () => create(caseworker, { username: 'x.y.z', displayName: '某', role: 'admin', orgUnitId: SIMING_OFFICE, postIds: [] }));
  });
});
