import type { PluginManifest } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { packages } from '../db/schema/index.ts';
import { packageFromManifest } from './package-folder.ts';

/** `1.10.0` after `1.9.2`: semver core versions compared part by part. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (pa![i] !== pb![i]) return pa![i]! - pb![i]!;
  return 0;
}

/** The newest installed version of each package, as the platform runs it. */
export async function installedPackages(db: Executor): Promise<PluginManifest[]> {
  const rows = await db.select({ manifest: packages.manifest, flows: packages.flows }).from(packages);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = newest.get(row.manifest.id);
    if (!seen || compareVersions(row.manifest.version, seen.manifest.version) > 0) newest.set(row.manifest.id, row);
  }
  return [...newest.values()].map(({ manifest, flows }) => packageFromManifest(manifest, manifest.processes.map((file) => flows[file])));
}

/** The shipped packages with each one an administrator installed in a newer version replaced by it (or added). */
export function withInstalled(shipped: readonly PluginManifest[], installed: readonly PluginManifest[]): PluginManifest[] {
  const byId = new Map(shipped.map((plugin) => [plugin.id, plugin]));
  for (const plugin of installed) {
    const current = byId.get(plugin.id);
    if (!current || compareVersions(plugin.version, current.version) > 0) byId.set(plugin.id, plugin);
  }
  return [...byId.values()];
}
