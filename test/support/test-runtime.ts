import { inject } from 'vitest';
import type { PluginManifest } from '../../engine/index.ts';
import type { RuntimeConfig } from '../../runtime/config.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { openPostgres, type Backend, type PostgresOptions } from '../../runtime/db/index.ts';
import { loadCityDivisions } from '../../runtime/divisions/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';
import { openApiDocument } from '../../runtime/http/openapi-document.ts';
import { insertOrgTree, orgTreeRows } from '../../runtime/seed/index.ts';
import { ResponseChecker } from './openapi-responses.ts';
import { openTestPglite, seedTestDatabase, TEST_START, testConfig, testContext } from './seeded-databases.ts';
import { openTestPostgres } from './test-postgres.ts';

export { testKeyRing } from './seeded-databases.ts';

/** The PostgreSQL server the shared suite also runs on, when one is configured. */
export const postgresUrl = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || undefined;

/** Every backend the database suite runs on here: PGlite always, PostgreSQL when configured. */
export const backends: Backend[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function testClock(startIso: string): TestClock {
  let current = Date.parse(startIso);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = Date.parse(iso);
    },
    advanceDays: (days) => {
      current += days * 86_400_000;
    },
  };
}

/**
 * The check of every answer `request` gets against the OpenAPI document (test/support/openapi-responses.ts),
 * made once per worker: the routes, and so the document, are the same in every runtime. On unless
 * `OPENAPI_RESPONSE_CHECK=off`.
 */
let responseChecker: ResponseChecker | undefined;
const checkResponses = process.env['OPENAPI_RESPONSE_CHECK'] !== 'off';

/**
 * A migrated, seeded runtime on a database of its own, with the API app and a sign-in helper.
 * In demo mode the database is a copy of the one the run seeded once (test/support/seed-once.ts);
 * production mode, which seeds no demo accounts, seeds its own.
 */
export async function createTestRuntime(
  backend: Backend,
  options: { clock?: TestClock; mode?: 'demo' | 'production'; config?: Partial<RuntimeConfig>; packages?: readonly PluginManifest[] } = {},
) {
  // A platform running other packages than the shipped ones seeds its own database, as production does.
  const seeded = options.mode === 'production' || options.packages ? '' : inject(backend === 'postgres' ? 'seededPostgres' : 'seededPglite');
  const handle =
    backend === 'postgres'
      ? await openTestPostgres(postgresUrl!, seeded || undefined)
      : await openTestPglite(seeded || inject('emptyPglite'));
  const clock = options.clock ?? testClock(TEST_START);
  const rt = testContext(handle.db, backend, testConfig({ mode: options.mode ?? 'demo', ...options.config }), clock.now, options.packages);
  if (!seeded) {
    await handle.migrate();
    await seedTestDatabase(rt);
  }
  const app = createApiApp(rt);

  /** Sends a request to the API as from `address` (the connection's address, as the node server gives it). */
  async function request(method: string, path: string, init: { token?: string | undefined; body?: unknown; rawBody?: string; address?: string } = {}) {
    const headers: Record<string, string> = {};
    if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
    if (init.body !== undefined || init.rawBody !== undefined) headers['Content-Type'] = 'application/json';
    const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const response = await app.request(path, { method, headers, body }, { incoming: { socket: { remoteAddress: init.address ?? '127.0.0.1' } } });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (checkResponses) {
      responseChecker ??= new ResponseChecker(openApiDocument(app));
      responseChecker.check(method, path, response.status, response.headers.get('content-type'), parsed);
    }
    // Test bodies are inspected freely.
    return { status: response.status, headers: response.headers, body: parsed as any };
  }

  async function login(username: string, password = 'demo'): Promise<string> {
    const response = await request('POST', '/api/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  }

  /** Adds a second city's tree (no communities, to stay quick) for isolation tests. */
  async function addCity(cityCode: string) {
    const divisions = await loadCityDivisions(cityCode);
    const rows = orgTreeRows({ ...divisions, communities: [] }).filter((r) => r.kind !== 'ministry');
    await insertOrgTree(rt.db, rows);
    return `${cityCode}00`;
  }

  /** A second runtime process on the same database (PostgreSQL only; PGlite is one process). */
  async function secondProcess(options: PostgresOptions = {}): Promise<{ rt: RuntimeContext; close: () => Promise<void> }> {
    if (!handle.url) throw new Error('a second process needs a PostgreSQL database');
    const other = await openPostgres(handle.url, options);
    return { rt: { ...rt, db: other.db }, close: () => other.close() };
  }

  return { rt, app, clock, request, login, addCity, secondProcess, close: () => handle.close() };
}

export type TestRuntime = Awaited<ReturnType<typeof createTestRuntime>>;
