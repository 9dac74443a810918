import { count } from 'drizzle-orm';
import {
  isPlatformError,
  parseDefinition,
  parsePackageManifest,
  verify,
  type LocalizedText,
  type PackageManifest,
  PlatformError,
} from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { auditLog, packages } from '../db/schema/index.ts';
import { standardExtensions } from '../extensions/index.ts';
import { MINISTRY_ID } from '../organisation/ministry.ts';
import { compareVersions, loadPlugins, packageFromManifest, publishStandard, withInstalled, type PluginRegistry } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { registryRuns } from './installed-registry.ts';

/** A package as an administrator uploads it: `plugin.json` and the flow files it names. */
export interface PackageBundle {
  manifest: unknown;
  flows: Record<string, unknown>;
}

/** One problem with a package: the file and path it is at, and what, in zh-CN and English. */
export interface PackageFinding {
  file: string;
  path: string;
  message: LocalizedText;
}

function findingsOf(error: unknown, file: string): PackageFinding[] {
  if (!isPlatformError(error)) throw error;
  const details = Array.isArray(error.details) ? (error.details as { path?: string; message?: LocalizedText | string }[]) : [{ path: '', message: undefined }];
  return details.map((d) => ({
    file,
    path: d.path ?? '',
    message: typeof d.message === 'object' ? d.message : { 'zh-CN': error.localized['zh-CN'], en: `${error.localized.en}${d.message ? `: ${d.message}` : ''} ${JSON.stringify(error.details)}` },
  }));
}

/** What checking a package found, and the registry the platform would run with it installed. */
export interface PackageCheck {
  manifest: PackageManifest | null;
  findings: PackageFinding[];
  registry: PluginRegistry | null;
}

/**
 * Validates and verifies a package against the running platform without changing anything: the
 * manifest by its schema, every flow it names by the definition schema and `verify` (with the
 * runtime's extension catalogue), a version newer than the one in use, and the whole platform
 * loading with it (process ids unique, meanings declared once, subscriptions well formed).
 */
export function checkPackage(rt: RuntimeContext, bundle: PackageBundle): PackageCheck {
  let manifest: PackageManifest;
  try {
    manifest = parsePackageManifest(bundle.manifest);
  } catch (error) {
    return { manifest: null, findings: findingsOf(error, 'plugin.json'), registry: null };
  }
  const findings: PackageFinding[] = [];
  const { flows } = bundle;
  for (const file of manifest.processes) {
    if (!Object.hasOwn(flows, file)) {
      findings.push({ file, path: '', message: { 'zh-CN': `插件清单列出的流程文件 ${file} 未上传`, en: `The manifest lists ${file}, which was not uploaded` } });
      continue;
    }
    try {
      const definition = parseDefinition(flows[file]);
      findings.push(...verify(definition, standardExtensions).map((f) => ({ file, path: f.path, message: f.message })));
    } catch (error) {
      findings.push(...findingsOf(error, file));
    }
  }
  for (const file of Object.keys(flows).filter((name) => !manifest.processes.includes(name))) {
    findings.push({ file, path: '', message: { 'zh-CN': `文件 ${file} 未列入插件清单的 processes`, en: `${file} is not listed in the manifest's processes` } });
  }
  const current = rt.registry.plugins.find((plugin) => plugin.id === manifest.id);
  if (current && compareVersions(manifest.version, current.version) <= 0) {
    findings.push({ file: 'plugin.json', path: 'version', message: { 'zh-CN': `版本须高于在用的 ${current.version}`, en: `The version must be later than ${current.version}, the one in use` } });
  }
  if (findings.length > 0) return { manifest, findings, registry: null };
  try {
    const plugin = packageFromManifest(manifest, manifest.processes.map((file) => flows[file]));
    const registry = loadPlugins(withInstalled(rt.registry.plugins, [plugin]));
    return { manifest, findings: [], registry };
  } catch (error) {
    return { manifest, findings: findingsOf(error, 'plugin.json'), registry: null };
  }
}

/**
 * Installs a checked package version: kept in `packages`, its changed definitions published at
 * the ministry root (earlier versions stay for the cases pinned to them), audited, all in one
 * transaction; then this process runs with it, and every other process within a second of its
 * next request or timer round (`refreshRegistry`).
 * Refused with PLUGIN_INVALID and every finding when the check finds anything.
 */
export async function installPackage(rt: RuntimeContext, user: SessionUser, bundle: PackageBundle) {
  const { manifest, findings, registry } = checkPackage(rt, bundle);
  if (!manifest || !registry) throw new PlatformError('PLUGIN_INVALID', { details: findings });
  const published = await rt.db.transaction(async (tx) => {
    // Two administrators installing the same version at once: the key (id, version) refuses the second (409 DUPLICATE_RECORD).
    await tx.insert(packages).values({ id: manifest.id, version: manifest.version, manifest, flows: bundle.flows, installedBy: user.id, installedAt: rt.clock() });
    const changed: string[] = [];
    for (const [processId, standard] of registry.processes) {
      if (standard.plugin.id === manifest.id && (await publishStandard(tx, processId, standard, MINISTRY_ID, user.id))) changed.push(processId);
    }
    await tx.insert(auditLog).values({ actorId: user.id, action: 'package.install', target: manifest.id, details: { version: manifest.version, published: changed } });
    return { changed, versions: (await tx.select({ versions: count() }).from(packages))[0]!.versions };
  });
  registryRuns(registry, published.versions);
  rt.registry = registry;
  return { id: manifest.id, version: manifest.version, published: published.changed };
}
