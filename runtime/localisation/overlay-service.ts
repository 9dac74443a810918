import { and, eq } from 'drizzle-orm';
import { PlatformError, applyOverlay, checkOverlay, chinaDate, diffDefinitions, type Definition, type Overlay, type OverlayProblem } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { auditLog, overlayDrafts, parameterValues } from '../db/schema/index.ts';
import { localParameterValues, orgUnitIdsOf, parametersInForce } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { MINISTRY_ID } from '../organisation/ministry.ts';
import { insertLocalVersion } from './local-version.ts';
import { parameterSchedules } from './parameter-schedules.ts';
import { rebaseBelow, withdrawParameterValues } from './rebase.ts';
import { currentOverlay, definitionAt, locksAbove, parentPath, standardProcess } from './layers.ts';
import { publishesNothing } from './unchanged.ts';

/**
 * What a configurator sees of a process at their level: the definition in force (with its
 * version and the level that published it), every lock binding the level with who set it and
 * why, the parameters in force today with their bounds, and the overlay being edited.
 */
export async function effectiveProcess(rt: RuntimeContext, user: SessionUser, processId: string) {
  const { plugin } = standardProcess(rt.registry, processId);
  const inForce = await definitionAt(rt.db, user.orgUnit.path, processId);
  const values = await parametersInForce(rt.db, rt.registry, plugin.id, user.orgUnit.path, chinaDate(rt.clock()));
  return {
    processId,
    version: inForce.version,
    definitionId: inForce.definitionId,
    /** The level whose version is in force here: the ministry root, a province or a city. */
    level: inForce.scopeOrgUnitId,
    definition: inForce.definition,
    locks: await locksAbove(rt.db, rt.registry, processId, user.orgUnit.path),
    parameters: plugin.parameters.map((spec) => ({ ...spec, value: values[spec.id] })),
    overlay: user.role === 'configurator' ? await currentOverlay(rt.db, user, processId) : null,
  };
}

/** The draft overlay applied to the level below, checked: locks above, parameter bounds, engine verification. */
async function checkDraft(db: Executor, rt: RuntimeContext, user: SessionUser, processId: string, overlay: Overlay) {
  const { plugin } = standardProcess(rt.registry, processId);
  const below = await definitionAt(db, parentPath(user.orgUnit.path), processId);
  const locks = await locksAbove(db, rt.registry, processId, user.orgUnit.path);
  const checked = checkOverlay({ below: below.definition, overlay, locks, parameters: plugin.parameters, implementations: plugin.implementations });
  return { ...checked, below, plugin };
}

/** Saves the user's level's draft overlay and returns what verification finds in it. */
export async function saveDraft(rt: RuntimeContext, user: SessionUser, processId: string, overlay: Overlay) {
  const { problems } = await checkDraft(rt.db, rt, user, processId, overlay);
  const now = rt.clock();
  await rt.db
    .insert(overlayDrafts)
    .values({ processId, orgUnitId: user.orgUnit.id, overlay, updatedBy: user.id, updatedAt: now })
    .onConflictDoUpdate({ target: [overlayDrafts.processId, overlayDrafts.orgUnitId], set: { overlay, updatedBy: user.id, updatedAt: now } });
  return { overlay, problems };
}

/**
 * Verifies the draft as publishing would: every problem, each with its element and reason, the
 * draft's effective definition, and whether it is `unchanged` from the version in force at the
 * level (publishing it would be refused: nothing to publish). Given an overlay, checks that one
 * instead of the saved draft and saves nothing (an editor checking its changes as they are made).
 */
export async function verifyDraft(
  rt: RuntimeContext,
  user: SessionUser,
  processId: string,
  unsaved?: Overlay,
): Promise<{ problems: OverlayProblem[]; definition: Definition | null; unchanged: boolean }> {
  const overlay = unsaved ?? (await currentOverlay(rt.db, user, processId)).overlay;
  const { problems, definition } = await checkDraft(rt.db, rt, user, processId, overlay);
  const unchanged = definition !== undefined && (await publishesNothing(rt.db, user, processId, { overlay, definition }));
  return { problems, definition: definition ?? null, unchanged };
}

/** The draft's effective definition, or the typed refusal of its first problem with all of them. */
export async function draftDefinition(db: Executor, rt: RuntimeContext, user: SessionUser, processId: string) {
  const { overlay } = await currentOverlay(db, user, processId);
  const checked = await checkDraft(db, rt, user, processId, overlay);
  const [first] = checked.problems;
  if (first || !checked.definition) throw new PlatformError(first?.code ?? 'OVERLAY_INVALID', { details: { problems: checked.problems } });
  return { ...checked, definition: checked.definition, overlay };
}

/**
 * The ministry standard, the versions the levels above and at the user's level published (a
 * province's, a city's), and the draft of the user's level, with the changes from each to the next:
 * of the definition, and of the parameters from today on (`parameters.<id>`: a value, or the values
 * with their first days when a change is scheduled).
 */
