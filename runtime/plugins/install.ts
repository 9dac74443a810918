import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/index.ts';
import { auditLog, definitions } from '../db/schema/index.ts';
import type { PluginRegistry } from './plugin-registry.ts';

/**
 * Publishes each plugin's standard definition at the ministry root as a new version when
 * its content changed (or was never published). Idempotent: a restart publishes nothing.
 * Returns the process ids that got a new version.
 */
export async function installPlugins(db: Database, registry: PluginRegistry, rootOrgUnitId: string): Promise<string[]> {
  const published: string[] = [];
  for (const [processId, { plugin, compiled }] of registry.processes) {
    await db.transaction(async (tx) => {
      const [latest] = await tx
        .select({ version: definitions.version, hash: definitions.hash })
        .from(definitions)
        .where(and(eq(definitions.processId, processId), eq(definitions.scopeOrgUnitId, rootOrgUnitId)))
        .orderBy(desc(definitions.version))
        .limit(1);
      if (latest?.hash === compiled.hash) return;
      const version = (latest?.version ?? 0) + 1;
      await tx.insert(definitions).values({
        id: randomUUID(),
        processId,
        version,
        pluginId: plugin.id,
        pluginVersion: plugin.version,
        scopeOrgUnitId: rootOrgUnitId,
        definition: compiled.definition,
        hash: compiled.hash,
      });
      await tx.insert(auditLog).values({ action: 'definition.publish', target: processId, details: { version, pluginVersion: plugin.version, scope: rootOrgUnitId } });
      published.push(processId);
    });
  }
  return published;
}
