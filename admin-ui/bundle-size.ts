import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  /** What the browser loads before the first screen: the entry script, its preloaded imports and the CSS. */
  initial: ChunkSize[];
  /** Chunks loaded only when a screen asks for them. */
  lazy: ChunkSize[];
  initialGzipBytes: number;
}

function size(dir: string, file: string): ChunkSize {
  const content = readFileSync(join(dir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Reads a Vite build: the files `index.html` references are the initial load; every other script is lazy. */
export function bundleReport(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((found) => found[1]!);
  const scripts = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const initial = referenced.map((file) => size(distDir, file));
  const lazy = scripts.filter((file) => !referenced.includes(file)).map((file) => size(distDir, file)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initial, lazy, initialGzipBytes: initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// `npm run ui:size`: build, then print the initial load and the lazy chunks.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build } = await import('vite');
  const dist = fileURLToPath(new URL('./dist', import.meta.url));
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), logLevel: 'warn' });
  const report = bundleReport(dist);
  console.log('initial load (gzip level 9):');
  for (const chunk of report.initial) console.log(`  ${chunk.file.padEnd(48)} ${kb(chunk.bytes).padStart(10)}  gzip ${kb(chunk.gzipBytes)}`);
  console.log(`  total gzip ${kb(report.initialGzipBytes)} (budget 500 KB)`);
  console.log('lazy chunks:');
  for (const chunk of report.lazy) console.log(`  ${chunk.file.padEnd(48)} ${kb(chunk.bytes).padStart(10)}  gzip ${kb(chunk.gzipBytes)}`);
}
