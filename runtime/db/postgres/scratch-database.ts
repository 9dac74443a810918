import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { DatabaseHandle } from '../database.ts';
import { openPostgres, type PostgresOptions } from './index.ts';

/** Runs one statement (CREATE or DROP DATABASE: no bind parameters) on its own connection to the server at `serverUrl`. */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A new database on the server at `serverUrl`, empty or a copy of `template`, dropped again by
 * `close`. Tests and benchmarks use one each, so they never share or leave behind state.
 */
export async function openScratchPostgres(serverUrl: string, prefix: string, options: PostgresOptions & { template?: string } = {}): Promise<DatabaseHandle> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (options.template !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.template)) throw new Error(`not a database name: ${options.template}`);
  await runOnServer(serverUrl, `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), options);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
