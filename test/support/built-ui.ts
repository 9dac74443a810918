import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A production build of the admin UI for the tests that need one, and how to let it go. */
export interface BuiltUi {
  dir: string;
  release: () => void;
}

/**
 * `npm test` builds the UI once before its stages and names the directory in `TEST_UI_DIR`: the bundle
 * budget and the browser tests read that one build. A file run on its own builds its own, into a
 * temporary directory it removes afterwards.
 */
export async function builtUi(): Promise<BuiltUi> {
  const shared = process.env['TEST_UI_DIR'];
  if (shared) return { dir: shared, release: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'pes-ui-'));
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../admin-ui/vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir: dir } });
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}
