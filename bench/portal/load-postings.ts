import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { copyColumns, type PostingLines } from './generate-postings.ts';

/** The tables a load fills, in the order their keys need, with the columns of their COPY lines. */
const TABLES = [
  { name: 'public_postings', lines: 'postings', columns: copyColumns.postings },
  { name: 'public_posting_search', lines: 'search', columns: copyColumns.search },
] as const;

const copyOf = (table: (typeof TABLES)[number]) => `COPY ${table.name} (${table.columns.map((c) => `"${c.name}"`).join(', ')}) FROM`;

/** Seconds since `started`, to a hundredth. */
export const secondsSince = (started: number) => Math.round((performance.now() - started) / 10) / 100;

/** Where each step of a load went, in seconds. */
export interface LoadTiming {
  copySeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
}

/** One COPY statement into PostgreSQL, through postgres.js's COPY stream. */
async function copyToPostgres(client: Sql, statement: string, lines: string[]): Promise<void> {
  const stream = await client.unsafe(`${statement} STDIN`).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(`${lines.join('\n')}\n`);
  });
}

/** One COPY statement into PGlite, from a blob (its way of reading COPY input). */
async function copyToPglite(client: PGlite, statement: string, lines: string[]): Promise<void> {
  await client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([`${lines.join('\n')}\n`]) });
}

/**
 * Bulk-loads public postings and their search rows (COPY text lines, in batches) into a migrated,
 * empty database the way a bulk load goes: the secondary indexes and foreign keys of the
 * migrations set aside, the rows copied, the indexes built and the keys checked again from their
 * own definitions (as the migrations wrote them), and the tables analyzed. Progress on stderr.
 */
export async function loadPostings(handle: DatabaseHandle, batches: AsyncIterable<PostingLines> | Iterable<PostingLines>, total: number, label: string): Promise<LoadTiming> {
  const started = performance.now();
  const names = TABLES.map((t) => t.name);
  const indexes = await queryRows<{ indexname: string; indexdef: string }>(
    handle.db,
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (${sql.join(names, sql`, `)}) AND indexname NOT LIKE '%_pkey' ORDER BY indexname`,
  );
  const keys = await queryRows<{ tablename: string; conname: string; condef: string }>(
    handle.db,
    sql`SELECT conrelid::regclass::text AS tablename, conname, pg_get_constraintdef(oid) AS condef FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN (${sql.join(names, sql`, `)}) ORDER BY conname`,
  );
  for (const key of keys) await handle.db.execute(sql.raw(`ALTER TABLE ${key.tablename} DROP CONSTRAINT "${key.conname}"`));
  for (const index of indexes) await handle.db.execute(sql.raw(`DROP INDEX "${index.indexname}"`));
  const client = (handle.db as unknown as { $client: Sql | PGlite }).$client;
  let loaded = 0;
  let shown = 0;
  for await (const batch of batches) {
    for (const table of TABLES) {
      if (handle.backend === 'postgres') await copyToPostgres(client as Sql, copyOf(table), batch[table.lines]);
      else await copyToPglite(client as PGlite, copyOf(table), batch[table.lines]);
    }
    loaded += batch.postings.length;
    if (loaded - shown >= total / 10 || loaded === total) {
      shown = loaded;
      process.stderr.write(`  [${label}] ${loaded.toLocaleString('en')} / ${total.toLocaleString('en')} postings copied, ${secondsSince(started)} s\n`);
    }
  }
  const copySeconds = secondsSince(started);
  const indexStarted = performance.now();
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${handle.backend === 'postgres' ? '256MB' : '128MB'}'`));
    for (const index of indexes) {
      const one = performance.now();
      await tx.execute(sql.raw(index.indexdef));
      process.stderr.write(`  [${label}] index ${index.indexname} built in ${secondsSince(one)} s\n`);
    }
    for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.tablename} ADD CONSTRAINT "${key.conname}" ${key.condef}`));
  });
  const indexSeconds = secondsSince(indexStarted);
  const analyzeStarted = performance.now();
  for (const name of names) await handle.db.execute(sql.raw(`VACUUM ANALYZE ${name}`));
  return { copySeconds, indexSeconds, analyzeSeconds: secondsSince(analyzeStarted), totalSeconds: secondsSince(started) };
}
