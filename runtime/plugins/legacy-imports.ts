import { legacyImportMeanings, PlatformError, type CompiledDefinition, type LegacyImport, type LegacyImportMeaning, type Meaning, type MeaningName, type PluginManifest, type StatusDeclaration } from '../../engine/index.ts';

/** A loaded process as this check reads it (the registry's `LoadedProcess`). */
type LoadedProcess = { plugin: PluginManifest; compiled: CompiledDefinition };

/** A legacy import a package declares, with the meaning (process and state) whose cases it brings in. */
export interface DeclaredLegacyImport {
  name: LegacyImportMeaning;
  meaning: Meaning;
  declaration: LegacyImport;
}

/** What a declaration names that the package's process or the loaded statuses do not have. */
function problems(declaration: LegacyImport, meaning: Meaning, process: LoadedProcess, statuses: ReadonlyMap<string, StatusDeclaration>): string[] {
  const { states } = process.compiled.definition;
  const found: string[] = [];
  if (!meaning.state || !declaration.states[meaning.state] || declaration.states[meaning.state]!.ended) found.push(`state ${meaning.state ?? '?'} (the meaning's, not ended)`);
  for (const [name, state] of Object.entries(declaration.states)) {
    const defined = Object.hasOwn(states, name) ? states[name] : undefined;
    if (!defined) found.push(`state ${name}`);
    else if (defined.task) found.push(`state ${name} has a task`);
    if (name !== meaning.state && !state.ended) found.push(`state ${name} (ended)`);
    for (const [key, value] of Object.entries(state.statuses ?? {})) {
      if (!statuses.get(key)?.values.includes(value)) found.push(`status ${key}=${value}`);
    }
  }
  return found;
}

/**
 * The legacy imports the packages declare, each checked at load: its meaning declared by the same
 * package, every state it names one of the process's without a task (nothing of the past is left to
 * do), the meaning's state the one a registration is in, every other an ended one, and every status a
 * declared value.
 */
export function collectLegacyImports(list: readonly PluginManifest[], processes: ReadonlyMap<string, LoadedProcess>, meanings: ReadonlyMap<MeaningName, Meaning>, statuses: ReadonlyMap<string, StatusDeclaration>): Map<LegacyImportMeaning, DeclaredLegacyImport> {
  const found = new Map<LegacyImportMeaning, DeclaredLegacyImport>();
  for (const plugin of list) {
    for (const name of legacyImportMeanings) {
      const declaration = plugin.legacyImports?.[name];
      if (!declaration) continue;
      const meaning = plugin.meanings?.[name];
      const process = meaning && meanings.get(name) === meaning ? processes.get(meaning.process) : undefined;
      const missing = meaning && process?.plugin === plugin ? problems(declaration, meaning, process, statuses) : [`meaning ${name} in package ${plugin.id}`];
      if (found.has(name) || missing.length > 0) throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, legacyImport: name, ...(found.has(name) ? { declaredTwice: true } : { missing }) } });
      found.set(name, { name, meaning: meaning!, declaration });
    }
  }
  return found;
}
