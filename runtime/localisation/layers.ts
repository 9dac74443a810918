import { and, desc, eq } from 'drizzle-orm';
import { PlatformError, overlaySchema, type EffectiveLock, type Overlay } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { definitions, overlayDrafts } from '../db/schema/index.ts';
import { orgUnitIdsOf, processesInForce, type PluginRegistry } from '../plugins/index.ts';
import { MINISTRY_ID } from '../organisation/ministry.ts';

/** The tree path of the level above an org unit's path: `/000000/350000/350200/` -> `/000000/350000/`. */
export function parentPath(orgPath: string): string {
  return `/${orgUnitIdsOf(orgPath).slice(0, -1).join('/')}/`;
}

/** The ministry process and its plugin, or PROCESS_NOT_FOUND. */
export function standardProcess(registry: PluginRegistry, processId: string) {
  const process = registry.processes.get(processId);
  if (!process) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
  return process;
}

/** The definition in force at a tree path (the nearest level that published one). */
export async function definitionAt(db: Executor, orgPath: string, processId: string) {
  const [inForce] = await processesInForce(db, orgPath, processId);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
  return inForce;
}

/**
 * Every lock binding an org unit's overlay: the ministry's, and those added by the overlays in
 * force at each level above it (a province binding its cities), each with who set it.
 */
export async function locksAbove(db: Executor, registry: PluginRegistry, processId: string, orgPath: string): Promise<EffectiveLock[]> {
  const { plugin } = standardProcess(registry, processId);
  const locks: EffectiveLock[] = plugin.locks.filter((l) => l.process === processId).map((l) => ({ element: l.element, reason: l.reason, lockedBy: 'ministry' }));
  for (const level of orgUnitIdsOf(orgPath).slice(0, -1).filter((id) => id !== MINISTRY_ID)) {
    const [latest] = await db
      .select({ overlay: definitions.overlay })
      .from(definitions)
      .where(and(eq(definitions.processId, processId), eq(definitions.scopeOrgUnitId, level)))
      .orderBy(desc(definitions.version))
      .limit(1);
    for (const lock of latest?.overlay?.locks ?? []) locks.push({ ...lock, lockedBy: level });
  }
  return locks;
}

/**
 * The overlay the user's level is editing: its draft, else what it last published, else an empty one.
 * A stored overlay is read back through the overlay schema, so it has every field the schema
 * defaults even when it was stored without one (the wire and the engine count on them).
 */
export async function currentOverlay(db: Executor, user: SessionUser, processId: string): Promise<{ overlay: Overlay; source: 'draft' | 'published' | 'empty' }> {
  const [draft] = await db
    .select({ overlay: overlayDrafts.overlay })
    .from(overlayDrafts)
    .where(and(eq(overlayDrafts.processId, processId), eq(overlayDrafts.orgUnitId, user.orgUnit.id)));
  if (draft) return { overlay: overlaySchema.parse(draft.overlay), source: 'draft' };
  const [published] = await db
    .select({ overlay: definitions.overlay })
    .from(definitions)
    .where(and(eq(definitions.processId, processId), eq(definitions.scopeOrgUnitId, user.orgUnit.id)))
    .orderBy(desc(definitions.version))
    .limit(1);
  if (published?.overlay) return { overlay: overlaySchema.parse(published.overlay), source: 'published' };
  return { overlay: overlaySchema.parse({}), source: 'empty' };
}
