import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { definitionHash, type Definition, type Overlay, type PluginManifest } from '../../engine/index.ts';
import { queryRows, type Transaction } from '../db/index.ts';
import { definitions } from '../db/schema/index.ts';

/** A province's or city's version of a process, as publishing or rebasing writes it. */
export interface LocalVersion {
  processId: string;
  plugin: PluginManifest;
  scope: { id: string; path: string };
  definition: Definition;
  overlay: Overlay;
  basedOn: string;
  publishedBy: string | null;
  now: Date;
}

/**
 * Inserts an immutable version of a process for a level, numbered one above the highest version
 * on the level's path, so versions only grow along a path. Returns its id and number.
 */
export async function insertLocalVersion(tx: Transaction, input: LocalVersion): Promise<{ id: string; version: number }> {
  const [max] = await queryRows<{ version: number | string | null }>(
    tx,
    sql`SELECT max(d.version) AS version FROM definitions d JOIN org_units o ON o.id = d.scope_org_unit_id
        WHERE d.process_id = ${input.processId} AND ${input.scope.path} LIKE o.path || '%'`,
  );
  const id = randomUUID();
  const version = Number(max?.version ?? 0) + 1;
  await tx.insert(definitions).values({
    id,
    processId: input.processId,
    version,
    pluginId: input.plugin.id,
    pluginVersion: input.plugin.version,
    scopeOrgUnitId: input.scope.id,
    definition: input.definition,
    hash: definitionHash(input.definition),
    overlay: input.overlay,
    basedOn: input.basedOn,
    publishedBy: input.publishedBy,
    publishedAt: input.now,
  });
  return { id, version };
}
