import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { postingColumns } from './generate-postings.ts';

const COPY = `COPY public_postings (${postingColumns.map((c) => `"${c.name}"`).join(', ')}) FROM`;

/** Seconds since `started`, to a hundredth. */
export const secondsSince = (started: number) => Math.round((performance.now() - started) / 10) / 100;

/** Where each step of a load went, in seconds. */
export interface LoadTiming {
  copySeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
}

/** One COPY per batch into PostgreSQL, through postgres.js's COPY stream. */
async function copyToPostgres(client: Sql, batches: AsyncIterable<string[]> | Iterable<string[]>, onBatch: (rows: number) => void): Promise<void> {
  for await (const batch of batches) {
    const stream = await client.unsafe(`${COPY} STDIN`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(`${batch.join('\n')}\n`);
    });
    onBatch(batch.length);
  }
}

/** One COPY per batch into PGlite, from a blob (its way of reading COPY input). */
async function copyToPglite(client: PGlite, batches: AsyncIterable<string[]> | Iterable<string[]>, onBatch: (rows: number) => void): Promise<void> {
  for await (const batch of batches) {
    await client.query(`${COPY} '/dev/blob'`, [], { blob: new Blob([`${batch.join('\n')}\n`]) });
    onBatch(batch.length);
  }
}

/**
 * Bulk-loads public postings (COPY text lines, in batches) into a migrated, empty database the way
 * a bulk load goes: the secondary indexes of the migrations set aside, the rows copied, the indexes
 * built again from their own definitions (as the migrations wrote them), and the table analyzed.
 * Progress on stderr.
 */
export async function loadPostings(handle: DatabaseHandle, batches: AsyncIterable<string[]> | Iterable<string[]>, total: number, label: string): Promise<LoadTiming> {
  const started = performance.now();
  const indexes = await queryRows<{ indexname: string; indexdef: string }>(
    handle.db,
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'public_postings' AND indexname <> 'public_postings_pkey' ORDER BY indexname`,
  );
  for (const index of indexes) await handle.db.execute(sql.raw(`DROP INDEX "${index.indexname}"`));
  let loaded = 0;
  let shown = 0;
  const onBatch = (rows: number) => {
    loaded += rows;
    if (loaded - shown >= total / 10 || loaded === total) {
      shown = loaded;
      process.stderr.write(`  [${label}] ${loaded.toLocaleString('en')} / ${total.toLocaleString('en')} postings copied, ${secondsSince(started)} s\n`);
    }
  };
  const client = (handle.db as unknown as { $client: Sql | PGlite }).$client;
  if (handle.backend === 'postgres') await copyToPostgres(client as Sql, batches, onBatch);
  else await copyToPglite(client as PGlite, batches, onBatch);
  const copySeconds = secondsSince(started);
  const indexStarted = performance.now();
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${handle.backend === 'postgres' ? '256MB' : '128MB'}'`));
    for (const index of indexes) {
      const one = performance.now();
      await tx.execute(sql.raw(index.indexdef));
      process.stderr.write(`  [${label}] index ${index.indexname} built in ${secondsSince(one)} s\n`);
    }
  });
  const indexSeconds = secondsSince(indexStarted);
  const analyzeStarted = performance.now();
  await handle.db.execute(sql`ANALYZE public_postings`);
  return { copySeconds, indexSeconds, analyzeSeconds: secondsSince(analyzeStarted), totalSeconds: secondsSince(started) };
}
