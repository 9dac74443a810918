import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ADMIN_BASE } from '../runtime/http/admin-base.ts';
import { COMPRESS_THRESHOLD } from './precompress.ts';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** What a browser that offers brotli downloads: the `.br` the build writes beside the file (same quality), or the file when too small to compress. */
  brotliBytes: number;
}

export interface BundleReport {
  /** What the browser loads before the first screen: the entry script, its preloaded imports and the CSS. */
  initial: ChunkSize[];
  /** Chunks loaded only when a screen asks for them. */
  lazy: ChunkSize[];
  initialGzipBytes: number;
  /** The first screen's transfer size over HTTPS, where browsers offer brotli. */
  initialBrotliBytes: number;
}

/** The size of the compressed copy the build wrote beside a file (precompress.ts), else of compressing it now the same way. */
function compressedSize(path: string, suffix: '.br' | '.gz', compress: () => Buffer): number {
  return existsSync(`${path}${suffix}`) ? statSync(`${path}${suffix}`).size : compress().length;
}

function size(dir: string, file: string): ChunkSize {
  const path = join(dir, file);
  const content = readFileSync(path);
  if (content.length < COMPRESS_THRESHOLD) return { file, bytes: content.length, gzipBytes: content.length, brotliBytes: content.length };
  const brotliBytes = compressedSize(path, '.br', () => brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
  return { file, bytes: content.length, gzipBytes: compressedSize(path, '.gz', () => gzipSync(content, { level: 9 })), brotliBytes };
}

/** Reads a Vite build: the files `index.html` references are the initial load; every other script is lazy. */
export function bundleReport(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // Addressed under the workbench's base (`/admin/assets/…`): a build still addressing `/assets/` counts no initial load, and the budget test fails.
  const referenced = [...html.matchAll(new RegExp(`(?:src|href)="${ADMIN_BASE}(assets/[^"]+\\.(?:js|css))"`, 'g'))].map((found) => found[1]!);
  const scripts = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const initial = referenced.map((file) => size(distDir, file));
  const lazy = scripts.filter((file) => !referenced.includes(file)).map((file) => size(distDir, file)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initial, lazy, initialGzipBytes: initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0), initialBrotliBytes: initial.reduce((sum, chunk) => sum + chunk.brotliBytes, 0) };
}

/** The most the first screen (the sign-in page; the signed-in frame is lazy) may transfer, compressed as the server sends it; a test keeps it. */
export const BUDGET_KB = 250;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// `npm run ui:size`: build, then print the initial load and the lazy chunks.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build } = await import('vite');
  const dist = fileURLToPath(new URL('./dist', import.meta.url));
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), logLevel: 'warn' });
  const report = bundleReport(dist);
  const line = (chunk: ChunkSize) => `  ${chunk.file.padEnd(48)} ${kb(chunk.bytes).padStart(10)}  brotli ${kb(chunk.brotliBytes).padStart(9)}  gzip ${kb(chunk.gzipBytes).padStart(9)}`;
  console.log('initial load (as sent: brotli quality 11 over HTTPS, gzip level 9 otherwise):');
  for (const chunk of report.initial) console.log(line(chunk));
  console.log(`  total brotli ${kb(report.initialBrotliBytes)} (budget ${BUDGET_KB} KB), gzip ${kb(report.initialGzipBytes)}`);
  console.log('lazy chunks:');
  for (const chunk of report.lazy) console.log(line(chunk));
}
