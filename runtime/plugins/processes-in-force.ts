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

interface LatestAtLevel extends ProcessInForce {
  basedOn: string | null;
  depth: number;
}

/**
 * The definitions in force for an org unit: for each process, the ministry's newest version,
 * replaced level by level down the unit's path (province, then city) by that level's newest
 * version, but only while that version was built on the one in force above it. A city version
 * built on a province version since replaced is stale and no longer in force: the province's
 * tightening binds the city until the city's overlay is applied again (publishing does that).
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
    based_on: string | null;
    depth: number;
  }>(
    db,
    sql`
    SELECT DISTINCT ON (d.process_id, d.scope_org_unit_id)
      d.id AS definition_id, d.process_id, d.version, d.plugin_id, d.plugin_version, d.scope_org_unit_id, d.definition, d.based_on,
      length(o.path) AS depth
    FROM definitions d
    JOIN org_units o ON o.id = d.scope_org_unit_id
    WHERE ${orgPath} LIKE o.path || '%' ${processId ? sql`AND d.process_id = ${processId}` : sql``}
    ORDER BY d.process_id, d.scope_org_unit_id, d.version DESC`);
  const byProcess = new Map<string, LatestAtLevel[]>();
  for (const r of rows) {
    const level: LatestAtLevel = {
      definitionId: r.definition_id,
      processId: r.process_id,
      version: Number(r.version),
      pluginId: r.plugin_id,
      pluginVersion: r.plugin_version,
      scopeOrgUnitId: r.scope_org_unit_id,
      definition: r.definition,
      basedOn: r.based_on,
      depth: Number(r.depth),
    };
    byProcess.set(level.processId, [...(byProcess.get(level.processId) ?? []), level]);
  }
  const inForce: ProcessInForce[] = [];
  for (const levels of byProcess.values()) {
    levels.sort((a, b) => a.depth - b.depth);
    let current: LatestAtLevel | undefined;
    for (const level of levels) {
      if (!current || level.basedOn === current.definitionId) current = level;
    }
    if (current) {
      const { basedOn: _basedOn, depth: _depth, ...process } = current;
      inForce.push(process);
    }
  }
  return inForce.sort((a, b) => a.processId.localeCompare(b.processId));
}
