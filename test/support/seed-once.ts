import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openPglite, openPostgres, type DatabaseHandle } from '../../runtime/db/index.ts';
import { seedTestDatabase, TEST_START, testConfig, testContext } from './seeded-databases.ts';

const postgresUrl = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || undefined;

async function migrateAndSeed(handle: DatabaseHandle): Promise<void> {
  await handle.migrate();
  await seedTestDatabase(testContext(handle.db, handle.backend, testConfig(), () => new Date(TEST_START)));
}

/**
 * The suite's global set-up: migrates and seeds one database per backend, once, and gives each
 * test file a copy (PGlite: a dump it loads; PostgreSQL: a template it copies) instead of seeding
 * its own, which took most of the suite's time.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'pes-seeded-'));
  const pglite = await openPglite();
  await migrateAndSeed(pglite);
  const dumpFile = join(work, 'seeded-pglite.tar');
  writeFileSync(dumpFile, Buffer.from(await (await dumpPglite(pglite.db, 'none')).arrayBuffer()));
  await pglite.close();
  project.provide('seededPglite', dumpFile);

  let template = '';
  if (postgresUrl) {
    template = `pes_seeded_${randomBytes(6).toString('hex')}`;
    const admin = postgres(postgresUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${template}`;
    const handle = await openPostgres(url.toString());
    await migrateAndSeed(handle);
    await handle.close();
    await admin.end();
  }
  project.provide('seededPostgres', template);

  return async () => {
    rmSync(work, { recursive: true, force: true });
    if (!template) return;
    const admin = postgres(postgresUrl!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
