import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hotp, totpStep } from '../../runtime/auth/totp.ts';
import { hashPassword } from '../../runtime/auth/index.ts';
import { readConfig, StartupRefusal } from '../../runtime/config.ts';
import { freshKeyRing, writeKeyFile } from '../../runtime/crypto/index.ts';
import { users } from '../../runtime/db/schema/index.ts';
import { openRuntime } from '../../runtime/startup.ts';
import { openTestPglite } from '../support/seeded-databases.ts';
import { PROCESS_TEST_TIMEOUT } from '../support/spawned-server.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command of the platform (`runtime/...`) with settings, input and a time limit; its exit code and output. */
function run(script: string, env: Record<string, string>, input = '', args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, input, encoding: 'utf8', timeout: PROCESS_TEST_TIMEOUT });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('a production start fails closed', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pes-prod-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses any APP_MODE but exactly demo or production, in one line, touching nothing', () => {
    // Before: APP_MODE=Production started in demo mode and seeded demo accounts (issue 12).
    const dataDir = join(work, 'mistyped');
    const started = run('runtime/main.ts', { APP_MODE: 'Production', DATA_DIR: dataDir, PORT: '0' });
    expect(started.code).toBe(1);
    expect(started.err.trim().split('\n')).toEqual([expect.stringMatching(/^启动失败 start-up refused: APP_MODE .*"Production"/)]);
    expect(existsSync(dataDir)).toBe(false);
    expect(() => readConfig({ APP_MODE: 'prod' })).toThrow(StartupRefusal);
    expect(readConfig({}).mode).toBe('demo');
    expect(() => readConfig({ LOG_LEVEL: 'debug' })).toThrow(/LOG_LEVEL/);
  });

  it('refuses production without a key file, and a database that holds demo accounts', async () => {
    const dataDir = join(work, 'demo-then-production');
    await expect(openRuntime({ ...readConfig({ APP_MODE: 'production', DATA_DIR: dataDir }) }, () => undefined)).rejects.toThrow(/PII_KEY_FILE/);
    const keyFile = join(work, 'keys.json');
    writeKeyFile(keyFile, freshKeyRing());
    // What a demo installation's first start seeds (the run seeded it once): its demo accounts among it.
    mkdirSync(dataDir, { mode: 0o700 });
    const demo = await openTestPglite(inject('seededPglite'), dataDir);
    expect(await demo.db.select({ username: users.username }).from(users).where(eq(users.demo, true))).not.toEqual([]);
    await demo.close();
    await expect(openRuntime(readConfig({ APP_MODE: 'production', DATA_DIR: dataDir, PII_KEY_FILE: keyFile }), () => undefined)).rejects.toThrow(/demo accounts/);
  });

  it('lets the first administrator in only through admin:create, with a password that meets the policy, typed twice', async () => {
    const dataDir = join(work, 'production');
    const keyFile = join(work, 'keys.json');
    const env = { APP_MODE: 'production', DATA_DIR: dataDir, PII_KEY_FILE: keyFile };
    // A new cluster as initdb leaves it (its dump made once for the run): the first command migrates
    // and seeds it as on a first start, without spending seconds on initdb in the child process.
    mkdirSync(dataDir, { mode: 0o700 });
    await (await openTestPglite(inject('emptyPglite'), dataDir)).close();
    const weak = run('runtime/cli/admin-create.ts', env, 'admin@123456\nshort\nshort1\n', ['--username', 'zhou.min', '--name', '周敏']);
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('这是常见密码');
    expect(weak.out).toContain('至少 10 位');
    const mismatch = run('runtime/cli/admin-create.ts', env, 'Harbour-Light-31\nHarbour-Light-13\nHarbour-Light-31\nHarbour-Light-31\n', ['--username', 'zhou.min', '--name', '周敏']);
    expect(mismatch.out).toContain('两次输入不一致');
    expect(mismatch.code).toBe(0);
    expect(mismatch.out).toContain('已创建管理员 created administrator zhou.min');

    const { rt, handle } = await openRuntime(readConfig(env), () => undefined);
    const accounts = await rt.db.select({ username: users.username, role: users.role, demo: users.demo }).from(users);
    await handle.close();
    expect(accounts).toEqual([{ username: 'zhou.min', role: 'admin', demo: false }]);
    // Before: data files were created 0666 (issue 12). Now every file and directory is its owner's alone.
    const shared = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((path) => (statSync(join(dataDir, path)).mode & 0o077) !== 0);
    expect(shared).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  }, PROCESS_TEST_TIMEOUT); // Two processes, the first migrating and seeding (41 s, 57 s and 96 s seen).
});

describe.each(backends)('the second factor of administrators and configurators in production (%s)', (backend) => {
  let t: TestRuntime;
  const code = (secret: string, at: Date) => hotp(Buffer.from(base32Decode(secret)), totpStep(at));
  beforeAll(async () => {
    t = await createTestRuntime(backend, { mode: 'production' });
    await t.rt.db.insert(users).values({ id: randomUUID(), username: 'wu.li', passwordHash: await hashPassword('Silver-Pine-2026'), displayName: '吴莉', role: 'configurator', orgUnitId: '350200', passwordChangedAt: t.clock.now() });
  });
  afterAll(() => t.close());

  it('lets a configurator do nothing before setting it up, then asks for a code at every sign-in; a recovery code works once', async () => {
    const signIn = (otp?: string) => t.request('POST', '/api/auth/login', { body: { username: 'wu.li', password: 'Silver-Pine-2026', ...(otp ? { otp } : {}) } });
    const first = await signIn();
    expect(first.body.user.restriction).toBe('second-factor');
    const token = first.body.token;
    const blocked = await t.request('GET', '/api/processes', { token });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'SECOND_FACTOR_REQUIRED']);

    const setup = await t.request('POST', '/api/auth/second-factor', { token });
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}&/);
    const wrong = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: '000000' } });
    expect(wrong.status).toBe(401);
    const confirmed = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: code(setup.body.secret, t.clock.now()) } });
    expect(confirmed.body.recoveryCodes).toHaveLength(10);

    expect((await signIn()).body.code).toBe('AUTH_OTP_REQUIRED');
    // The code just used for the confirmation is not accepted again; the next step's is.
    expect((await signIn(code(setup.body.secret, t.clock.now()))).status).toBe(401);
    t.clock.advanceDays(30 / 86_400);
    const withCode = await signIn(code(setup.body.secret, t.clock.now()));
    expect([withCode.status, withCode.body.user.restriction]).toEqual([200, null]);
    expect((await t.request('GET', '/api/processes', { token: withCode.body.token })).status).toBe(200);

    const recovery = confirmed.body.recoveryCodes[0];
    expect((await signIn(recovery)).status).toBe(200);
    expect((await signIn(recovery)).status).toBe(401);
    // One code, or one recovery code, sent by two sign-ins at the same moment signs in one of them.
    t.clock.advanceDays(30 / 86_400);
    const sameCode = code(setup.body.secret, t.clock.now());
    expect((await Promise.all([signIn(sameCode), signIn(sameCode)])).map((r) => r.status).sort()).toEqual([200, 401]);
    const sameRecovery = confirmed.body.recoveryCodes[1];
    expect((await Promise.all([signIn(sameRecovery), signIn(sameRecovery)])).map((r) => r.status).sort()).toEqual([200, 401]);
  });
});

/** RFC 4648 base32 back to bytes, as an authenticator app reads the secret. */
function base32Decode(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return bytes;
}
