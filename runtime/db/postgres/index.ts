import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import * as schema from '../schema/index.ts';

/** Opens a PostgreSQL server by URL (TCP; postgres.js cannot use a Unix socket URL). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => undefined });
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    backend: 'postgres',
    migrate: () => migrate(drizzle({ client }), { migrationsFolder }),
    close: () => client.end(),
  };
}
