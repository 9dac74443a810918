import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder, type Database, type DatabaseHandle } from '../database.ts';
import * as schema from '../schema/index.ts';
import { withPipelinedBegin } from './pipelined-begin.ts';

/** The advisory lock key that serialises start-up work on one database across processes (an arbitrary constant). */
const START_UP_LOCK = 720_301_516;

export interface PostgresOptions {
  /** Connections in the pool (10). */
  max?: number;
  /** Called with each statement as it is sent: the engine benchmark counts statements and round trips with it. */
  onStatement?: (statement: string) => void;
}

/** Opens a PostgreSQL server by URL (TCP; postgres.js cannot use a Unix socket URL). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => undefined, ...(options.onStatement ? { debug: (_connection: number, statement: string) => options.onStatement!(statement) } : {}) });
  const db = drizzle({ client: withPipelinedBegin(client), schema }) as unknown as Database;
  // Two processes starting together on a new database: the second waits for the first's migrations and seeding, then finds nothing to do.
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const session = await client.reserve();
    try {
      await session`SELECT pg_advisory_lock(${START_UP_LOCK})`;
      return await work();
    } finally {
      await session`SELECT pg_advisory_unlock(${START_UP_LOCK})`.catch(() => undefined);
      session.release();
    }
  };
  return {
    db,
    backend: 'postgres',
    migrate: () => exclusively(() => migrate(drizzle({ client }), { migrationsFolder })),
    exclusively,
    close: () => client.end(),
  };
}
