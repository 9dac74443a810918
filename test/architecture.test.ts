import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Relative imports of every source file, resolved to repository paths. */
function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap(sourceFiles)) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => m[1]!).filter((spec) => spec.startsWith('.'));
    graph.set(file, targets.map((spec) => relative(root, resolve(root, dirname(file), spec))));
  }
  return graph;
}

const graph = importGraph(['engine', 'plugins', 'forms', 'runtime', 'admin-ui/src']);
const topFolder = (path: string) => (path.startsWith('admin-ui') ? 'admin-ui' : path.split('/')[0]!);

describe('architecture', () => {
  it('keeps the dependency direction: engine and forms import no runtime or UI; plugins only engine and forms', () => {
    const allowed: Record<string, string[]> = {
      engine: ['engine', 'forms'],
      forms: ['forms'],
      plugins: ['plugins', 'engine', 'forms'],
      runtime: ['runtime', 'engine', 'forms', 'plugins'],
      'admin-ui': ['admin-ui', 'forms'],
    };
    const violations = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => !allowed[topFolder(file)]!.includes(topFolder(target))).map((target) => `${file} -> ${target}`),
    );
    expect(violations).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
