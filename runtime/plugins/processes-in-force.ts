import { sql } from 'drizzle-orm';
import type { Definition } from '../../engine/index.ts';
import { queryRows, type Executor } from '../db/index.ts';

/** A published definition in force for an org unit. */
export interface ProcessInForce {
  definitionId: string;
  processId: string;
  version: number;
  pluginId: string;
  pluginVersion: string;
  scopeOrgUnitId: string;
  definition: Definition;
}

/**
 * The definitions in force for an org unit: for each process, the newest version published
 * at the nearest scope among the unit and its ancestors (city over province over ministry).
 */
export async function processesInForce(db: Executor, orgPath: string, processId?: string): Promise<ProcessInForce[]> {
  const rows = await queryRows<{
    definition_id: string;
    process_id: string;
    version: number;
    plugin_id: string;
    plugin_version: string;
    scope_org_unit_id: string;
    definition: Definition;
  }>(
    db,
    sql`
    SELECT DISTINCT ON (d.process_id)
      d.id AS definition_id, d.process_id, d.version, d.plugin_id, d.plugin_version, d.scope_org_unit_id, d.definition
    FROM definitions d
    JOIN org_units o ON o.id = d.scope_org_unit_id
    WHERE ${orgPath} LIKE o.path || '%' ${processId ? sql`AND d.process_id = ${processId}` : sql``}
    ORDER BY d.process_id, length(o.path) DESC, d.version DESC`);
  return rows.map((r) => ({
    definitionId: r.definition_id,
    processId: r.process_id,
    version: Number(r.version),
    pluginId: r.plugin_id,
    pluginVersion: r.plugin_version,
    scopeOrgUnitId: r.scope_org_unit_id,
    definition: r.definition,
  }));
}
