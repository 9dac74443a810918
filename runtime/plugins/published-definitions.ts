import { eq } from 'drizzle-orm';
import { PlatformError, type CompiledDefinition, type Definition } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { definitions } from '../db/schema/index.ts';
import type { PluginRegistry } from './plugin-registry.ts';

/** A published definition row with its compiled machine. */
export interface PublishedDefinition {
  id: string;
  processId: string;
  version: number;
  pluginId: string;
  pluginVersion: string;
  definition: Definition;
  compiled: CompiledDefinition;
}

// Published definitions are immutable, so a loaded one never goes stale.
const cache = new WeakMap<PluginRegistry, Map<string, PublishedDefinition>>();

/** A published definition by id, compiled with its plugin's implementations; loaded once per process. */
export async function publishedDefinition(db: Executor, registry: PluginRegistry, id: string): Promise<PublishedDefinition> {
  let byId = cache.get(registry);
  if (!byId) cache.set(registry, (byId = new Map()));
  const hit = byId.get(id);
  if (hit) return hit;
  const [row] = await db.select().from(definitions).where(eq(definitions.id, id)).limit(1);
  if (!row) throw new PlatformError('PROCESS_NOT_FOUND', { details: { definitionId: id } });
  const loaded: PublishedDefinition = {
    id: row.id,
    processId: row.processId,
    version: row.version,
    pluginId: row.pluginId,
    pluginVersion: row.pluginVersion,
    definition: row.definition,
    compiled: registry.compileStored(row.pluginId, row.definition),
  };
  byId.set(id, loaded);
  return loaded;
}
