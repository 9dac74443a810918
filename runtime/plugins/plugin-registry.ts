import {
  builtInActionNames,
  compile,
  meaningParts,
  parameterValueOn,
  PlatformError,
  type CompiledDefinition,
  type Definition,
  type ExchangeEventSubscription,
  type LegacyImportMeaning,
  type Meaning,
  type MeaningName,
  type PluginManifest,
  type StatusDeclaration,
  type Subscription,
} from '../../engine/index.ts';
import { collectLegacyImports, type DeclaredLegacyImport } from './legacy-imports.ts';

/** A process as a plugin ships it: the standard definition, compiled. */
export interface StandardProcess {
  plugin: PluginManifest;
  compiled: CompiledDefinition;
}

/** The loaded plugins: processes by id, and who subscribes to which domain event. */
export interface PluginRegistry {
  plugins: readonly PluginManifest[];
  processes: ReadonlyMap<string, StandardProcess>;
  /** Compiles a stored (published) definition with its plugin's implementations. Cached by hash. */
  compileStored(pluginId: string, definition: Definition): CompiledDefinition;
  subscriptionsTo(event: string): readonly Subscription[];
  /** What the packages declare another agency's event message of `service` prompts (`plugin.json` `exchangeEvents`). */
  exchangeEventsFor(service: string): readonly ExchangeEventSubscription[];
  /** The parameter values in force on a date (`YYYY-MM-DD`): ministry values until overlays set local ones. */
  parameters(pluginId: string, date: string): Record<string, number | readonly string[]>;
  /**
   * The process, state, event or form a package declares for a meaning the shared features
   * rely on ("a published vacancy"); refused with PROCESS_NOT_FOUND when no package declares it.
   */
  meaning(name: MeaningName): Meaning;
  /**
   * The subject statuses the packages declare, by key: the values each may take, the first its
   * default (what a subject never given the status has).
   */
  statuses: ReadonlyMap<string, StatusDeclaration>;
  /** The registrations a city may import from its earlier system, by meaning (`plugin.json` `legacyImports`). */
  legacyImports: ReadonlyMap<LegacyImportMeaning, DeclaredLegacyImport>;
}

/** The elements a meaning names that its process does not have. */
function missingParts(name: MeaningName, meaning: Meaning, definition: Definition | undefined): string[] {
  if (!definition) return [`process ${meaning.process}`];
  const events = new Set(Object.values(definition.states).flatMap((state) => Object.keys(state.on)));
  return [
    ...meaningParts[name].filter((part) => meaning[part] === undefined).map((part) => `${part} (required)`),
    meaning.state !== undefined && !definition.states[meaning.state] ? `state ${meaning.state}` : '',
    meaning.event !== undefined && !events.has(meaning.event) ? `event ${meaning.event}` : '',
    meaning.form !== undefined && !definition.forms[meaning.form] ? `form ${meaning.form}` : '',
  ].filter(Boolean);
}

/** Each meaning declared once, by the package whose process it names, naming elements that exist. */
function collectMeanings(list: readonly PluginManifest[], processes: ReadonlyMap<string, StandardProcess>): Map<MeaningName, Meaning> {
  const meanings = new Map<MeaningName, Meaning>();
  for (const plugin of list) {
    for (const [name, meaning] of Object.entries(plugin.meanings ?? {}) as [MeaningName, Meaning][]) {
      const owner = processes.get(meaning.process);
      const missing = owner?.plugin === plugin ? missingParts(name, meaning, owner.compiled.definition) : [`process ${meaning.process} in package ${plugin.id}`];
      if (meanings.has(name) || missing.length > 0) {
        throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, meaning: name, ...(meanings.has(name) ? { declaredTwice: true } : { missing }) } });
      }
      meanings.set(name, meaning);
    }
  }
  return meanings;
}

/**
 * Each status declared by one package only: two packages setting one key would overwrite each
 * other's. A registry flag of the `personNationwide` fact is declared once too.
 */
function collectStatuses(list: readonly PluginManifest[]): Map<string, StatusDeclaration> {
  const statuses = new Map<string, StatusDeclaration>();
  const owners = new Map<string, string>();
  const flagOwners = new Map<string, string>();
  for (const plugin of list) {
    for (const [key, declaration] of Object.entries(plugin.statuses ?? {})) {
      const owner = owners.get(key);
      if (owner !== undefined) throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, status: key, declaredBy: owner } });
      owners.set(key, plugin.id);
      statuses.set(key, declaration);
      for (const flag of Object.keys(declaration.registryFlags ?? {})) {
        const flagOwner = flagOwners.get(flag);
        if (flagOwner !== undefined) throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, registryFlag: flag, declaredBy: flagOwner } });
        flagOwners.set(flag, plugin.id);
      }
    }
  }
  return statuses;
}

