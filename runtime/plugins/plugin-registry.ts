import {
  builtInActionNames,
  compile,
  parameterValueOn,
  PlatformError,
  type CompiledDefinition,
  type Definition,
  type PluginManifest,
  type Subscription,
} from '../../engine/index.ts';

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
  /** The parameter values in force on a date (`YYYY-MM-DD`): ministry values until overlays set local ones. */
  parameters(pluginId: string, date: string): Record<string, number | readonly string[]>;
}

function pluginOf(byId: ReadonlyMap<string, PluginManifest>, id: string): PluginManifest {
  const plugin = byId.get(id);
  if (!plugin) throw new PlatformError('PROCESS_NOT_FOUND', { details: { pluginId: id } });
  return plugin;
}

/**
 * Loads the explicit plugin list: refuses duplicate plugin or process ids and plugin
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
  const subscriptions = list.flatMap((plugin) => plugin.subscriptions);
  return {
    plugins: list,
    processes,
    compileStored: (pluginId, definition) => compile(definition, pluginOf(byId, pluginId).implementations),
    subscriptionsTo: (event) => subscriptions.filter((s) => s.event === event),
    parameters: (pluginId, date) => Object.fromEntries(pluginOf(byId, pluginId).parameters.map((p) => [p.id, parameterValueOn(p, date)])),
  };
}
