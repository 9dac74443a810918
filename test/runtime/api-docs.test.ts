import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

describe('the API reference at /api/docs', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
  });
  afterAll(() => t.close());

  it('answers, without signing in, a page that loads its script from this origin and reads /api/openapi.json', async () => {
    const response = await t.app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('<script src="/api/docs/redoc.standalone.js"></script>');
    expect(page).toContain('spec-url="/api/openapi.json"');
    expect(page).not.toMatch(/<script>|https?:\/\//);
    // Scripts from this origin only; inline styles only (Redoc's bundle adds its <style> elements as it loads).
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy.match(/unsafe-inline/g)).toHaveLength(1);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    // Asked for again each time, unlike its script.
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the script from the redoc package, as JavaScript', async () => {
    const response = await t.app.request('/api/docs/redoc.standalone.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await response.text()).length).toBeGreaterThan(500_000);
  });

  it('keeps the data API under its own policy: nothing there is a page', async () => {
    const response = await t.app.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
