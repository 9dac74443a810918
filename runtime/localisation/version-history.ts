import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/index.ts';
import { definitions, orgUnits, users } from '../db/schema/index.ts';
import { orgUnitIdsOf, processesInForce } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { standardProcess } from './layers.ts';

/** One published version of a process on the caller's path, as the version history lists it. */
export interface PublishedVersion {
  definitionId: string;
  version: number;
  /** The level that published it: the ministry root, a province or a city. */
  level: { id: string; name: string; kind: string };
  /** Who published it; null for a ministry standard installed with its plugin. */
  publishedBy: { id: string; name: string } | null;
  publishedAt: string;
  /** The version of the level above that the overlay was applied to; null for a ministry standard. */
  basedOn: { definitionId: string; version: number; levelName: string } | null;
  /** How many changes the overlay made: typed operations and parameter values; null for a ministry standard. */
  operations: number | null;
  /** Whether this is the version new cases of the caller's org unit use. */
  inForce: boolean;
}

/**
 * The versions of a process published on the caller's path (the ministry's, their province's,
 * their city's), highest number first (a province and a city may each have a version 2: numbers
 * grow along a path, not across the tree; the later one comes first), each with the level and person that published it, when, the
 * version it was built on and whether it is the one in force for the caller.
 */
export async function versionHistory(rt: RuntimeContext, user: SessionUser, processId: string): Promise<{ processId: string; items: PublishedVersion[] }> {
  standardProcess(rt.registry, processId);
  const base = alias(definitions, 'base');
  const baseLevel = alias(orgUnits, 'base_level');
  const rows = await rt.db
    .select({
      definitionId: definitions.id,
      version: definitions.version,
      levelId: orgUnits.id,
      levelName: orgUnits.name,
      levelKind: orgUnits.kind,
      publisherId: users.id,
      publisherName: users.displayName,
      publishedAt: definitions.publishedAt,
      overlay: definitions.overlay,
      baseId: base.id,
      baseVersion: base.version,
      baseLevelName: baseLevel.name,
    })
    .from(definitions)
    .innerJoin(orgUnits, eq(orgUnits.id, definitions.scopeOrgUnitId))
    .leftJoin(users, eq(users.id, definitions.publishedBy))
    .leftJoin(base, eq(base.id, definitions.basedOn))
    .leftJoin(baseLevel, eq(baseLevel.id, base.scopeOrgUnitId))
    .where(and(eq(definitions.processId, processId), inArray(definitions.scopeOrgUnitId, orgUnitIdsOf(user.orgUnit.path))))
    .orderBy(desc(definitions.version), desc(definitions.publishedAt));
  const [inForce] = await processesInForce(rt.db, user.orgUnit.path, processId);
  return {
    processId,
    items: rows.map((row) => ({
      definitionId: row.definitionId,
      version: row.version,
      level: { id: row.levelId, name: row.levelName, kind: row.levelKind },
      publishedBy: row.publisherId && row.publisherName ? { id: row.publisherId, name: row.publisherName } : null,
      publishedAt: row.publishedAt.toISOString(),
      basedOn: row.baseId && row.baseVersion !== null ? { definitionId: row.baseId, version: row.baseVersion, levelName: row.baseLevelName ?? '' } : null,
      operations: row.overlay ? row.overlay.operations.length + row.overlay.parameters.length : null,
      inForce: row.definitionId === inForce?.definitionId,
    })),
  };
}
