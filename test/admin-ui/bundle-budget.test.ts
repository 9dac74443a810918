import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_KB, bundleReport, type BundleReport } from '../../admin-ui/bundle-size.ts';
import { COMPRESS_THRESHOLD } from '../../admin-ui/precompress.ts';
import { builtUi, type BuiltUi } from '../support/built-ui.ts';

/** Strings that survive minification and tell which library a JavaScript chunk carries. */
const HEAVY = { rjsf: 'rjsf', xyflow: 'react-flow__', elkjs: 'org.eclipse.elk', echarts: 'echarts' };
/** Class names only the signed-in frame's code writes: the inbox's claim filter and the frame's layout. */
const SIGNED_IN = { inbox: 'cw-claim-filter', frame: 'app-layout' };

describe('admin UI bundle', () => {
  let ui: BuiltUi;
  let report: BundleReport;
  const text = (file: string) => readFileSync(join(ui.dir, file), 'utf8');

  beforeAll(async () => {
    ui = await builtUi();
    report = bundleReport(ui.dir);
  }, 300_000);
  afterAll(() => ui?.release());

  it(`transfers under ${BUDGET_KB} KB of compressed JavaScript and CSS before the first screen, as the build wrote them to be sent`, () => {
    expect(report.initial.some((chunk) => chunk.file.endsWith('.js'))).toBe(true);
    expect(report.initialBrotliBytes).toBeLessThan(BUDGET_KB * 1024);
    // What the server sends is the .br and .gz the build wrote beside each file: the sizes counted are theirs.
    for (const chunk of report.initial.filter((each) => each.bytes >= COMPRESS_THRESHOLD)) {
      expect([chunk.file, brotliDecompressSync(readFileSync(join(ui.dir, `${chunk.file}.br`))).length]).toEqual([chunk.file, chunk.bytes]);
      expect([chunk.file, statSync(join(ui.dir, `${chunk.file}.br`)).size]).toEqual([chunk.file, chunk.brotliBytes]);
    }
  });

  it.each(Object.entries(HEAVY))('keeps %s out of the initial JavaScript, in a lazy chunk', (_, marker) => {
    const carries = (chunk: { file: string }) => chunk.file.endsWith('.js') && text(chunk.file).includes(marker);
    expect(report.initial.filter(carries).map((chunk) => chunk.file)).toEqual([]);
    expect(report.lazy.some(carries)).toBe(true);
  });

  // The sign-in page is the first screen of every visit that has no sign-in kept: it loads none of what follows it.
  it.each(Object.entries(SIGNED_IN))('keeps the signed-in %s out of the initial JavaScript, in a lazy chunk', (_, marker) => {
    const carries = (chunk: { file: string }) => chunk.file.endsWith('.js') && text(chunk.file).includes(marker);
    expect(report.initial.filter(carries).map((chunk) => chunk.file)).toEqual([]);
    expect(report.lazy.some(carries)).toBe(true);
  });
});
