import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openPostgres, type DatabaseHandle } from '../../runtime/db/index.ts';
import { openTestPglite, seedTestDatabase, TEST_START, testConfig, testContext } from './seeded-databases.ts';
import { dropTestDatabases } from './test-postgres.ts';

const postgresUrl = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || undefined;

async function migrateAndSeed(handle: DatabaseHandle): Promise<void> {
  await handle.migrate();
  await seedTestDatabase(testContext(handle.db, handle.backend, testConfig(), () => new Date(TEST_START)));
}

/** Writes the PGlite's dump (`dumpDataDir`) to `file`. */
async function writeDump(handle: DatabaseHandle, file: string): Promise<string> {
  writeFileSync(file, Buffer.from(await (await dumpPglite(handle.db, 'none')).arrayBuffer()));
  return file;
}

/**
 * The suite's global set-up: migrates and seeds one database per backend, once, and gives each
 * test file a copy (PGlite: a dump it loads; PostgreSQL: a template it copies) instead of seeding
 * its own, which took most of the suite's time. A test that seeds its own PGlite, or migrates one
 * step by step, starts from the dump of a new cluster rather than from initdb (seconds each).
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'pes-seeded-'));
  const run = randomBytes(6).toString('hex');
  const template = postgresUrl ? `pes_seeded_${run}` : '';
  // Every test database of the run is named after it (test-postgres.ts); the teardown drops those left.
  const testDatabasePrefix = `t_${run}`;
  project.provide('testDatabasePrefix', testDatabasePrefix);

  // PGlite seeds in this process and PostgreSQL mostly in its server's: side by side, the one waits
  // while the other works, and no test file starts before both are done.
  const seedPglite = async () => {
    const pglite = await openTestPglite(undefined);
    project.provide('emptyPglite', await writeDump(pglite, join(work, 'empty-pglite.tar')));
    await migrateAndSeed(pglite);
    project.provide('seededPglite', await writeDump(pglite, join(work, 'seeded-pglite.tar')));
    await pglite.close();
  };
  const seedPostgres = async () => {
    if (!template) return;
    const admin = postgres(postgresUrl!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${template}`;
    const handle = await openPostgres(url.toString());
    await migrateAndSeed(handle);
    await handle.close();
    await admin.end();
  };
  const dropDatabases = async () => {
    if (!template) return;
    await dropTestDatabases(postgresUrl!, testDatabasePrefix);
    const admin = postgres(postgresUrl!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
  const cleanUp = async () => {
    rmSync(work, { recursive: true, force: true });
    await dropDatabases();
  };
  // Both run to their end before either's failure is thrown: a set-up that throws has no teardown, so
  // what the other made (the template database) would be left behind on the server.
  const seeded = await Promise.allSettled([seedPglite(), seedPostgres()]);
  const failed = seeded.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await cleanUp();
    throw failed.reason;
  }
  project.provide('seededPostgres', template);
  return cleanUp;
}
