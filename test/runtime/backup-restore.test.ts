import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from '../../runtime/audit/index.ts';
import { backup, restore } from '../../runtime/backup/index.ts';
import { readConfig, type RuntimeConfig } from '../../runtime/config.ts';
import { freshKeyRing, writeKeyFile } from '../../runtime/crypto/index.ts';
import { dumpPglite, openPglite, openPostgres, queryRows, type Database, type DatabaseHandle } from '../../runtime/db/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { PROCESS_TEST_TIMEOUT } from '../support/spawned-server.ts';
import { open, registerPerson } from '../support/steps.ts';
import { createTestRuntime, postgresUrl, type TestRuntime } from '../support/test-runtime.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The settings a command run here gets: this process's, without its database, and `env`. */
const settings = (env: Record<string, string>) => ({ ...process.env, DATABASE_URL: '', DATABASE_OWNER_URL: '', ...env });

/**
 * Runs `npm run backup` / `npm run restore` (their scripts) with settings; exit code and output.
 * Each run spends seconds loading the runtime: the command's own part (its arguments, the exit
 * code, what goes to stdout and stderr) is run once for each way it ends, the rest in this process.
 */
function run(script: 'backup' | 'restore', env: Record<string, string>, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, `runtime/cli/${script}.ts`), ...args], {
    cwd: root,
    env: settings(env),
    encoding: 'utf8',
    timeout: PROCESS_TEST_TIMEOUT,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * What the command does, in this process, with the configuration it would read from `env`: the
 * lines it would print on stdout, and the message of the error it would print on stderr before
 * exiting with 1 (a refusal's one line; undefined: it would exit with 0).
 */
async function runHere(env: Record<string, string>, command: (config: RuntimeConfig, progress: (line: string) => void) => Promise<void>) {
  const lines: string[] = [];
  try {
    await command(readConfig(settings(env)), (line) => lines.push(line));
    return { out: lines.join('\n'), refusal: undefined };
  } catch (error) {
    return { out: lines.join('\n'), refusal: error instanceof Error ? error.message : String(error) };
  }
}

/** `npm run backup -- FILE`, in this process. */
const backupHere = (env: Record<string, string>, file: string) => runHere(env, (config, progress) => backup(config, file, progress));

/** `npm run restore -- FILE [--force]`, in this process. */
const restoreHere = (env: Record<string, string>, file: string, options: { force: boolean }) => runHere(env, (config, progress) => restore(config, file, options, progress));

/** Rows in every table of every schema but the system's, by qualified name. */
async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_schema: string; table_name: string }>(
    db,
    sql`SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { table_schema: schema, table_name: table } of tables) {
    const [row] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(schema)}.${sql.identifier(table)}`);
    counts[`${schema}.${table}`] = Number(row!.n);
  }
  return counts;
}

