import { PlatformError, type LegacyImportMeaning } from '../../engine/index.ts';
import { IMPORT_KINDS, type ImportKind } from '../db/schema/index.ts';
import type { PluginRegistry } from '../plugins/index.ts';
import { employerImport } from './employer-rows.ts';
import type { ImportKindSpec } from './import-kind.ts';
import { legacyImportKind } from './legacy-rows.ts';
import { personImport } from './person-rows.ts';

/** The kinds every city has, by their id. */
const masterKinds: Readonly<Partial<Record<ImportKind, ImportKindSpec>>> = { persons: personImport, employers: employerImport };

/** Every kind a bulk import takes with the loaded packages: persons, employers and each legacy import a package declares. */
export function importKinds(registry: PluginRegistry): ImportKindSpec[] {
  return [...Object.values(masterKinds), ...[...registry.legacyImports.values()].map((declared) => legacyImportKind(registry, declared))];
}

/** A kind's declaration, or NOT_FOUND (also a legacy kind no loaded package declares). */
export function importKind(kind: string, registry: PluginRegistry): ImportKindSpec {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new PlatformError('NOT_FOUND', { details: { importKind: kind } });
  const master = masterKinds[kind as ImportKind];
  if (master) return master;
  const declared = registry.legacyImports.get(kind as LegacyImportMeaning);
  if (!declared) throw new PlatformError('NOT_FOUND', { details: { importKind: kind } });
  return legacyImportKind(registry, declared);
}
