import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, runOnServer, type DatabaseHandle } from '../../runtime/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What every test database of this run is named after (`<prefix>_<random>`); the run's teardown drops any left. */
    testDatabasePrefix: string;
  }
}

/** The drops this worker has handed on, one after another: each waits on a checkpoint of the whole server. */
let drops: Promise<void> = Promise.resolve();

/**
 * A test's database on the server at `serverUrl`: a copy of `template`, or empty. Its `close` ends the
 * connections and hands the drop on to a queue of this worker's instead of waiting for it: DROP DATABASE
 * waits for a checkpoint of the whole server (0.4 to 1.6 s each here, with a data set being loaded beside),
 * which the next test file has no reason to wait for. A drop that has not run when the worker ends is done
 * by the run's teardown (seed-once.ts), which drops every database named after the run's prefix.
 */
export async function openTestPostgres(serverUrl: string, template?: string): Promise<DatabaseHandle> {
  const name = `${inject('testDatabasePrefix')}_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      drops = drops.then(() => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    },
  };
}

/** Drops every database named after `prefix` on the server at `serverUrl` (the run's teardown). */
export async function dropTestDatabases(serverUrl: string, prefix: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const left = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE starts_with(datname, ${`${prefix}_`})`;
    for (const { datname } of left) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
