import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../admin-ui/precompress.ts';
import { ASSET_CACHE, createServerApp } from '../../runtime/http/server-app.ts';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

/** A script big enough to be worth compressing, as a hashed build asset looks. */
const SCRIPT = `export const screens = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, title: `待办任务 ${i}` })))};\n`;
const PAGE = `<html><head><meta property="csp-nonce" nonce="PES_CSP_NONCE" /><script type="module" src="/assets/index-abc123.js"></script></head><body>${'<!-- 公共就业服务平台 -->'.repeat(80)}</body></html>`;

describe('delivery of the admin UI: compressed, hashed assets cached for a year', () => {
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
    writeFileSync(join(uiDir, 'licenses.txt'), `MIT\n${'#'.repeat(2000)}\n`);
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

  it('sends a hashed asset as brotli or gzip by Accept-Encoding, as it is without one, and caches it for a year', async () => {
    const brotli = await server.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect([brotli.status, brotli.headers.get('content-encoding'), brotli.headers.get('vary'), brotli.headers.get('cache-control')]).toEqual([200, 'br', 'Accept-Encoding', ASSET_CACHE]);
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(SCRIPT);

    // Chromium offers brotli over HTTPS only: over plain HTTP it gets gzip.
    const gzip = await server.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect([gzip.headers.get('content-encoding'), gzip.headers.get('cache-control')]).toEqual(['gzip', ASSET_CACHE]);
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await server.request('/assets/index-abc123.js');
    expect([plain.headers.get('content-encoding'), plain.headers.get('cache-control'), await plain.text()]).toEqual([null, ASSET_CACHE, SCRIPT]);
    expect(ASSET_CACHE).toBe('public, max-age=31536000, immutable');
  });

  it('sends the page compressed with its nonce and never cached; a file without a hashed name is asked for again', async () => {
    // `/` is the public site's (portal/), not the workbench's.
    for (const path of ['/index.html', '/cases/any-client-route']) {
      const page = await server.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
      expect([path, page.status, page.headers.get('content-encoding'), page.headers.get('cache-control')]).toEqual([path, 200, 'gzip', 'no-cache']);
      const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1]!;
      expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toBe(PAGE.replace('PES_CSP_NONCE', nonce));
    }
    const licenses = await server.request('/licenses.txt', { headers: { 'Accept-Encoding': 'br' } });
    expect([licenses.headers.get('content-encoding'), licenses.headers.get('cache-control')]).toEqual(['br', 'no-cache']);
  });

  it('leaves API answers uncached (no-store), whatever the UI is sent with', async () => {
    const health = await server.request('/api/health', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect([health.status, health.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });
});
