import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../runtime/http/server-app.ts';
import { captureLog } from '../../runtime/log/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { open } from '../support/steps.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

describe('the HTTP edge: input refused, headers sent, logs that keep personal data out', () => {
  let t: TestRuntime;
  let paths: { method: string; path: string }[];
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
    const document = (await t.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    paths = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, 'x') })));
  });
  afterAll(() => t.close());

  it('answers 400 to a NUL character in the query of every route, before anything else', async () => {
    // Before: a NUL byte in any query string gave a 500 (18 endpoints) and a log line with the SQL (issue 12).
    const token = await t.login('caseworker');
    for (const { method, path } of paths) {
      const response = await t.request(method, `${path}?q=a%00b`, { token });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 400, 'BAD_REQUEST']);
    }
    const inBody = await t.request('POST', '/api/persons', { token, rawBody: '{"idNumber":"350203198001010117","name":"张\\u0000三"}' });
    expect([inBody.status, inBody.body.code]).toEqual([400, 'BAD_REQUEST']);
    // A backslash followed by the letters u0000 is text, not a NUL character.
    const backslash = await t.request('POST', '/api/persons', { token, rawBody: JSON.stringify({ idNumber: citizenId('350203', '19820202', '018'), name: '张\\u0000三' }) });
    expect(backslash.status).toBe(201);
  });

  it('refuses event types and fields named as every object’s own members, writing nothing', async () => {
    // Before: event types __proto__, constructor and toString gave 500 (issue 12).
    const token = await t.login('caseworker');
    const person = await t.request('POST', '/api/persons', { token, body: { idNumber: citizenId('350203', '19800101', '017'), name: '郭平' } });
    const opened = await open(t, token, 'unemployment-registration', person.body.id);
    const before = await tableCounts(t.rt);
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const response = await t.request('POST', `/api/cases/${opened.id}/events`, { token, rawBody: JSON.stringify({ type, version: 1 }) });
      expect([type, response.status, response.body.code]).toEqual([type, 400, 'BAD_REQUEST']);
    }
    const field = await t.request('POST', `/api/cases/${opened.id}/events`, { token, rawBody: '{"type":"submit","version":1,"data":{"__proto__":{"admin":true}}}' });
    expect([field.status, field.body.code]).toEqual([400, 'BAD_REQUEST']);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('logs a failing statement by its kind and SQLSTATE only: no SQL, no ID number, no name', async () => {
    // Before: the server log printed failing SQL with its parameters, ID numbers and names included (issue 12).
    await t.rt.db.execute(sql.raw(`CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$`));
    await t.rt.db.execute(sql.raw('CREATE TRIGGER fail_persons BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION fail_insert()'));
    const lines: string[] = [];
    const release = captureLog((line) => lines.push(line));
    const idNumber = citizenId('350203', '19770707', '031');
    try {
      const response = await t.request('POST', '/api/persons', { token: await t.login('caseworker'), body: { idNumber, name: '欧阳秘' } });
      expect([response.status, response.body.code, response.body.details]).toEqual([500, 'INTERNAL_ERROR', null]);
    } finally {
      release();
      await t.rt.db.execute(sql.raw('DROP TRIGGER fail_persons ON persons'));
    }
    const error = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry['level'] === 'error');
    expect(error).toMatchObject({ msg: 'unexpected error', error: 'DrizzleQueryError', sqlState: 'P0001' });
    expect(typeof error!['requestId']).toBe('string');
    const request = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry['msg'] === 'request' && entry['status'] === 500);
    expect(request).toMatchObject({ method: 'POST', route: '/api/persons', requestId: error!['requestId'] });
    const all = lines.join('\n');
    for (const secret of [idNumber, idNumber.slice(6, 14), '欧阳秘', 'insert into', 'disk full']) expect(all).not.toContain(secret);
  });

  it('sends a nonce CSP without unsafe-inline and the other headers on the UI, and no-store on every API answer', async () => {
    // Before: no security headers on / or /api (issue 12).
    const uiDir = mkdtempSync(join(tmpdir(), 'pes-ui-'));
    writeFileSync(join(uiDir, 'index.html'), '<html><head><meta property="csp-nonce" nonce="PES_CSP_NONCE" /></head><body></body></html>');
    writeFileSync(join(uiDir, 'app.js'), 'export {};');
    const server = createServerApp(t.rt, uiDir);
    try {
      // The workbench's page and another of its client routes, each with a nonce of its own (the public site's policy is tested in test/portal/).
      const pages = [await server.request('/admin/'), await server.request('/admin/cases/any-client-route')];
      const nonces = [];
      for (const page of pages) {
        const policy = page.headers.get('content-security-policy')!;
        const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
        nonces.push(nonce);
        expect(await page.text()).toContain(`nonce="${nonce}"`);
        expect(policy).toContain("script-src 'self' 'unsafe-eval';");
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).not.toContain('unsafe-inline');
        expect([page.headers.get('x-content-type-options'), page.headers.get('x-frame-options'), page.headers.get('referrer-policy'), page.headers.get('cache-control')]).toEqual(['nosniff', 'DENY', 'no-referrer', 'no-cache']);
      }
      expect(new Set(nonces).size).toBe(2);
      for (const path of ['/admin/app.js', '/admin-links.js']) expect((await server.request(path)).headers.get('x-content-type-options')).toBe('nosniff');

      const token = await t.login('caseworker');
      const person = await t.request('POST', '/api/persons', { token, body: { idNumber: citizenId('350203', '19810303', '012'), name: '田雨' } });
      for (const path of [`/api/persons/${person.body.id}`, '/api/persons', '/api/no-such-route']) {
        const response = await server.request(path, { headers: { Authorization: `Bearer ${token}` } });
        expect([path, response.headers.get('cache-control'), response.headers.get('content-security-policy'), response.headers.get('x-content-type-options'), response.headers.get('x-frame-options')]).toEqual([path, 'no-store', "default-src 'none'; frame-ancestors 'none'", 'nosniff', 'DENY']);
      }
    } finally {
      rmSync(uiDir, { recursive: true, force: true });
    }
  });
});
