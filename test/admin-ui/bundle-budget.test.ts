import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleReport, type BundleReport } from '../../admin-ui/bundle-size.ts';

/** Strings that survive minification and tell which library a JavaScript chunk carries. */
const HEAVY = { rjsf: 'rjsf', xyflow: 'react-flow__', elkjs: 'org.eclipse.elk', echarts: 'echarts' };

describe('admin UI bundle', () => {
  const dist = mkdtempSync(join(tmpdir(), 'ui-bundle-'));
  let report: BundleReport;
  const text = (file: string) => readFileSync(join(dist, file), 'utf8');

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: fileURLToPath(new URL('../../admin-ui/vite.config.ts', import.meta.url)), logLevel: 'silent', build: { outDir: dist } });
    report = bundleReport(dist);
  }, 120_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('loads under 500 KB of gzipped JavaScript and CSS before the first screen', () => {
    expect(report.initial.some((chunk) => chunk.file.endsWith('.js'))).toBe(true);
    expect(report.initialGzipBytes).toBeLessThan(500 * 1024);
  });

  it.each(Object.entries(HEAVY))('keeps %s out of the initial JavaScript, in a lazy chunk', (_, marker) => {
    const carries = (chunk: { file: string }) => chunk.file.endsWith('.js') && text(chunk.file).includes(marker);
    expect(report.initial.filter(carries).map((chunk) => chunk.file)).toEqual([]);
    expect(report.lazy.some(carries)).toBe(true);
  });
});
