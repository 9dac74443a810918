import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holds, permissions, type Permission } from '../../runtime/auth/index.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

interface Operation {
  method: string;
  path: string;
  permission: string | undefined;
  security: unknown;
}

/** A path of the document with its parameters filled in (the permission is checked before they are). */
function concrete(path: string): string {
  const values: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', processId: 'unemployment-registration', year: '2027', orgUnit: '350200', period: '2026-Q3', table: 'occupation', provinceId: '350000' };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}

describe('permissions in one place', () => {
  let t: TestRuntime;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
    const document = (await t.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-permission'?: string; security?: unknown }>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op['x-permission'], security: op.security })),
    );
  });
  afterAll(() => t.close());

  it('has every route declare one permission from the table, or say it is public on purpose', () => {
    expect(operations.filter((op) => op.permission === undefined).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(operations.filter((op) => op.permission === 'public').map((op) => `${op.method} ${op.path}`).sort()).toEqual([
      'GET /api/error-codes',
      // The exchange's routes: a peer is proven by the signature of its message or request, not by a staff login.
      'GET /api/exchange/feed',
      'GET /api/health',
      'GET /api/public/postings',
      'GET /api/public/postings/{id}',
      'GET /api/verify/{token}',
      'POST /api/auth/login',
      'POST /api/exchange/acks',
      'POST /api/exchange/inbox',
      'POST /api/exchange/query',
    ]);
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      expect(Object.keys(permissions), `${op.method} ${op.path}`).toContain(op.permission);
      expect(op.security, `${op.method} ${op.path}`).toEqual([{ bearer: [] }]);
    }
  });

  it('refuses every route to a user who does not hold its permission, before reading the request', async () => {
    const auditor = await t.login('auditor');
    const caseworker = await t.login('caseworker');
    const everyone: string[] = [];
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      const permission = op.permission as Permission;
      // The auditor holds only its own session, the calendar and the access log; the caseworker stands in for the access log.
      const [who, token] = holds(permission, 'auditor', 'city') ? ['caseworker', caseworker] : ['auditor', auditor];
      if (holds(permission, who, 'office')) {
        everyone.push(permission);
        continue;
      }
      const response = await t.request(op.method, concrete(op.path), { token, body: op.method === 'GET' ? undefined : {} });
      expect(response.status, `${op.method} ${op.path} as ${who}`).toBe(403);
      expect(response.body.code).toBe('ROLE_NOT_PERMITTED');
      expect(response.body.details).toMatchObject({ permission });
    }
    // Only what every role holds was not tried: one's own session and reading the calendar.
    expect([...new Set(everyone)].sort()).toEqual(['calendar.read', 'session.own']);
  });

  it('keeps personal data from evaluators and configurators: no person search or record for them', async () => {
    for (const username of ['evaluator', 'configurator', 'provincial']) {
      const token = await t.login(username);
      const list = await t.request('GET', '/api/persons?q=', { token });
      expect([username, list.status, list.body.code]).toEqual([username, 403, 'ROLE_NOT_PERMITTED']);
      const cases = await t.request('GET', '/api/cases', { token });
      expect([username, cases.status]).toEqual([username, 403]);
    }
  });
});