export async function diffLevels(rt: RuntimeContext, user: SessionUser, processId: string) {
  const { plugin } = standardProcess(rt.registry, processId);
  const ids = orgUnitIdsOf(user.orgUnit.path);
  const local = await localParameterValues(rt.db, plugin.id, user.orgUnit.path);
  const today = chinaDate(rt.clock());
  const layer = (depth: number, definition: Definition, draft?: Overlay['parameters']) => ({ definition, parameters: parameterSchedules(plugin.parameters, local, depth, today, draft) });
  const ministry = await definitionAt(rt.db, `/${MINISTRY_ID}/`, processId);
  const levels = [{ level: 'ministry', version: ministry.version as number | null, ...layer(1, ministry.definition) }];
  for (let depth = 2; depth <= ids.length; depth++) {
    const inForce = await definitionAt(rt.db, `/${ids.slice(0, depth).join('/')}/`, processId);
    // Only a level that published its own version is a layer of its own.
    if (inForce.scopeOrgUnitId === ids[depth - 1]) levels.push({ level: inForce.scopeOrgUnitId, version: inForce.version, ...layer(depth, inForce.definition) });
  }
  const { overlay, source } = await currentOverlay(rt.db, user, processId);
  if (source === 'draft') {
    const below = await definitionAt(rt.db, parentPath(user.orgUnit.path), processId);
    const draft = { level: 'draft', version: null, ...layer(ids.length, applyOverlay(below.definition, overlay), overlay.parameters) };
    // A draft already published as it is adds no layer.
    if (layerChanges(levels.at(-1)!, draft).length > 0) levels.push(draft);
  }
  return {
    levels: levels.map(({ level, version }) => ({ level, version })),
    changes: levels.slice(1).map((to, i) => ({ from: levels[i]!.level, to: to.level, changes: layerChanges(levels[i]!, to) })),
  };
}

/** What a level changed of the one above: its definition, and its parameters as `parameters.<id>`. */
function layerChanges(above: { definition: Definition; parameters: object }, level: { definition: Definition; parameters: object }) {
  return [...diffDefinitions(above.definition, level.definition), ...diffDefinitions({ parameters: above.parameters }, { parameters: level.parameters })];
}

/**
 * Publishes the draft of the user's level: its effective definition becomes an immutable,
 * numbered version in force for the level (new cases use it; running cases stay on theirs), its
 * parameter values take effect from their dates, and the publication is audited. The overlays
 * of the levels below are applied again on the new version (`rebaseBelow`), and the saved draft is
 * cleared (the level edits on from what it published). Refused with the first problem's code and
 * all problems when verification finds any, and with `OVERLAY_UNCHANGED` when the draft adds
 * nothing to the version in force (no empty versions).
 */
export async function publishDraft(rt: RuntimeContext, user: SessionUser, processId: string) {
  const now = rt.clock();
  return rt.db.transaction(async (tx) => {
    const { definition, overlay, below, plugin } = await draftDefinition(tx, rt, user, processId);
    if (await publishesNothing(tx, user, processId, { overlay, definition })) {
      const inForce = await definitionAt(tx, user.orgUnit.path, processId);
      throw new PlatformError('OVERLAY_UNCHANGED', { details: { version: inForce.version, scope: inForce.scopeOrgUnitId } });
    }
    const { id, version } = await insertLocalVersion(tx, {
      processId,
      plugin,
      scope: user.orgUnit,
      definition,
      overlay,
      basedOn: below.definitionId,
      publishedBy: user.id,
      now,
    });
    await withdrawParameterValues(tx, processId, user.orgUnit.id);
    for (const value of overlay.parameters) {
      await tx
        .insert(parameterValues)
        .values({ pluginId: plugin.id, parameterId: value.id, orgUnitId: user.orgUnit.id, effectiveFrom: value.from, value: value.value, definitionId: id })
        .onConflictDoUpdate({
          target: [parameterValues.pluginId, parameterValues.parameterId, parameterValues.orgUnitId, parameterValues.effectiveFrom],
          set: { value: value.value, definitionId: id },
        });
    }
    await tx.insert(auditLog).values({
      cityCode: user.orgUnit.cityCode,
      actorId: user.id,
      action: 'definition.publish',
      target: id,
      details: { processId, version, scope: user.orgUnit.id, basedOn: below.definitionId, operations: overlay.operations.length, parameters: overlay.parameters },
      at: now,
    });
    // The draft is now the version in force: the level edits on from what it published.
    await tx.delete(overlayDrafts).where(and(eq(overlayDrafts.processId, processId), eq(overlayDrafts.orgUnitId, user.orgUnit.id)));
    const levelsBelow = await rebaseBelow(tx, rt, processId, user.orgUnit.path, user.id);
    return { definitionId: id, processId, version, scope: user.orgUnit.id, basedOn: below.definitionId, basedOnVersion: below.version, publishedAt: now.toISOString(), levelsBelow };
  });
}
