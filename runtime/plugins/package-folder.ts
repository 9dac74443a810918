import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlatformError, parsePackageManifest, type PackageManifest, type PluginManifest } from '../../engine/index.ts';
import { EXTENSIONS_VERSION, standardExtensions } from '../extensions/index.ts';

/** Where the ministry's standard packages are kept: one folder each, holding `plugin.json`. */
export const STANDARD_PACKAGES = resolve(import.meta.dirname, '../../plugins');

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PlatformError('PLUGIN_INVALID', { details: [{ path, message: { 'zh-CN': '文件无法读取或不是合法的 JSON', en: error instanceof Error ? error.message : String(error) } }] });
  }
}

/**
 * A package as the platform runs it: the validated manifest, the definitions it names, and the
 * runtime's extension catalogue as its implementations. Refuses a package written for a later
 * catalogue than this runtime has.
 */
export function packageFromManifest(manifest: PackageManifest, definitions: readonly unknown[]): PluginManifest {
  if (manifest.extensions > EXTENSIONS_VERSION) {
    throw new PlatformError('PLUGIN_INVALID', {
      details: [{ path: 'extensions', message: { 'zh-CN': `该插件包需要第 ${manifest.extensions} 版扩展目录，本系统为第 ${EXTENSIONS_VERSION} 版`, en: `The package needs extension catalogue ${manifest.extensions}; this runtime has ${EXTENSIONS_VERSION}` } }],
    });
  }
  const { $schema: _schema, processes: _files, extensions: _extensions, codeTables: _codeTables, ...declared } = manifest;
  return { ...declared, definitions, implementations: standardExtensions };
}

/** Reads one package folder: `plugin.json` and the flows it lists. */
export function readPackage(folder: string): PluginManifest {
  const manifest = parsePackageManifest(readJson(join(folder, 'plugin.json')));
  return packageFromManifest(manifest, manifest.processes.map((file) => readJson(join(folder, file))));
}

/**
 * Every package under `root`, found by its manifest: a folder with a `plugin.json` is a
 * package, whatever its name, and nothing else is. In folder-name order, so every start loads
 * them alike.
 */
export function readPackages(root: string = STANDARD_PACKAGES): PluginManifest[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'plugin.json')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => readPackage(join(root, name)));
}
