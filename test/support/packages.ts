import type { PluginManifest } from '../../engine/index.ts';
import { readPackages } from '../../runtime/plugins/index.ts';

/** The ministry's standard packages as the runtime finds them (plugins/<folder>/plugin.json). */
export const plugins: readonly PluginManifest[] = readPackages();

/** One standard package by id. */
export function ministryPackage(id: string): PluginManifest {
  const found = plugins.find((plugin) => plugin.id === id);
  if (!found) throw new Error(`no package ${id}`);
  return found;
}
