import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What the admin UI is built from: its sources, the shared forms, the installed packages, and what builds antd's first-screen styles. */
const UI_SOURCES = ['admin-ui/src', 'admin-ui/index.html', 'admin-ui/vite.config.ts', 'admin-ui/antd-style-sheet.ts', 'admin-ui/antd-specimens.tsx', 'runtime/http/admin-base.ts', 'forms', 'package-lock.json'].map((path) => join(root, path));

/** The latest modification time under `paths` (files, or directories walked whole); 0 when none exist. */
export function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Whether the build in `uiDir` is missing or older than any of `sources`. */
export function uiBuildIsStale(uiDir: string, sources: readonly string[] = UI_SOURCES): boolean {
  const index = join(uiDir, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestChange(sources);
}

/**
 * Builds the admin UI with Vite into `uiDir` when it is missing or older than its sources, so
 * `npm start` alone, also after an update, serves the UI of the code it runs.
 */
export async function ensureUiBuilt(uiDir: string, progress: (message: string) => void): Promise<void> {
  if (!uiBuildIsStale(uiDir)) return;
  progress('构建管理界面 building the admin UI with Vite…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'admin-ui/vite.config.ts'), logLevel: 'warn', build: { outDir: uiDir } });
}