/** Every file under `dir` with its size and modification time: equal snapshots, nothing written. */
function snapshot(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`;
    });
}

/** Real content through the API: a sign-in, a person registered, a case opened, the person read (the access log records it). */
async function makeContent(t: TestRuntime): Promise<void> {
  const token = await t.login('caseworker');
  const personId = await registerPerson(t, token, citizenId('350203', '19850505', '017'), '备份');
  await open(t, token, 'unemployment-registration', personId);
  expect((await t.request('GET', `/api/persons/${personId}`, { token })).status).toBe(200);
}

/** The source has what a backup must carry: a person, a case, its record, access-log entries. */
function expectRealContent(counts: Record<string, number>): void {
  for (const table of ['public.persons', 'public.cases', 'public.case_events', 'public.access_log', 'drizzle.__drizzle_migrations']) expect(counts[table], table).toBeGreaterThan(0);
}

const work = mkdtempSync(join(tmpdir(), 'pes-backup-'));
const keyFile = join(work, 'pii-keys.json');
writeKeyFile(keyFile, freshKeyRing());
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backup and restore (pglite)', () => {
  const source = join(work, 'source', 'pglite');
  const backupFile = join(work, 'pglite-backup.tar.gz');
  const restored = join(work, 'restored', 'pglite');
  let sourceCounts: Record<string, number>;
  const env = (dataDir: string) => ({ DATA_DIR: dataDir, PII_KEY_FILE: keyFile });

  beforeAll(async () => {
    // The runtime's database is in memory; its content becomes a data directory on disk, as a server leaves it.
    const t = await createTestRuntime('pglite');
    await makeContent(t);
    const dump = await dumpPglite(t.rt.db, 'none');
    await t.close();
    mkdirSync(source, { recursive: true, mode: 0o700 });
    const handle = await openPglite(source, { loadDataDir: dump });
    sourceCounts = await tableCounts(handle.db);
    await handle.close();
    expectRealContent(sourceCounts);
  });

  it('refuses to back up a data directory a server holds, writing nothing', async () => {
    const server = await openPglite(source);
    try {
      const refused = run('backup', env(source), [backupFile]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/in use by process \d+: 请先停止服务 stop the server first/);
      expect(existsSync(backupFile)).toBe(false);
      expect(existsSync(`${backupFile}.partial`)).toBe(false);
    } finally {
      await server.close();
    }
  }, PROCESS_TEST_TIMEOUT);

  it('backs up with the CLI and restores into a new directory: every table has the same rows, the chain verifies', async () => {
    const backedUp = run('backup', env(source), [backupFile]);
    expect(backedUp.err).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain(`rows: persons ${sourceCounts['public.persons']}, cases ${sourceCounts['public.cases']}`);
    expect(backedUp.out).toContain(`the key file ${keyFile} is NOT in the backup`);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    const restoredRun = run('restore', env(restored), [backupFile]);
    expect(restoredRun.err).toBe('');
    expect(restoredRun.code).toBe(0);
    expect(restoredRun.out).toContain(`the access-log hash chain holds: ${sourceCounts['public.access_log']} entries`);
    expect(statSync(restored).mode & 0o777).toBe(0o700);
    // Nothing beside it: the directory it was loaded into was renamed into place.
    expect(readdirSync(join(work, 'restored'))).toEqual(['pglite']);
    expect(existsSync(join(restored, 'platform.lock'))).toBe(false);

    const handle = await openPglite(restored);
    try {
      expect(await tableCounts(handle.db)).toEqual(sourceCounts);
      expect(await verifyAccessLog(handle.db)).toMatchObject({ ok: true, rows: sourceCounts['public.access_log'] });
    } finally {
      await handle.close();
    }
  }, PROCESS_TEST_TIMEOUT);

  it('refuses to restore into a non-empty directory without --force, changing nothing', async () => {
    const before = snapshot(restored);
    const refused = await restoreHere(env(restored), backupFile, { force: false });
    expect(refused.refusal).toMatch(/is not empty: restore replaces it only with --force/);
    expect(snapshot(restored)).toEqual(before);
    expect(readdirSync(join(work, 'restored'))).toEqual(['pglite']);
  });

  it('refuses a truncated or garbage file, leaving no directory behind', async () => {
    const truncated = join(work, 'pglite-truncated.tar.gz');
    const bytes = readFileSync(backupFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const garbage = join(work, 'pglite-garbage.tar.gz');
    writeFileSync(garbage, randomBytes(4096));
    const parent = join(work, 'bad');
    mkdirSync(parent);
    for (const [file, reason] of [
      [truncated, /is not a whole PGlite backup of this platform: it is damaged or truncated \(unexpected end of file\)/],
      [garbage, /is not a whole PGlite backup of this platform: it is not gzip-compressed/],
    ] as const) {
      const refused = await restoreHere(env(join(parent, 'pglite')), file, { force: false });
      expect(refused.refusal).toMatch(reason);
      expect(readdirSync(parent)).toEqual([]);
    }
  });

  it('refuses a backup whose access log was altered, even with --force, leaving the directory as it was', async () => {
    const handle = await openPglite(restored);
    try {
      await handle.db.execute(sql`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
      await handle.db.execute(sql`UPDATE access_log SET purpose = 'altered' WHERE id = (SELECT max(id) FROM access_log)`);
    } finally {
      await handle.close();
    }
    const altered = join(work, 'pglite-altered.tar.gz');
    expect((await backupHere(env(restored), altered)).refusal).toBeUndefined();
    const before = snapshot(restored);
    const refused = run('restore', env(restored), [altered, '--force']);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/the access-log hash chain BREAKS at entry \d+/);
    expect(refused.err).toMatch(/restore refused: the access log in .* does not verify/);
    // The copy it was loaded into is gone, and the directory it would have replaced is untouched.
    expect(snapshot(restored)).toEqual(before);
    expect(readdirSync(join(work, 'restored'))).toEqual(['pglite']);
  }, PROCESS_TEST_TIMEOUT);

  it('replaces a directory with --force, moving the old one aside', async () => {
    const replaced = await restoreHere(env(restored), backupFile, { force: true });
    expect(replaced.refusal).toBeUndefined();
    const aside = readdirSync(join(work, 'restored')).filter((name) => name.startsWith('pglite.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(replaced.out).toContain(aside[0]);
    const handle = await openPglite(restored);
    try {
      expect(await tableCounts(handle.db)).toEqual(sourceCounts);
      expect((await verifyAccessLog(handle.db)).ok).toBe(true);
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(!postgresUrl)('backup and restore (postgres)', () => {
  const role = `pes_app_${randomBytes(4).toString('hex')}`;
  const created: string[] = [];
  const backupFile = join(work, 'postgres-backup.dump');
  let t: TestRuntime;
  let sourceUrl: string;
  let sourceCounts: Record<string, number>;
  const admin = () => postgres(postgresUrl!, { max: 1, onnotice: () => undefined });
  const urlOf = (database: string, user?: string) => {
    const url = new URL(postgresUrl!);
    url.pathname = `/${database}`;
    if (user) url.username = user;
    return url.toString();
  };
  /** A new empty database, dropped after the suite. */
  async function freshDatabase(): Promise<string> {
    const name = `pes_restore_${randomBytes(4).toString('hex')}`;
    const server = admin();
    await server.unsafe(`CREATE DATABASE ${name}`);
    await server.end();
    created.push(name);
    return name;
  }
  async function withDatabase<T>(database: string, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
    const handle = await openPostgres(urlOf(database), { max: 1 });
    try {
      return await use(handle);
    } finally {
      await handle.close();
    }
  }
  /** The server's application role here is another than where the backup was made; the owner restores. */
  const restoreEnv = (database: string) => ({ DATABASE_URL: urlOf(database, role), DATABASE_OWNER_URL: urlOf(database), PII_KEY_FILE: keyFile });

  beforeAll(async () => {
    t = await createTestRuntime('postgres');
    await makeContent(t);
    const [row] = await queryRows<{ name: string }>(t.rt.db, sql`SELECT current_database() AS name`);
    sourceUrl = urlOf(row!.name);
    sourceCounts = await tableCounts(t.rt.db);
    expectRealContent(sourceCounts);
    const server = admin();
    await server.unsafe(`CREATE ROLE ${role} LOGIN`);
    await server.end();
  });
  afterAll(async () => {
    await t.close();
    const server = admin();
    for (const name of created) await server.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.unsafe(`DROP ROLE IF EXISTS ${role}`);
    await server.end();
  });

  it('backs up with pg_dump and restores as the owner: every table has the same rows, the chain verifies, the application role is granted again', async () => {
    const backedUp = run('backup', { DATABASE_URL: sourceUrl, PII_KEY_FILE: keyFile }, [backupFile]);
    expect(backedUp.err).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain('pg_dump (PostgreSQL)');
    expect(backedUp.out).toContain(`the key file ${keyFile} is NOT in the backup`);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    const target = await freshDatabase();
    const restoredRun = run('restore', restoreEnv(target), [backupFile]);
    expect(restoredRun.err).toBe('');
    expect(restoredRun.code).toBe(0);
    expect(restoredRun.out).toContain(`granted the application role ${role}`);
    expect(restoredRun.out).toContain(`the access-log hash chain holds: ${sourceCounts['public.access_log']} entries`);
    await withDatabase(target, async ({ db }) => {
      expect(await tableCounts(db)).toEqual(sourceCounts);
      expect(await verifyAccessLog(db)).toMatchObject({ ok: true, rows: sourceCounts['public.access_log'] });
      const [rights] = await queryRows<{ read: boolean; erase: boolean; owner: string }>(
        db,
        sql`SELECT has_table_privilege(${role}, 'persons', 'SELECT') AS read, has_table_privilege(${role}, 'access_log', 'DELETE') AS erase,
                   (SELECT tableowner FROM pg_tables WHERE tablename = 'persons') AS owner`,
      );
      expect(rights).toEqual({ read: true, erase: false, owner: new URL(postgresUrl!).username });
    });

    // Restoring again: refused without --force, nothing changed; with --force, replaced.
    const refused = await restoreHere(restoreEnv(target), backupFile, { force: false });
    expect(refused.refusal).toMatch(/holds \d+ tables: restore replaces it only with --force/);
    await withDatabase(target, async ({ db }) => expect(await tableCounts(db)).toEqual(sourceCounts));
    const forced = await restoreHere(restoreEnv(target), backupFile, { force: true });
    expect(forced.refusal).toBeUndefined();
    await withDatabase(target, async ({ db }) => expect(await tableCounts(db)).toEqual(sourceCounts));
  }, PROCESS_TEST_TIMEOUT);

  it('refuses a truncated or garbage file, leaving the database empty', async () => {
    const truncated = join(work, 'postgres-truncated.dump');
    const bytes = readFileSync(backupFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    const garbage = join(work, 'postgres-garbage.dump');
    writeFileSync(garbage, randomBytes(4096));
    const target = await freshDatabase();
    for (const [file, reason] of [
      [truncated, /is not a whole PostgreSQL backup of this platform: it is damaged or truncated \(pg_restore exited with 1: .*end of file/],
      [garbage, /is not a whole PostgreSQL backup of this platform: pg_restore exited with 1/],
    ] as const) {
      const refused = await restoreHere(restoreEnv(target), file, { force: false });
      expect(refused.refusal).toMatch(reason);
      await withDatabase(target, async ({ db }) => expect(await tableCounts(db)).toEqual({}));
    }
  });

  it('refuses (the command exits non-zero) when the restored access log does not verify', async () => {
    await t.rt.db.execute(sql`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    await t.rt.db.execute(sql`UPDATE access_log SET purpose = 'altered' WHERE id = (SELECT min(id) FROM access_log)`);
    await t.rt.db.execute(sql`ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`);
    const altered = join(work, 'postgres-altered.dump');
    expect((await backupHere({ DATABASE_URL: sourceUrl }, altered)).refusal).toBeUndefined();
    const refused = await restoreHere(restoreEnv(await freshDatabase()), altered, { force: false });
    expect(refused.out).toMatch(/the access-log hash chain BREAKS at entry \d+/);
    expect(refused.refusal).toMatch(/but its access log does not verify/);
  });
});
