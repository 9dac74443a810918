import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** A production build of the admin UI for the tests that need one, and how to let it go. */
export interface BuiltUi {
  dir: string;
  release: () => void;
}

/**
 * `npm test` builds the UI once before its stages and names the directory in `TEST_UI_DIR`: the bundle
 * budget and the browser tests read that one build. A file run on its own builds its own, into a
 * temporary directory it removes afterwards, with the same command in a process of its own: built inside
 * vitest, whose `NODE_ENV` is `test`, React and antd would come out in their development builds (about
 * 53 KB more compressed before the first screen), which is not what is served.
 */
export async function builtUi(): Promise<BuiltUi> {
  const shared = process.env['TEST_UI_DIR'];
  if (shared) return { dir: shared, release: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'pes-ui-'));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { NODE_ENV: _vitests, ...env } = process.env;
  await promisify(execFile)(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'admin-ui/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, env });
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}
