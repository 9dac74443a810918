import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, SERVER_UNREACHABLE, unwrap } from '../../client/index.ts';
import { generateSchema, SCHEMA_FILE } from '../../client/generate.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

describe('typed client (client/)', () => {
  it('is generated from the OpenAPI document the server serves now: run npm run client:generate when this fails', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const current = await generateSchema();
    // Compared as booleans first so a failure names the fix rather than printing 14,000 lines.
    expect(committed === current, 'client/schema.d.ts lags the OpenAPI document: run npm run client:generate').toBe(true);
  });

  describe('against the API', () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await createTestRuntime('pglite');
    });
    afterAll(() => t.close());

    const platform = (token?: string) => createClient('http://platform.test', { token, fetch: (request) => Promise.resolve(t.app.request(request, undefined, { incoming: { socket: { remoteAddress: '127.0.0.1' } } })) });

    it('signs in and reads typed answers with the bearer token', async () => {
      const { token, user } = await unwrap(platform().POST('/api/auth/login', { body: { username: 'caseworker', password: 'demo' } }));
      expect(user.role).toBe('caseworker');
      const me = await unwrap(platform(token).GET('/api/auth/me'));
      expect(me.username).toBe('caseworker');
      const cases = await unwrap(platform(token).GET('/api/cases', { params: { query: { pageSize: 2 } } }));
      expect(cases.items.length).toBeLessThanOrEqual(2);
      expect(cases.total).toBeGreaterThanOrEqual(cases.items.length);
    });

    it('turns a refusal into an ApiError with the status, code and bilingual message', async () => {
      const refused = await unwrap(platform().GET('/api/auth/me')).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      const { status, body } = refused as ApiError;
      expect(status).toBe(401);
      expect(body.code).toBe('AUTH_REQUIRED');
      expect(body.message.zh.length).toBeGreaterThan(0);
      expect(body.message.en.length).toBeGreaterThan(0);
    });
  });

  it('reports a failed network, and an answer that is not the platform\'s (a proxy\'s page), as SERVER_UNREACHABLE with the status seen', async () => {
    const offline = createClient('http://platform.test', { fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const lost = (await unwrap(offline.GET('/api/health')).catch((error: unknown) => error)) as ApiError;
    expect([lost.status, lost.body.code]).toEqual([0, SERVER_UNREACHABLE]);

    const proxied = createClient('http://platform.test', { fetch: () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })) });
    const gateway = (await unwrap(proxied.GET('/api/health')).catch((error: unknown) => error)) as ApiError;
    expect([gateway.status, gateway.body.code]).toEqual([502, SERVER_UNREACHABLE]);
  });

  it('asks a token function before every call, so a session that signs in later is used', async () => {
    let token: string | null = null;
    const seen: (string | null)[] = [];
    const client = createClient('http://platform.test', {
      token: () => token,
      fetch: (request) => {
        seen.push(request.headers.get('authorization'));
        return Promise.resolve(Response.json({ status: 'ok' }));
      },
    });
    await client.GET('/api/health');
    token = 'abc';
    await client.GET('/api/health');
    expect(seen).toEqual([null, 'Bearer abc']);
  });
});
