import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface Import {
  target: string;
  /** `import type` / `export type`: erased when compiled, so no code crosses the boundary. */
  typeOnly: boolean;
}

/** Relative imports of every source file, resolved to repository paths. */
function importGraph(folders: string[]): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const file of folders.flatMap(sourceFiles)) {
    const text = readFileSync(join(root, file), 'utf8');
    const imports = [...text.matchAll(IMPORT)].filter((m) => m[2]!.startsWith('.'));
    graph.set(file, imports.map((m) => ({ target: relative(root, resolve(root, dirname(file), m[2]!)), typeOnly: m[1] !== undefined })));
  }
  return graph;
}

const layers = ['engine', 'plugins', 'forms', 'runtime', 'portal', 'admin-ui/src', 'client'];
const graph = importGraph(layers);
const topFolder = (path: string) => (path.startsWith('admin-ui') ? 'admin-ui' : path.split('/')[0]!);

/**
 * The folder a file belongs to, as a unit of the layout: the first folder below its layer, with
 * its subfolders (`runtime/db` with its schema and its two backends, which implement the interface
 * its index hands out; `runtime/http` with its routes). A file at the top of a layer is a unit of
 * its own: `runtime/` holds both the context every service takes (`runtime-context.ts`) and the
 * start-up that builds it from every service (`startup.ts`), `admin-ui/src` both the API client
 * every screen calls and the App that routes to every screen.
 */
function folderOf(path: string): string {
  const layer = layers.find((name) => path.startsWith(`${name}/`));
  if (!layer) return path;
  const [first, ...rest] = path.slice(layer.length + 1).split('/');
  return rest.length === 0 ? path : `${layer}/${first}`;
}

/** Every file under a folder, relative to the repository. */
function allFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    return statSync(join(root, path)).isDirectory() ? allFiles(path) : [path];
  });
}

describe('architecture', () => {
  it('keeps process packages pure data: only plugin.json and flow JSON under plugins/', () => {
    const files = allFiles('plugins');
    expect(files.filter((file) => !/\/(plugin\.json|[a-z][a-z0-9-]*\.flow\.json)$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('plugin.json')).length).toBeGreaterThan(0);
  });

  it('names no process of any package in the runtime: shared features read what the manifests declare', () => {
    const processIds = allFiles('plugins')
      .filter((file) => file.endsWith('.flow.json'))
      .map((file) => (JSON.parse(readFileSync(join(root, file), 'utf8')) as { id: string }).id);
    // The demo story is sample data told through the standard processes, like a test fixture: it is not a feature of the runtime.
    const demoStory = 'runtime/seed/demo-scenes/';
    // The post catalogue's 职业介绍岗 is coded `job-referral`, like the process its holders work on: a post, not a process.
    const postCatalogue = 'runtime/seed/org-tree.ts';
    const quoted = new RegExp(`['"\`](${processIds.join('|')})['"\`]`);
    const naming = sourceFiles('runtime').filter((file) => !file.startsWith(demoStory) && file !== postCatalogue && quoted.test(readFileSync(join(root, file), 'utf8')));
    expect(processIds.length).toBeGreaterThan(10);
    expect(naming).toEqual([]);
  });

  it('keeps the dependency direction: engine and forms import no runtime or UI; plugins only engine and forms; the UI only the engine types and the API client; the public site only the runtime it reads from; the client nothing of the project', () => {
    const allowed: Record<string, string[]> = {
      engine: ['engine', 'forms'],
      forms: ['forms'],
      plugins: ['plugins', 'engine', 'forms'],
      // The server mounts the public site; the site reads public postings, divisions and code tables from the runtime.
      runtime: ['runtime', 'engine', 'forms', 'plugins', 'portal'],
      portal: ['portal', 'runtime'],
      // The UI calls the API through the typed client generated from the OpenAPI document.
      'admin-ui': ['admin-ui', 'forms', 'client'],
      // A package of its own, published to other systems: it carries nothing of the platform.
      client: ['client'],
    };
    // The client's generator builds the OpenAPI document from the server's routes; it is a script of the repository, not shipped in the package.
    const buildScripts: Record<string, string[]> = { 'client/generate.ts': ['runtime'] };
    // The UI reads definitions, locks and findings in the engine's shapes, but carries none of its code.
    const allowedTypes: Record<string, string[]> = { 'admin-ui': ['engine'] };
    const permits = (file: string, { target, typeOnly }: Import) =>
      allowed[topFolder(file)]!.includes(topFolder(target)) ||
      (buildScripts[file] ?? []).includes(topFolder(target)) || (typeOnly && (allowedTypes[topFolder(file)] ?? []).includes(topFolder(target)));
    const violations = [...graph].flatMap(([file, imports]) =>
      imports.filter((entry) => !permits(file, entry)).map(({ target }) => `${file} -> ${target}`),
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
      for (const { target } of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('has no cycles between folders', () => {
    // Type-only imports count: a folder that names another's types is built against it, and a
    // cycle of types is a cycle of what must change together.
    const edges = new Map<string, Map<string, string>>();
    for (const [file, imports] of graph) {
      for (const { target } of imports) {
        const from = folderOf(file);
        const to = folderOf(target);
        if (from === to) continue;
        if (!edges.has(from)) edges.set(from, new Map());
        // One import that makes the edge, to name in a failure.
        if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, file);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (folder: string, trail: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'visiting') {
        const loop = [...trail.slice(trail.indexOf(folder)), folder];
        cycles.push(loop.map((step, i) => (i === 0 ? step : `${step} (${edges.get(loop[i - 1]!)!.get(step)})`)).join(' -> '));
        return;
      }
      state.set(folder, 'visiting');
      for (const next of edges.get(folder)?.keys() ?? []) visit(next, [...trail, folder]);
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
