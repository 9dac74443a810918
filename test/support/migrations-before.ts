import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrationsFolder } from '../../runtime/db/database.ts';
import { inject } from 'vitest';
import { openScratchPostgres, type Backend, type DatabaseHandle } from '../../runtime/db/index.ts';
import { openTestPglite } from './seeded-databases.ts';
import { postgresUrl } from './test-runtime.ts';

interface JournalEntry {
  idx: number;
  tag: string;
}

/** A copy of the journaled migrations that stops before `tag`: the database as the previous release left it. */
export function migrationsBefore(tag: string): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === tag));
  const folder = mkdtempSync(join(tmpdir(), 'pes-migrations-'));
  mkdirSync(join(folder, 'meta'));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

/** An empty database of the backend, named `name` on PostgreSQL. */
export async function openEmpty(backend: Backend, name: string): Promise<DatabaseHandle> {
  return backend === 'postgres' ? openScratchPostgres(postgresUrl!, name) : openTestPglite(inject('emptyPglite'));
}

/** Migrates the handle's database by the backend's own migrator with the migrations in `folder`. */
export async function migrateWith(backend: Backend, handle: DatabaseHandle, folder: string): Promise<void> {
  if (backend === 'postgres') await migratePostgres(handle.db as never, { migrationsFolder: folder });
  else await migratePglite(handle.db as never, { migrationsFolder: folder });
}
