import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkOverlay, type Overlay, type OverlayProblem } from '../../engine/index.ts';
import { queryRows, type Transaction } from '../db/index.ts';
import { auditLog, definitions, parameterValues } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { insertLocalVersion } from './local-version.ts';
import { definitionAt, locksAbove, parentPath, standardProcess } from './layers.ts';

/**
 * Removes the parameter values a level published with its versions of a process: before it
 * publishes again (its new overlay lists all its values), or when its version is suspended.
 * Values published with the plugin's other processes stay.
 */
export async function withdrawParameterValues(tx: Transaction, processId: string, orgUnitId: string): Promise<void> {
  await tx
    .delete(parameterValues)
    .where(
      and(
        eq(parameterValues.orgUnitId, orgUnitId),
        inArray(parameterValues.definitionId, tx.select({ id: definitions.id }).from(definitions).where(and(eq(definitions.processId, processId), eq(definitions.scopeOrgUnitId, orgUnitId)))),
      ),
    );
}

/** What re-applying the levels below did after a level above published. */
export interface RebaseReport {
  /** Levels whose overlay still fits: republished on the new version. */
  rebased: { orgUnitId: string; definitionId: string; version: number }[];
  /** Levels whose overlay no longer fits: the version above is in force there until they fix it. */
  needsAttention: { orgUnitId: string; problems: OverlayProblem[] }[];
}

/**
 * After a level publishes (or the ministry installs a new standard), applies the latest overlay
 * of every level below it again on what is now in force above it, top down. An overlay that
 * still passes every check becomes a new version of that level, audited as a rebase; one that
 * no longer does (it now touches something the level above locked or required) is reported,
 * and meanwhile the level above's version is in force there (`processesInForce` skips stale
 * versions), so a province's tightening always binds its cities.
 */
export async function rebaseBelow(tx: Transaction, rt: RuntimeContext, processId: string, scopePath: string, actorId: string | null): Promise<RebaseReport> {
  const { plugin } = standardProcess(rt.registry, processId);
  const latest = await queryRows<{ id: string; scope_org_unit_id: string; path: string; city_code: string | null; based_on: string | null; overlay: Overlay | null }>(
    tx,
    sql`SELECT DISTINCT ON (d.scope_org_unit_id) d.id, d.scope_org_unit_id, o.path, o.city_code, d.based_on, d.overlay
        FROM definitions d JOIN org_units o ON o.id = d.scope_org_unit_id
        WHERE d.process_id = ${processId} AND o.path LIKE ${scopePath} || '%' AND o.path <> ${scopePath}
        ORDER BY d.scope_org_unit_id, d.version DESC`,
  );
  latest.sort((a, b) => a.path.length - b.path.length);
  const report: RebaseReport = { rebased: [], needsAttention: [] };
  const now = rt.clock();
  for (const level of latest) {
    if (!level.overlay) continue;
    const below = await definitionAt(tx, parentPath(level.path), processId);
    if (below.definitionId === level.based_on) continue;
    const locks = await locksAbove(tx, rt.registry, processId, level.path);
    const { definition, problems } = checkOverlay({ below: below.definition, overlay: level.overlay, locks, parameters: plugin.parameters, implementations: plugin.implementations });
    if (!definition || problems.length > 0) {
      // Suspended: the level's parameter values go with its version, until it publishes again.
      await withdrawParameterValues(tx, processId, level.scope_org_unit_id);
      report.needsAttention.push({ orgUnitId: level.scope_org_unit_id, problems });
      continue;
    }
    const { id, version } = await insertLocalVersion(tx, {
      processId,
      plugin,
      scope: { id: level.scope_org_unit_id, path: level.path },
      definition,
      overlay: level.overlay,
      basedOn: below.definitionId,
      publishedBy: actorId,
      now,
    });
    await tx.insert(auditLog).values({
      cityCode: level.city_code,
      actorId,
      action: 'definition.rebase',
      target: id,
      details: { processId, version, scope: level.scope_org_unit_id, basedOn: below.definitionId, previous: level.id },
      at: now,
    });
    report.rebased.push({ orgUnitId: level.scope_org_unit_id, definitionId: id, version });
  }
  return report;
}
