import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../db/index.ts';
import { auditLog, definitions } from '../db/schema/index.ts';
import type { PluginRegistry, StandardProcess } from './plugin-registry.ts';

/**
 * Publishes one process's standard definition at the ministry root as a new version when its
 * content changed (or was never published), in the caller's transaction. Returns whether it did.
 */
export async function publishStandard(tx: Transaction, processId: string, { plugin, compiled }: StandardProcess, rootOrgUnitId: string, publishedBy: string | null = null): Promise<boolean> {
  const [latest] = await tx
    .select({ version: definitions.version, hash: definitions.hash })
    .from(definitions)
    .where(and(eq(definitions.processId, processId), eq(definitions.scopeOrgUnitId, rootOrgUnitId)))
    .orderBy(desc(definitions.version))
    .limit(1);
  if (latest?.hash === compiled.hash) return false;
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
    publishedBy,
  });
  await tx.insert(auditLog).values({ actorId: publishedBy, action: 'definition.publish', target: processId, details: { version, pluginVersion: plugin.version, scope: rootOrgUnitId } });
  return true;
}

/**
 * Publishes each loaded package's standard definitions at the ministry root where they changed.
 * Idempotent: a restart publishes nothing. Returns the process ids that got a new version.
 */
export async function installPlugins(db: Database, registry: PluginRegistry, rootOrgUnitId: string): Promise<string[]> {
  const published: string[] = [];
  for (const [processId, standard] of registry.processes) {
    if (await db.transaction((tx) => publishStandard(tx, processId, standard, rootOrgUnitId))) published.push(processId);
  }
  return published;
}
