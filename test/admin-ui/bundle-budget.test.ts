import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_KB, bundleReport, type BundleReport } from '../../admin-ui/bundle-size.ts';
import { COMPRESS_THRESHOLD } from '../../admin-ui/precompress.ts';

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
  }, 300_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it(`transfers under ${BUDGET_KB} KB of compressed JavaScript and CSS before the first screen, as the build wrote them to be sent`, () => {
    expect(report.initial.some((chunk) => chunk.file.endsWith('.js'))).toBe(true);
    expect(report.initialBrotliBytes).toBeLessThan(BUDGET_KB * 1024);
    // What the server sends is the .br and .gz the build wrote beside each file: the sizes counted are theirs.
    for (const chunk of report.initial.filter((each) => each.bytes >= COMPRESS_THRESHOLD)) {
      expect([chunk.file, brotliDecompressSync(readFileSync(join(dist, `${chunk.file}.br`))).length]).toEqual([chunk.file, chunk.bytes]);
      expect([chunk.file, statSync(join(dist, `${chunk.file}.br`)).size]).toEqual([chunk.file, chunk.brotliBytes]);
    }
  });

  it.each(Object.entries(HEAVY))('keeps %s out of the initial JavaScript, in a lazy chunk', (_, marker) => {
    const carries = (chunk: { file: string }) => chunk.file.endsWith('.js') && text(chunk.file).includes(marker);
    expect(report.initial.filter(carries).map((chunk) => chunk.file)).toEqual([]);
    expect(report.lazy.some(carries)).toBe(true);
  });
});
