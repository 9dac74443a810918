import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userByUsername } from '../../runtime/auth/index.ts';
import { readConfig } from '../../runtime/config.ts';
import { freshKeyRing, writeKeyFile } from '../../runtime/crypto/index.ts';
import { HISTORY_TABLES, openScratchPostgres, queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { registerPerson } from '../../runtime/persons/index.ts';
import { openRuntime } from '../../runtime/startup.ts';
import { citizenId } from '../support/fixtures.ts';
import journal from '../../runtime/db/migrations/meta/_journal.json' with { type: 'json' };
import { postgresUrl } from '../support/test-runtime.ts';

/** The SQLSTATE of what the database refused. */
async function refusalOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code;
  }
  return undefined;
}

describe.skipIf(!postgresUrl)('PostgreSQL: the owner migrates, the application role may not rewrite history (postgres)', () => {
  let scratch: DatabaseHandle;
  let work: string;
  const role = `pes_app_${randomBytes(4).toString('hex')}`;
  const admin = () => postgres(postgresUrl!, { max: 1, onnotice: () => undefined });

  beforeAll(async () => {
    scratch = await openScratchPostgres(postgresUrl!, 'roles');
    work = mkdtempSync(join(tmpdir(), 'pes-roles-'));
    const server = admin();
    await server.unsafe(`CREATE ROLE ${role} LOGIN`);
    await server.end();
  });
  afterAll(async () => {
    await scratch.close();
    const server = admin();
    await server.unsafe(`DROP ROLE IF EXISTS ${role}`);
    await server.end();
    rmSync(work, { recursive: true, force: true });
  });

  it('migrates and seeds once when two processes start together on a new database', async () => {
    // Before: one of two processes starting together crashed in migrations with 23505 (issue 12).
    const keyFile = join(work, 'race-keys.json');
    writeKeyFile(keyFile, freshKeyRing());
    const fresh = await openScratchPostgres(postgresUrl!, 'race');
    const config = readConfig({ DATABASE_URL: fresh.url!, PII_KEY_FILE: keyFile });
    const started = await Promise.allSettled([openRuntime(config, () => undefined), openRuntime(config, () => undefined)]);
    try {
      expect(started.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'started'))).toEqual(['started', 'started']);
      const [counts] = await queryRows<{ migrations: string; units: string; accounts: string; calendars: string }>(
        fresh.db,
        sql`SELECT (SELECT count(*) FROM drizzle.__drizzle_migrations) AS migrations, (SELECT count(*) FROM org_units) AS units,
                   (SELECT count(*) FROM users) AS accounts, (SELECT count(*) FROM calendar_state) AS calendars`,
      );
      const single = await openScratchPostgres(postgresUrl!, 'single');
      const alone = await openRuntime(readConfig({ DATABASE_URL: single.url!, PII_KEY_FILE: keyFile }), () => undefined);
      const [expected] = await queryRows<{ units: string; accounts: string }>(single.db, sql`SELECT (SELECT count(*) FROM org_units) AS units, (SELECT count(*) FROM users) AS accounts`);
      await alone.handle.close();
      await single.close();
      expect({ ...counts }).toEqual({ migrations: String(journal.entries.length), units: expected!.units, accounts: expected!.accounts, calendars: '1' });
    } finally {
      for (const outcome of started) if (outcome.status === 'fulfilled') await outcome.value.handle.close();
      await fresh.close();
    }
  });

  it('connects the server as a role that can work but cannot TRUNCATE, DELETE or UPDATE history', async () => {
    // Before: TRUNCATE case_events, audit_log, ledger_history succeeded as the application's user (issue 12).
    const appUrl = new URL(scratch.url!);
    appUrl.username = role;
    const keyFile = join(work, 'keys.json');
    writeKeyFile(keyFile, freshKeyRing());
    const { rt, handle } = await openRuntime(readConfig({ DATABASE_URL: appUrl.toString(), DATABASE_OWNER_URL: scratch.url!, PII_KEY_FILE: keyFile }), () => undefined);
    try {
      const [me] = await queryRows<{ user: string }>(rt.db, sql`SELECT current_user AS user`);
      expect(me!.user).toBe(role);
      const person = await registerPerson(rt, await userByUsername(rt, 'caseworker'), { idNumber: citizenId('350203', '19800101', '011'), name: '许明' });
      expect(person.id).toBeTruthy();
      const refused = ['TRUNCATE persons'];
      for (const table of HISTORY_TABLES) {
        const [column] = await queryRows<{ name: string }>(rt.db, sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} AND is_identity = 'NO' ORDER BY ordinal_position LIMIT 1`);
        refused.push(`TRUNCATE ${table}`, `DELETE FROM ${table}`, `UPDATE ${table} SET ${column!.name} = ${column!.name}`);
      }
      for (const statement of refused) {
        expect([statement, await refusalOf(() => rt.db.execute(sql.raw(statement)))]).toEqual([statement, '42501']);
      }
      expect(await refusalOf(() => rt.db.execute(sql`INSERT INTO audit_log (action, target, details) VALUES ('test', 'x', '{}')`))).toBeUndefined();
    } finally {
      await handle.close();
    }
  });
});
