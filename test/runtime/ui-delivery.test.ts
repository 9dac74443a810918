import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../admin-ui/precompress.ts';
import { ASSET_CACHE, createServerApp } from '../../runtime/http/server-app.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

/** A script big enough to be worth compressing, as a hashed build asset looks. */
const SCRIPT = `export const screens = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, title: `待办任务 ${i}` })))};\n`;
const PAGE = `<html><head><meta property="csp-nonce" nonce="PES_CSP_NONCE" /><script type="module" src="/admin/assets/index-abc123.js"></script></head><body>${'<!-- 公共就业服务平台 -->'.repeat(80)}</body></html>`;

describe('delivery of the admin UI at /admin/: compressed, hashed assets cached for a year', () => {
  let t: TestRuntime;
  let uiDir: string;
  let server: ReturnType<typeof createServerApp>;
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
    uiDir = mkdtempSync(join(tmpdir(), 'pes-ui-delivery-'));
    mkdirSync(join(uiDir, 'assets'));
    writeFileSync(join(uiDir, 'index.html'), PAGE);
    writeFileSync(join(uiDir, 'assets/index-abc123.js'), SCRIPT);
    writeFileSync(join(uiDir, 'assets/tiny-def456.js'), 'export {};');
    writeFileSync(join(uiDir, 'robots.txt'), `User-agent: *\nDisallow: /\n${'#'.repeat(2000)}\n`);
    await precompressDir(uiDir);
    server = createServerApp(t.rt, uiDir);
  });
  afterAll(async () => {
    rmSync(uiDir, { recursive: true, force: true });
    await t.close();
  });

  it('writes .br and .gz beside each compressible file of a build, none beside a file too small to gain', () => {
    const script = readFileSync(join(uiDir, 'assets/index-abc123.js'));
    expect(brotliDecompressSync(readFileSync(join(uiDir, 'assets/index-abc123.js.br')))).toEqual(script);
    expect(gunzipSync(readFileSync(join(uiDir, 'assets/index-abc123.js.gz')))).toEqual(script);
    expect(readFileSync(join(uiDir, 'assets/index-abc123.js.br')).length).toBeLessThan(script.length / 4);
    expect(existsSync(join(uiDir, 'assets/tiny-def456.js.br'))).toBe(false);
    // The page is sent per request with its nonce, and compressed then: nothing is written beside it.
    expect(existsSync(join(uiDir, 'index.html.br'))).toBe(false);
  });

  it('sends a hashed asset under /admin/assets/ as brotli or gzip by Accept-Encoding, as it is without one, and caches it for a year', async () => {
    const brotli = await server.request('/admin/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect([brotli.status, brotli.headers.get('content-encoding'), brotli.headers.get('vary'), brotli.headers.get('cache-control')]).toEqual([200, 'br', 'Accept-Encoding', ASSET_CACHE]);
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(SCRIPT);

    // Chromium offers brotli over HTTPS only: over plain HTTP it gets gzip.
    const gzip = await server.request('/admin/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect([gzip.headers.get('content-encoding'), gzip.headers.get('cache-control')]).toEqual(['gzip', ASSET_CACHE]);
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await server.request('/admin/assets/index-abc123.js');
    expect([plain.headers.get('content-encoding'), plain.headers.get('cache-control'), await plain.text()]).toEqual([null, ASSET_CACHE, SCRIPT]);
    expect(ASSET_CACHE).toBe('public, max-age=31536000, immutable');
  });

  it('sends the page compressed with its nonce and never cached; a file without a hashed name is asked for again', async () => {
    for (const path of ['/admin/', '/admin/cases/any-client-route']) {
      const page = await server.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
      expect([path, page.status, page.headers.get('content-encoding'), page.headers.get('cache-control')]).toEqual([path, 200, 'gzip', 'no-cache']);
      const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1]!;
      expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toBe(PAGE.replace('PES_CSP_NONCE', nonce));
    }
    const robots = await server.request('/admin/robots.txt', { headers: { 'Accept-Encoding': 'br' } });
    expect([robots.headers.get('content-encoding'), robots.headers.get('cache-control')]).toEqual(['br', 'no-cache']);
  });

  it('sends /admin, /admin/index.html and the old /index.html to /admin/ (301, the query kept; a browser keeps the hash)', async () => {
    // Before: /index.html was the UI itself, /admin was the UI's page for any other path.
    for (const [path, location] of [['/admin', '/admin/'], ['/admin?lang=en', '/admin/?lang=en'], ['/admin/index.html', '/admin/'], ['/index.html', '/admin/']]) {
      const response = await server.request(path!);
      expect([path, response.status, response.headers.get('location')]).toEqual([path, 301, location]);
    }
  });

  it('serves nothing of the admin UI outside /admin/: / is the public home with the old-links script, other paths are not found', async () => {
    const home = await server.request('/');
    const html = await home.text();
    expect([home.status, home.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(html).not.toContain('/admin/assets/');
    expect(html).toContain('<script src="/admin-links.js"></script>');
    expect(html).toContain('href="/admin/"');
    expect(home.headers.get('content-security-policy')).not.toContain('unsafe-inline');

    for (const path of ['/assets/index-abc123.js', '/cases/any-client-route']) {
      const response = await server.request(path);
      expect([path, response.status, response.headers.get('cache-control'), response.headers.get('content-type')]).toEqual([path, 404, 'no-cache', 'text/html; charset=UTF-8']);
      expect(await response.text()).toContain('Page not found');
    }
  });

  it('serves /admin-links.js, which sends a bookmark of the old workbench (/#/…) to /admin/ with its hash and leaves a page anchor alone', async () => {
    const response = await server.request('/admin-links.js');
    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'no-cache']);
    const script = await response.text();
    const opened = (hash: string) => {
      const replaced: string[] = [];
      runInNewContext(script, { window: { location: { hash, replace: (to: string) => replaced.push(to) } } });
      return replaced;
    };
    expect(opened('#/cases/7d0c2b7e-0000-4000-8000-000000000001')).toEqual(['/admin/#/cases/7d0c2b7e-0000-4000-8000-000000000001']);
    expect(opened('#/dashboard?tab=market&unit=350203')).toEqual(['/admin/#/dashboard?tab=market&unit=350203']);
    expect(opened('#main')).toEqual([]);
    expect(opened('')).toEqual([]);
  });

  it('leaves API answers uncached (no-store), whatever the UI is sent with', async () => {
    const health = await server.request('/api/health', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect([health.status, health.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });
});
