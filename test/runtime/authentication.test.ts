import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from '../../runtime/audit/access-log.ts';
import { hashPassword } from '../../runtime/auth/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { users } from '../../runtime/db/schema/index.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const STRONG = 'Quiet-River-2026';

/** Adds a real (non-demo) caseworker account with a password, optionally one to change at first sign-in. */
async function addAccount(t: TestRuntime, username: string, options: { mustChange?: boolean } = {}) {
  await t.rt.db.insert(users).values({
    id: randomUUID(),
    username,
    passwordHash: await hashPassword(STRONG),
    displayName: username,
    role: 'caseworker',
    orgUnitId: '350200',
    mustChangePassword: options.mustChange ?? false,
    passwordChangedAt: t.clock.now(),
  });
}

describe.each(backends)('sign-in protection (%s)', (backend) => {
  let t: TestRuntime;
  const signIn = (username: string, password: string, address?: string) => t.request('POST', '/api/auth/login', { body: { username, password }, ...(address ? { address } : {}) });
  const actions = async (name: string) =>
    (await queryRows<{ action: string }>(t.rt.db, sql`SELECT action FROM access_log WHERE actor_name = ${name} OR details->>'username' = ${name} ORDER BY id`)).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z'), config: { sessionIdleMinutes: 30 } });
    await addAccount(t, 'lin.wei');
    await addAccount(t, 'chen.jie', { mustChange: true });
  });
  afterAll(() => t.close());

  it('locks an account after five wrong passwords: 429 with Retry-After even for the right one, until the lock runs out', async () => {
    // Before: 200 wrong passwords in a row got 200 × 401 and the right password then worked (issue 12).
    for (let i = 1; i <= 5; i++) expect((await signIn('lin.wei', `wrong-${i}`)).status).toBe(401);
    const locked = await signIn('lin.wei', STRONG);
    expect([locked.status, locked.body.code]).toEqual([429, 'AUTH_LOCKED']);
    expect(Number(locked.headers.get('Retry-After'))).toBe(900);
    expect(locked.body.message.zh).toContain('锁定');
    t.clock.advanceDays(14 / 1440);
    expect((await signIn('lin.wei', STRONG)).status).toBe(429);
    t.clock.advanceDays(2 / 1440);
    expect((await signIn('lin.wei', STRONG)).status).toBe(200);
    expect(await actions('lin.wei')).toEqual(['auth.failure', 'auth.failure', 'auth.failure', 'auth.failure', 'auth.failure', 'auth.lock', 'auth.login']);
  });

  it('checks at most five passwords of an account when thirty wrong ones arrive at the same moment', async () => {
    // Before: the lock was checked before any failure was counted, so ten to twelve of a concurrent flood were tried (issue 12).
    await addAccount(t, 'he.ping');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn('he.ping', `wrong-${i}`, `10.1.2.${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect((await actions('he.ping')).filter((a) => a === 'auth.failure')).toHaveLength(5);
  });

  it('throttles an address after twenty wrong sign-ins whatever the accounts, others are unaffected', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(`nobody-${i}`, 'x', '10.9.8.7')).status).toBe(401);
    const throttled = await signIn('lin.wei', STRONG, '10.9.8.7');
    expect([throttled.status, throttled.body.code]).toEqual([429, 'AUTH_THROTTLED']);
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await signIn('lin.wei', STRONG, '10.9.8.8')).status).toBe(200);
  });

  it('ends a session idle for longer than the idle timeout, and keeps one in use', async () => {
    const busy = (await signIn('lin.wei', STRONG)).body.token;
    const idle = (await signIn('lin.wei', STRONG)).body.token;
    for (let minute = 0; minute < 40; minute += 10) {
      t.clock.advanceDays(10 / 1440);
      expect((await t.request('GET', '/api/auth/me', { token: busy })).status).toBe(200);
    }
    expect((await t.request('GET', '/api/auth/me', { token: idle })).status).toBe(401);
  });

  it('signs out of every session at once', async () => {
    const one = (await signIn('lin.wei', STRONG)).body.token;
    const two = (await signIn('lin.wei', STRONG)).body.token;
    expect((await t.request('POST', '/api/auth/logout-all', { token: one })).body.ended).toBeGreaterThanOrEqual(2);
    expect((await t.request('GET', '/api/auth/me', { token: two })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: one })).status).toBe(401);
  });

  it('makes a temporary password be changed first, by the policy, and ends the other sessions', async () => {
    const token = (await signIn('chen.jie', STRONG)).body.token;
    const other = (await signIn('chen.jie', STRONG)).body.token;
    expect((await t.request('GET', '/api/auth/me', { token })).body.restriction).toBe('password-change');
    const blocked = await t.request('GET', '/api/tasks', { token });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);

    const weak = await t.request('POST', '/api/auth/password', { token, body: { current: STRONG, next: 'mychen.jieabc' } });
    expect([weak.status, weak.body.code]).toEqual([422, 'PASSWORD_POLICY']);
    expect(weak.body.details.problems.map((p: { rule: string }) => p.rule)).toEqual(['classes', 'username']);
    const wrongCurrent = await t.request('POST', '/api/auth/password', { token, body: { current: 'nope', next: 'Bright-Field-77' } });
    expect(wrongCurrent.status).toBe(401);
    const before = await t.rt.db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'chen.jie'));

    expect((await t.request('POST', '/api/auth/password', { token, body: { current: STRONG, next: 'Bright-Field-77' } })).status).toBe(204);
    expect((await t.rt.db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'chen.jie')))[0]!.hash).not.toBe(before[0]!.hash);
    expect((await t.request('GET', '/api/tasks', { token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: other })).status).toBe(401);
    expect((await signIn('chen.jie', STRONG)).status).toBe(401);
    expect((await signIn('chen.jie', 'Bright-Field-77')).body.user.restriction).toBeNull();
  });

  it('asks for a new password once the configured age has passed', async () => {
    t.clock.advanceDays(91);
    const response = await signIn('lin.wei', STRONG);
    expect(response.body.user.restriction).toBe('password-change');
  });

  it('keeps every sign-in, failure, lock and sign-out in an access log whose hash chain verifies, and notices a row removed', async () => {
    const check = await verifyAccessLog(t.rt.db);
    expect(check).toMatchObject({ ok: true, brokenAt: null });
    expect(check.rows).toBeGreaterThan(30);
    const kinds = (await queryRows<{ action: string }>(t.rt.db, sql`SELECT DISTINCT action FROM access_log ORDER BY action`)).map((r) => r.action);
    expect(kinds).toEqual(['auth.failure', 'auth.lock', 'auth.login', 'auth.logout-all', 'auth.password']);
    await expect(t.rt.db.execute(sql`DELETE FROM access_log WHERE id = 3`)).rejects.toThrow();
    await expect(t.rt.db.execute(sql`UPDATE access_log SET actor_name = 'x' WHERE id = 3`)).rejects.toThrow();
    await expect(t.rt.db.execute(sql`TRUNCATE access_log`)).rejects.toThrow();
    // A row removed behind the triggers' back (a superuser with them off) breaks the chain at the next row.
    await t.rt.db.execute(sql`ALTER TABLE access_log DISABLE TRIGGER USER`);
    await t.rt.db.execute(sql`DELETE FROM access_log WHERE id = 3`);
    await t.rt.db.execute(sql`ALTER TABLE access_log ENABLE TRIGGER USER`);
    expect(await verifyAccessLog(t.rt.db)).toMatchObject({ ok: false, brokenAt: 4 });
  });
});
