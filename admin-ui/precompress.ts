import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What is worth compressing: text the server sends as it is (`index.html` is sent per request, with its nonce, and compressed then). */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|map)$/;
/** Smaller files gain nothing a header does not cost again. */
export const COMPRESS_THRESHOLD = 1024;

/** Brotli at its highest quality: written once at build time, downloaded by every browser. */
export function brotliOf(content: Uint8Array): Promise<Buffer> {
  return brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
}

/** Gzip at level 9, for browsers that do not offer brotli (Chromium offers it over HTTPS only). */
export function gzipOf(content: Uint8Array): Promise<Buffer> {
  return gzipped(content, { level: 9 });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a build, so the server sends
 * the smaller one a browser accepts without compressing anything per request; returns the files compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = filesUnder(dir).filter((path) => COMPRESSIBLE.test(path) && statSync(path).size >= COMPRESS_THRESHOLD);
  await Promise.all(
    files.map(async (path) => {
      const content = readFileSync(path);
      const [br, gz] = await Promise.all([brotliOf(content), gzipOf(content)]);
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gz);
    }),
  );
  return files;
}

/** The Vite plugin that precompresses the build it has just written. */
export function precompress(): Plugin {
  return {
    name: 'pes-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (options.dir) await precompressDir(options.dir);
    },
  };
}
