import { count } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { packages } from '../db/schema/index.ts';
import { installedPackages, loadPlugins, readPackages, withInstalled, type PluginRegistry } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** How long a process trusts that no other process has installed a package version, in ms. */
export const INSTALL_CHECK_MS = 1000;

/** For a registry: how many package versions the database held when it was built or last found unchanged, and when that was. */
const known = new WeakMap<PluginRegistry, { versions: number; checkedAt: number }>();

async function installedVersions(db: Executor): Promise<number> {
  const [row] = await db.select({ versions: count() }).from(packages);
  return row!.versions;
}

/** Records that `registry` runs every one of the `versions` package versions installed so far. */
export function registryRuns(registry: PluginRegistry, versions: number): void {
  known.set(registry, { versions, checkedAt: Date.now() });
}

/** The registry a process starts with: the shipped packages, each replaced by a newer installed version. */
export async function loadInstalledRegistry(db: Executor): Promise<PluginRegistry> {
  const versions = await installedVersions(db);
  const registry = loadPlugins(withInstalled(readPackages(), await installedPackages(db)));
  registryRuns(registry, versions);
  return registry;
}

/**
 * A package version another process installed reaches this one within {@link INSTALL_CHECK_MS}:
 * at most that often the installed versions are counted (a version is only ever added), and when
 * the count moved, the registry is loaded again as at start-up. A registry not loaded from the
 * database (a test's or a benchmark's own packages) is left as it is.
 */
export async function refreshRegistry(rt: RuntimeContext): Promise<void> {
  const seen = known.get(rt.registry);
  if (!seen || Date.now() - seen.checkedAt < INSTALL_CHECK_MS) return;
  // Taken before the count is awaited: requests arriving meanwhile do not count (and reload) again.
  seen.checkedAt = Date.now();
  const versions = await installedVersions(rt.db);
  if (versions === seen.versions) return;
  rt.registry = await loadInstalledRegistry(rt.db);
}
