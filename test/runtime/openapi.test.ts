import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseChecker } from '../support/openapi-responses.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

describe('OpenAPI document', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
  });
  afterAll(() => t.close());

  it('is OpenAPI 3.1 and documents every route with the schemas that validate it', async () => {
    const { status, body } = await t.request('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const routes = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual([
      'DELETE /api/admin/org/posts/{id}',
      'GET /api/admin/cities',
      'GET /api/admin/exchange',
      'GET /api/admin/exchange/dead-letters',
      'GET /api/admin/org/post-catalogue',
      'GET /api/admin/org/units',
      'GET /api/admin/org/units/{unitId}',
      'GET /api/admin/org/units/{unitId}/posts',
      'GET /api/admin/users',
      'GET /api/admin/users/{id}',
      'GET /api/agency-events',
      'GET /api/analysis/supply-demand',
      'GET /api/audit/access-log',
      'GET /api/audit/access-log/verify',
      'GET /api/auth/me',
      'GET /api/calendar',
      'GET /api/calendar/years/{year}',
      'GET /api/cases',
      'GET /api/cases/export',
      'GET /api/cases/{id}',
      'GET /api/cases/{id}/attachments',
      'GET /api/cases/{id}/attachments/{attachmentId}',
      'GET /api/cases/{id}/documents',
      'GET /api/cases/{id}/history',
      'GET /api/cases/{id}/links',
      'GET /api/cases/{id}/objections',
      'GET /api/cases/{id}/seeker-matches',
      'GET /api/code-tables',
      'GET /api/code-tables/{table}',
      'GET /api/divisions',
      'GET /api/employers',
      'GET /api/employers/{id}',
      'GET /api/employers/{id}/history',
      'GET /api/error-codes',
      'GET /api/exchange/feed',
      'GET /api/health',
      'GET /api/import-templates',
      'GET /api/imports',
      'GET /api/imports/kinds',
      'GET /api/imports/{id}',
      'GET /api/imports/{id}/issues',
      'GET /api/imports/{id}/report',
      'GET /api/indicators',
      'GET /api/indicators/{id}',
      'GET /api/indicators/{id}/drilldown',
      'GET /api/indicators/{id}/records',
      'GET /api/informatisation',
      'GET /api/informatisation/export',
      'GET /api/institutions',
      'GET /api/institutions/{id}',
      'GET /api/ledger/fund-statistics',
      'GET /api/ledger/fund-statistics/export',
      'GET /api/ledger/items',
      'GET /api/monitoring/alerts',
      'GET /api/monitoring/thresholds',
      'GET /api/monitoring/unemployment',
      'GET /api/national/employers',
      'GET /api/national/supply-demand',
      'GET /api/national/vacancies',
      'GET /api/notifications',
      'GET /api/org/units',
      'GET /api/outcomes',
      'GET /api/packages',
      'GET /api/payment-batches',
      'GET /api/payment-batches/{id}',
      'GET /api/payment-batches/{id}/bank-file',
      'GET /api/persons',
      'GET /api/persons/{id}',
      'GET /api/persons/{id}/history',
      'GET /api/persons/{id}/vacancy-matches',
      'GET /api/posts',
      'GET /api/processes',
      'GET /api/processes/{processId}',
      'GET /api/processes/{processId}/diff',
      'GET /api/processes/{processId}/effective',
      'GET /api/processes/{processId}/versions',
      'GET /api/public/postings',
      'GET /api/public/postings/{id}',
      'GET /api/reconciliations',
      'GET /api/reconciliations/{id}',
      'GET /api/review',
      'GET /api/review/export',
      'GET /api/review/{orgUnit}/{period}',
      'GET /api/tasks',
      'GET /api/tasks/colleagues',
      'GET /api/verify/{token}',
      'GET /api/workload',
      'PATCH /api/admin/org/posts/{id}',
      'PATCH /api/admin/users/{id}',
      'PATCH /api/employers/{id}',
      'PATCH /api/institutions/{id}',
      'PATCH /api/persons/{id}',
      'POST /api/admin/cities',
      'POST /api/admin/exchange/dead-letters/{seq}/put-back',
      'POST /api/admin/exchange/members/{code}/keys',
      'POST /api/admin/exchange/members/{code}/own-key',
      'POST /api/admin/org/offices/{unitId}/posts',
      'POST /api/admin/org/units/{unitId}/offices',
      'POST /api/admin/users',
      'POST /api/admin/users/{id}/disable',
      'POST /api/admin/users/{id}/enable',
      'POST /api/admin/users/{id}/reset-password',
      'POST /api/admin/users/{id}/unlock',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/logout-all',
      'POST /api/auth/password',
      'POST /api/auth/second-factor',
      'POST /api/auth/second-factor/confirm',
      'POST /api/calendar/import',
      'POST /api/cases',
      'POST /api/cases/{id}/attachments',
      'POST /api/cases/{id}/attachments/{attachmentId}/withdraw',
      'POST /api/cases/{id}/documents',
      'POST /api/cases/{id}/documents/{documentId}/revoke',
      'POST /api/cases/{id}/events',
      'POST /api/employers',
      'POST /api/exchange/acks',
      'POST /api/exchange/inbox',
      'POST /api/exchange/query',
      'POST /api/imports',
      'POST /api/imports/{id}/approve',
      'POST /api/imports/{id}/commit',
      'POST /api/imports/{id}/discard',
      'POST /api/institutions',
      'POST /api/institutions/{id}/status',
      'POST /api/monitoring/alerts/{id}/acknowledge',
      'POST /api/monitoring/alerts/{id}/resolve',
      'POST /api/monitoring/warnings/evaluate',
      'POST /api/national-applications/download',
      'POST /api/national/claims/reconcile',
      'POST /api/national/person-status',
      'POST /api/notifications/read',
      'POST /api/packages',
      'POST /api/packages/check',
      'POST /api/payment-batches',
      'POST /api/payment-batches/{id}/send',
      'POST /api/persons',
      'POST /api/persons/{id}/merge',
      'POST /api/persons/{id}/reveal',
      'POST /api/processes/{processId}/migrations',
      'POST /api/processes/{processId}/overlay/publish',
      'POST /api/processes/{processId}/overlay/replay',
      'POST /api/processes/{processId}/overlay/verify',
      'POST /api/reconciliations',
      'POST /api/review/{orgUnit}/{period}/accept',
      'POST /api/review/{orgUnit}/{period}/approve',
      'POST /api/review/{orgUnit}/{period}/comment',
      'POST /api/tasks/reassign-all',
      'POST /api/tasks/{id}/claim',
      'POST /api/tasks/{id}/handover',
      'POST /api/tasks/{id}/reassign',
      'POST /api/tasks/{id}/release',
      'PUT /api/admin/exchange/bank',
      'PUT /api/admin/exchange/members/{code}',
      'PUT /api/admin/exchange/services/{service}',
      'PUT /api/calendar/provinces/{provinceId}/years/{year}',
      'PUT /api/calendar/years/{year}',
      'PUT /api/import-templates',
      'PUT /api/monitoring/thresholds',
      'PUT /api/processes/{processId}/overlay',
    ]);
    expect(body.components.schemas.PersonInput.required).toEqual(['idNumber', 'name']);
    expect(body.components.schemas.CaseEvent.properties.version.minimum).toBe(1);
    expect(body.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    // The public job search: named operations that need no sign-in.
    expect(body.paths['/api/public/postings'].get).toMatchObject({ operationId: 'searchPublicPostings', security: [] });
    expect(body.paths['/api/public/postings/{id}'].get).toMatchObject({ operationId: 'getPublicPosting', security: [] });
  });

  it('names every operation once, declares its security and documents its errors with the shared error responses', async () => {
    const { body } = await t.request('GET', '/api/openapi.json');
    const operations = Object.values(body.paths as Record<string, Record<string, { operationId?: string; security?: unknown[]; responses: Record<string, { $ref?: string }> }>>).flatMap((ops) => Object.values(ops));
    const ids = operations.map((o) => o.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter((o) => !Array.isArray(o.security))).toEqual([]);
    expect(body.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(body.paths['/api/cases'].get).toMatchObject({ operationId: 'listCases', security: [{ bearer: [] }] });
    expect(body.paths['/api/cases/{id}/events'].post.operationId).toBe('sendCaseEvent');
    expect(body.paths['/api/health'].get.security).toEqual([]);
    // Every operation answers 400 (the edge checks) and 500 by reference to one component with the error body.
    expect(operations.filter((o) => o.responses['400']?.$ref !== '#/components/responses/BadRequest' || o.responses['500']?.$ref !== '#/components/responses/InternalError')).toEqual([]);
    expect(body.components.responses.NotFound.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(body.components.schemas.Error.required).toEqual(['code', 'message', 'details']);
    expect(body.components.schemas.Error.properties.code.enum).toContain('CASE_VERSION_CONFLICT');
  });

  it('checks answers against it: an undocumented status or a body off its schema fails the call', async () => {
    const checker = new ResponseChecker((await t.request('GET', '/api/openapi.json')).body);
    const health = (await t.request('GET', '/api/health')).body;
    const json = 'application/json';
    expect(() => checker.check('GET', '/api/health', 200, json, health)).not.toThrow();
    expect(() => checker.check('GET', '/api/health', 200, json, { ...health, status: 'down' })).toThrow(/GET \/api\/health: the 200 answer does not hold/);
    expect(() => checker.check('GET', '/api/health', 409, json, { code: 'CONFLICT', message: { zh: '', en: '' }, details: null })).toThrow(/answered 409, which the OpenAPI document does not list/);
    // An error answer is checked against the shared error body: a code outside the catalogue fails.
    expect(() => checker.check('GET', '/api/cases/00000000-0000-4000-8000-000000000000', 404, json, { code: 'NOT_FOUND', message: { zh: '未找到', en: 'Not found' }, details: null })).not.toThrow();
    expect(() => checker.check('GET', '/api/cases/00000000-0000-4000-8000-000000000000', 404, json, { code: 'NO_SUCH_CODE', message: { zh: '', en: '' }, details: null })).toThrow(/does not hold/);
    // A literal path is matched before a templated one: /cases/export is not /cases/{id}.
    expect(() => checker.check('GET', '/api/cases/export?format=csv', 200, 'text/csv; charset=utf-8', null)).not.toThrow();
    expect(() => checker.check('GET', '/api/cases/export', 200, json, {})).toThrow(/as application\/json, but the document says text\/csv/);
  });

  it('lets a session expire after its hours', async () => {
    const token = await t.login('caseworker');
    t.clock.set(new Date(t.clock.now().getTime() + (t.rt.config.sessionHours * 3600 + 1) * 1000).toISOString());
    const response = await t.request('GET', '/api/auth/me', { token });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH_REQUIRED');
  });

  it('signs out: the token stops working', async () => {
    const token = await t.login('caseworker');
    expect((await t.request('GET', '/api/auth/me', { token })).body.username).toBe('caseworker');
    expect((await t.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });
});