/**
 * Each exchange event a package declares names one of its own processes, about persons (the
 * agencies' events name a person by ID number), and for `send` an event that process has.
 */
function checkExchangeEvents(list: readonly PluginManifest[], processes: ReadonlyMap<string, StandardProcess>) {
  for (const plugin of list) {
    for (const declared of plugin.exchangeEvents ?? []) {
      const process = processes.get(declared.process);
      const events = new Set(Object.values(process?.compiled.definition.states ?? {}).flatMap((state) => Object.keys(state.on)));
      if (process?.plugin !== plugin || process.compiled.definition.subject !== 'person' || (declared.send !== undefined && !events.has(declared.send))) {
        throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, exchangeEvent: declared.service, process: declared.process, send: declared.send ?? null } });
      }
    }
  }
}

function pluginOf(byId: ReadonlyMap<string, PluginManifest>, id: string): PluginManifest {
  const plugin = byId.get(id);
  if (!plugin) throw new PlatformError('PROCESS_NOT_FOUND', { details: { pluginId: id } });
  return plugin;
}

/** Each document a package declares names one of its own processes and an event that process has. */
function checkDocuments(list: readonly PluginManifest[], processes: ReadonlyMap<string, StandardProcess>) {
  for (const plugin of list) {
    for (const document of plugin.documents ?? []) {
      const process = processes.get(document.process);
      const events = new Set(Object.values(process?.compiled.definition.states ?? {}).flatMap((state) => Object.keys(state.on)));
      if (process?.plugin !== plugin || !events.has(document.after)) {
        throw new PlatformError('DEFINITION_INVALID', { details: { pluginId: plugin.id, document: document.id, process: document.process, after: document.after } });
      }
    }
    const ids = (plugin.documents ?? []).map((d) => d.id);
    if (new Set(ids).size !== ids.length || ids.includes('case-summary')) throw new PlatformError('PLUGIN_DUPLICATE_ID', { details: { pluginId: plugin.id, documents: ids } });
  }
}

/**
 * Loads the packages: refuses duplicate plugin or process ids and plugin
 * actions that would shadow the engine's built-ins, and compiles every definition, so a
 * broken plugin stops the server at start rather than a case at run time.
 */
export function loadPlugins(list: readonly PluginManifest[]): PluginRegistry {
  const byId = new Map<string, PluginManifest>();
  const processes = new Map<string, StandardProcess>();
  for (const plugin of list) {
    if (byId.has(plugin.id)) throw new PlatformError('PLUGIN_DUPLICATE_ID', { details: { pluginId: plugin.id } });
    byId.set(plugin.id, plugin);
    const shadowing = Object.keys(plugin.implementations.actions).filter((name) => builtInActionNames.has(name));
    if (shadowing.length > 0) throw new PlatformError('DEFINITION_INVALID', { details: { pluginId: plugin.id, shadowsBuiltIns: shadowing } });
    for (const raw of plugin.definitions) {
      const compiled = compile(raw, plugin.implementations);
      const id = compiled.definition.id;
      if (processes.has(id)) throw new PlatformError('PLUGIN_DUPLICATE_ID', { details: { processId: id } });
      processes.set(id, { plugin, compiled });
    }
  }
  checkDocuments(list, processes);
  checkExchangeEvents(list, processes);
  const exchangeEvents = list.flatMap((plugin) => plugin.exchangeEvents ?? []);
  const subscriptions = list.flatMap((plugin) => plugin.subscriptions);
  const meanings = collectMeanings(list, processes);
  const statuses = collectStatuses(list);
  const legacyImports = collectLegacyImports(list, processes, meanings, statuses);
  return {
    plugins: list,
    processes,
    compileStored: (pluginId, definition) => compile(definition, pluginOf(byId, pluginId).implementations),
    subscriptionsTo: (event) => subscriptions.filter((s) => s.event === event),
    exchangeEventsFor: (service) => exchangeEvents.filter((s) => s.service === service),
    parameters: (pluginId, date) => Object.fromEntries(pluginOf(byId, pluginId).parameters.map((p) => [p.id, parameterValueOn(p, date)])),
    meaning: (name) => {
      const meaning = meanings.get(name);
      if (!meaning) throw new PlatformError('PROCESS_NOT_FOUND', { details: { meaning: name } });
      return meaning;
    },
    statuses,
    legacyImports,
  };
}
